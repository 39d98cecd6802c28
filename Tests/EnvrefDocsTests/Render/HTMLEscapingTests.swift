import Foundation
import Mustache
import Testing

@testable import EnvrefDocs

@Suite("Render: HTML escaping")
struct HTMLEscapingTests {
    /// What swift-mustache's built-in escaper makes of `text`: a template with no content type uses it.
    private func libraryEscaped(_ text: String) throws -> String {
        try MustacheTemplate(string: "{{text}}").render(["text": text])
    }

    @Test("escapes the five characters with swift-mustache's entities")
    func entities() {
        #expect(HTMLEscaping().escapeText(#"<a href="x">Tom & Jerry's</a>"#)
            == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(HTMLEscaping().escapeText("") == "")
        #expect(HTMLEscaping().escapeText("日本語のテキスト 🎉") == "日本語のテキスト 🎉")
    }

    @Test("gives swift-mustache's output for every text of up to four pieces without a combining mark after an escaped character")
    func matchesLibraryEscaping() throws {
        let pieces = ["a", "<", ">", "&", "\"", "'", "e\u{301}", "日", "🎉", " ", "\n", "\r\n"]
        var texts = [""]
        var shorter = [""]
        for _ in 1...4 {
            shorter = shorter.flatMap { prefix in pieces.map { prefix + $0 } }
            texts += shorter
        }
        var mismatches: [String] = []
        for text in texts where HTMLEscaping().escapeText(text) != (try libraryEscaped(text)) {
            mismatches.append(text)
        }
        #expect(texts.count == 22_621)
        #expect(mismatches.isEmpty, "first differences: \(mismatches.prefix(5).map { $0.debugDescription })")
    }

    @Test("a quote or bracket followed by a combining mark is escaped like any other",
          arguments: ["\"\u{301}", "<\u{338}", ">\u{301}", "&\u{301}", "'\u{301}"])
    func combiningMarkAfterEscapedCharacter(text: String) throws {
        let mark = String(text.unicodeScalars.dropFirst())
        let entity = ["\"": "&quot;", "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&#39;"][String(text.unicodeScalars.first!)]!
        #expect(HTMLEscaping().escapeText(text) == entity + mark)
    }

    @Test("templates escape with it unless they name another content type, and a quote cannot end an attribute early")
    func templatesUseIt() throws {
        let directory = try Fixtures.templatesDirectory([
            "index.html": "<p title=\"{{label}}\">{{label}}</p>\n",
            "reference.md": "{{%CONTENT_TYPE: TEXT}}\n{{label}}\n",
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        let templates = try #require(TemplateSet.load(from: directory.path).templates)
        let label = "Copy\"\u{301} onmouseover=alert(1) <b>"
        #expect(templates.render(["label": label], with: "index.html")
            == "<p title=\"Copy&quot;\u{301} onmouseover=alert(1) &lt;b&gt;\">Copy&quot;\u{301} onmouseover=alert(1) &lt;b&gt;</p>\n")
        #expect(templates.render(["label": label], with: "reference.md") == label + "\n")
    }
}
