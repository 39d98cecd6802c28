import Foundation
import Testing

@testable import EnvrefPreview

@Suite("Preview requests")
struct PreviewHandlerTests {
    @Test("requests map to files under the root path", arguments: [
        ("/env/", "/env/", ""), ("/env/en/", "/env/", "en/"), ("/env/assets/site.js", "/env/", "assets/site.js"),
        ("/en/index.html", "/", "en/index.html"), ("/env/a%20b.md", "/env/", "a b.md"),
    ])
    func inside(request: String, root: String, expected: String) {
        #expect(PreviewHandler.sitePath(request, rootPath: root) == expected)
    }

    @Test("paths outside the root or out of the site folder are refused", arguments: [
        "/other/en/", "/env/../etc/passwd", "/env/%2e%2e/%2e%2e/etc/passwd", "/env/en/./index.html",
        "/env/.git/config", "/env/a%00b", "/env/..%5c..%5cx",
    ])
    func outside(request: String) {
        #expect(PreviewHandler.sitePath(request, rootPath: "/env/") == nil)
    }

    @Test("pages get the live-reload script before </body>, with the build they show")
    func liveReload() {
        let page = Data("<html><body><p>x</p></body></html>\n".utf8)
        #expect(String(decoding: PreviewHandler.withLiveReload(page, version: 7), as: UTF8.self)
            == "<html><body><p>x</p><script src=\"/__envref/live.js\" data-version=\"7\"></script>\n</body></html>\n")
        #expect(String(decoding: PreviewHandler.withLiveReload(Data("plain".utf8), version: 1), as: UTF8.self)
            == "plain<script src=\"/__envref/live.js\" data-version=\"1\"></script>")
    }

    @Test("content types follow the extension")
    func contentTypes() {
        #expect(PreviewHandler.contentType(of: "Site/en/index.html") == "text/html; charset=utf-8")
        #expect(PreviewHandler.contentType(of: "Site/en/environment-variables.md") == "text/markdown; charset=utf-8")
        #expect(PreviewHandler.contentType(of: "Site/assets/favicon.svg") == "image/svg+xml")
        #expect(PreviewHandler.contentType(of: "Site/sitemap.xml") == "application/xml; charset=utf-8")
        #expect(PreviewHandler.contentType(of: "Site/x.bin") == "application/octet-stream")
    }

    @Test("the root path comes from the base URL")
    func rootPath() {
        #expect(PreviewServer.rootPath(forBaseURL: "https://docs.example.com/env/") == "/env/")
        #expect(PreviewServer.rootPath(forBaseURL: "https://docs.example.com/env") == "/env/")
        #expect(PreviewServer.rootPath(forBaseURL: "https://docs.example.com") == "/")
        #expect(PreviewServer.rootPath(forBaseURL: nil) == "/")
    }
}
