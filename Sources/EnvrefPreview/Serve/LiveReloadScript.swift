/// The script the preview adds to every HTML page it serves: it reloads the page after a good
/// rebuild and shows the diagnostics of a failed one in an overlay, while the last good page stays.
enum LiveReloadScript {
    /// Where the script is served.
    static let path = "/__envref/live.js"
    /// Where pages ask for the build state.
    static let statePath = "/__envref/state"

    /// The `<script>` element placed before `</body>`.
    static func tag(version: Int) -> String {
        "<script src=\"\(path)\" data-version=\"\(version)\"></script>"
    }

    static let source = #"""
        // envref preview: reloads after a good rebuild, shows errors after a bad one.
        (function () {
          "use strict";
          var version = Number(document.currentScript.dataset.version);
          var overlay = null;

          function show(diagnostics) {
            if (!diagnostics.length) {
              if (overlay) overlay.hidden = true;
              return;
            }
            if (!overlay) {
              overlay = document.createElement("div");
              overlay.id = "envref-preview-errors";
              overlay.setAttribute("role", "alert");
              var style = overlay.style;
              style.position = "fixed"; style.left = "0"; style.right = "0"; style.bottom = "0";
              style.maxHeight = "50vh"; style.overflow = "auto"; style.zIndex = "10";
              style.margin = "0"; style.padding = "1rem 1.5rem"; style.background = "#4a0d0d"; style.color = "#fff";
              style.font = "14px/1.5 ui-monospace, monospace"; style.whiteSpace = "pre-wrap";
              style.borderTop = "4px solid #f85149";
              document.body.appendChild(overlay);
            }
            overlay.textContent = "envref: the last build failed; this page shows the last good site.\n\n" + diagnostics.join("\n");
            overlay.hidden = false;
          }

          function poll(since) {
            fetch("/__envref/state?since=" + since, { cache: "no-store" })
              .then(function (response) { return response.json(); })
              .then(function (state) {
                if (state.version !== version && state.ok) {
                  location.reload();
                  return;
                }
                show(state.ok ? [] : state.diagnostics);
                poll(state.version);
              })
              .catch(function () { setTimeout(function () { poll(since); }, 1000); });
          }

          poll(-1);
        })();
        """#
}
