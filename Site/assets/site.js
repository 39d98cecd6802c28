// envref reference pages: everything here is an addition. Without JavaScript every variable is
// shown and every link works; with it, readers get filtering, copy buttons, a language switcher
// that keeps their place, and a language picked for them on the entry page.
(function () {
  "use strict";

  // Case- and accent-insensitive: "défaut" finds "DEFAUT", full-width letters find ASCII ones.
  function fold(text) {
    return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : whole;
    });
  }

  function pickLanguage() {
    // The list stays when the reader asked for it (#languages) or nothing matches.
    if (location.hash === "#languages") return;
    var links = Array.prototype.slice.call(document.querySelectorAll("a.language-name[hreflang]"));
    var wanted = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
    for (var i = 0; i < wanted.length; i++) {
      var tag = String(wanted[i]).toLowerCase();
      var exact = links.find(function (link) { return link.hreflang.toLowerCase() === tag; });
      var sameBase = links.find(function (link) { return link.hreflang.toLowerCase().split("-")[0] === tag.split("-")[0]; });
      var choice = exact || sameBase;
      if (choice) {
        location.replace(choice.href);
        return;
      }
    }
  }

  function keepPlaceWhenSwitchingLanguage() {
    document.querySelectorAll("nav.languages a[hreflang]").forEach(function (link) {
      link.addEventListener("click", function () {
        if (location.hash) link.href = link.href.split("#")[0] + location.hash;
      });
    });
  }

  function setUpFilter(table) {
    var box = document.querySelector(".filter[role=search]");
    var input = document.getElementById("filter");
    var status = document.getElementById("filter-status");
    if (!box || !input || !status) return;
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var searchable = rows.map(function (row) {
      var cells = row.querySelectorAll("th .anchor, td.type, td.default, td.description");
      return fold(Array.prototype.map.call(cells, function (cell) { return cell.textContent; }).join(" "));
    });
    var noMatch = document.createElement("p");
    noMatch.className = "no-match";
    noMatch.hidden = true;
    table.parentNode.insertBefore(noMatch, table.nextSibling);

    function apply() {
      var terms = fold(input.value).split(/\s+/).filter(Boolean);
      var visible = 0;
      rows.forEach(function (row, index) {
        var shown = terms.every(function (term) { return searchable[index].indexOf(term) !== -1; });
        row.hidden = !shown;
        if (shown) visible += 1;
      });
      status.textContent = fill(status.dataset.count, { visible: visible, total: rows.length });
      noMatch.hidden = visible !== 0;
      noMatch.textContent = visible === 0 ? fill(status.dataset.noMatch, { query: input.value.trim() }) : "";
      table.classList.toggle("is-empty", visible === 0);
    }

    input.addEventListener("input", apply);
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && input.value) {
        input.value = "";
        apply();
      }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
      var target = event.target;
      if (target.closest && target.closest("input, textarea, select, [contenteditable]")) return;
      event.preventDefault();
      input.focus();
      input.select();
    });
    box.hidden = false;
    apply();
  }

  function copyText(text) {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      return navigator.clipboard.writeText(text).catch(function () { return copyWithSelection(text); });
    }
    return copyWithSelection(text);
  }

  // Pages opened from file:// or plain http may not get the asynchronous clipboard.
  function copyWithSelection(text) {
    var field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.className = "visually-hidden";
    document.body.appendChild(field);
    field.select();
    var copied = document.execCommand("copy");
    document.body.removeChild(field);
    return copied ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  // The buttons are written once, in a template, and copied into every row here: they only work with
  // JavaScript, and a copy in each row's markup was nearly half of a large page.
  function setUpCopyButtons(table) {
    var copiedLabel = table.dataset.copied;
    var controls = document.getElementById("copy-controls");
    if (!controls) return;
    table.querySelectorAll("tbody th > a.anchor").forEach(function (anchor) {
      anchor.after(" ", controls.content.cloneNode(true));
    });
    table.addEventListener("click", function (event) {
      var button = event.target.closest("button.copy");
      if (!button) return;
      var row = button.closest("tr[id]");
      var text = button.dataset.copy === "link" ? location.href.split("#")[0] + "#" + row.id : row.id;
      copyText(text).then(function () {
        var label = button.querySelector(".visually-hidden");
        var original = button.dataset.label || (button.dataset.label = label.textContent);
        var title = button.dataset.title || (button.dataset.title = button.title);
        var icon = button.querySelector("use");
        var iconName = button.dataset.icon || (button.dataset.icon = icon.getAttribute("href"));
        label.textContent = copiedLabel;
        button.title = copiedLabel;
        icon.setAttribute("href", "#icon-check");
        button.classList.add("is-copied");
        clearTimeout(button.copiedTimer);
        button.copiedTimer = setTimeout(function () {
          label.textContent = original;
          button.title = title;
          icon.setAttribute("href", iconName);
          button.classList.remove("is-copied");
        }, 1500);
      });
    });
  }

  function start() {
    if (document.documentElement.dataset.page === "entry") {
      pickLanguage();
      return;
    }
    keepPlaceWhenSwitchingLanguage();
    var table = document.querySelector("table.variables");
    if (!table) return;
    setUpFilter(table);
    setUpCopyButtons(table);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
