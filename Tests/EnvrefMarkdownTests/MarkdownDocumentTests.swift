import EnvrefCore
import Foundation
import Testing

@testable import EnvrefMarkdown

@Suite("cmark-gfm binding")
struct MarkdownDocumentTests {
    @Test("the GFM extensions are on: tables, autolinks, strikethrough")
    func extensions() {
        let html = MarkdownDocument("| a | b |\n| - | - |\n| 1 | 2 |\n\nSee https://wandb.ai and ~~old~~.\n").html()
        #expect(html.contains("<table>"))
        #expect(html.contains("<td>2</td>"))
        #expect(html.contains("<a href=\"https://wandb.ai\">https://wandb.ai</a>"))
        #expect(html.contains("<del>old</del>"))
    }

    @Test("raw HTML is shown as text, never passed through")
    func rawHTML() {
        let html = MarkdownDocument("Hi <script>alert(1)</script> <b>x</b>\n\n<div onclick=\"x()\">block</div>\n").html()
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<b>"))
        #expect(!html.contains("<div"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&lt;div onclick=&quot;x()&quot;&gt;block&lt;/div&gt;"))
    }

    @Test("dangerous link targets are dropped")
    func unsafeLinks() {
        let html = MarkdownDocument("[click](javascript:alert(1))\n").html()
        #expect(!html.contains("javascript:"))
    }

    @Test("the tree keeps positions and table structure")
    func tree() throws {
        let document = MarkdownDocument("# Title\n\n| Name | Use |\n| --- | --- |\n| `A_B` | x |\n")
        let heading = try #require(document.root.children.first)
        #expect(heading.type == "heading")
        #expect(heading.headingLevel == 1)
        let table = try #require(document.root.children.last)
        #expect(table.type == "table")
        #expect(table.line == 3)
        let rows = table.children
        #expect(rows.map(\.type) == ["table_header", "table_row"])
        #expect(rows.map(\.isTableHeader) == [true, false])
        #expect(rows[1].children.first?.plainText == "A_B")
    }
}

@Suite("Hostile Markdown")
struct HostileMarkdownTests {
    @Test("thousands of nested quotes neither crash nor lose their text")
    func deepNesting() {
        let document = MarkdownDocument(String(repeating: ">", count: 5_000) + " deep `text`\n")
        let nodes = document.root.allNodes
        #expect(nodes.count == MarkdownNode.maximumDepth + 1)
        #expect(nodes.last?.isFlattened == true)
        #expect(document.root.plainText == "deep text")
        #expect(document.html().contains("deep"))
    }

    @Test("parsing from many tasks at once is safe")
    func concurrentParses() async {
        let pages = (0..<64).map { "| a | b |\n| - | - |\n| \($0) | ~~x~~ https://e.com |\n" }
        let tables = await withTaskGroup(of: Int.self) { group in
            for page in pages { group.addTask { MarkdownDocument(page).root.allNodes.filter { $0.type == "table" }.count } }
            return await group.reduce(0, +)
        }
        #expect(tables == 64)
    }

    /// Only cmark-gfm's parse is serialised; the HTML is rendered and neutralised outside the lock.
    @Test("HTML rendered from many threads at once is the HTML rendered one document at a time")
    func concurrentRendering() {
        let pages = (0..<2_000).map { index in
            "| a | b |\n| - | - |\n| \(index) | ~~x~~ https://e.com/\(index) |\n\n<b>raw \(index)</b> [js](javascript:alert(\(index))) *em* `code`\n"
        }
        let serial = pages.map { MarkdownDocument.parsingWithHTML($0).html }
        #expect(pages.parallelMap(minimumChunk: 1) { MarkdownDocument.parsingWithHTML($0).html } == serial)
        #expect(serial[7].contains("<del>x</del>"))
        #expect(serial[7].contains("&lt;b&gt;raw 7&lt;/b&gt;"))
    }
}

@Suite("Markdown inside one table cell")
struct TableCellMarkdownTests {
    @Test("pipes, newlines and paragraphs are flattened into one cell", arguments: [
        ("a | b", #"a \| b"#),
        ("line one\nline two", "line one line two"),
        ("para one\n\npara two", "para one<br><br>para two"),
        ("use `a|b`", #"use `a\|b`"#),
        ("- x\n- y", "• x<br>• y"),
        ("1. x\n2. y", "1. x<br>2. y"),
        ("<b>bold</b>", #"\<b\>bold\</b\>"#),
        ("W&B and &amp;", "W&B and &"),
        ("&amp;lt; stays text", #"\&lt; stays text"#),
        ("[docs](<https://x.y/a b>)", "[docs](https://x.y/a%20b)"),
        ("[w](https://x.y/A_(b))", #"[w](https://x.y/A_\(b\))"#),
        ("[q](https://x.y/?a=1&b=2)", "[q](https://x.y/?a=1&amp;b=2)"),
        (#"[s](https://x.y/a\\b)"#, #"[s](https://x.y/a\\b)"#),
        ("Go!<https://x.y>", #"Go\![https\://x.y](https://x.y)"#),
        ("see https://x.y_u_ or www.x_y_.z", #"see https\://x.y\_u\_ or www\.x\_y\_.z"#),
        ("*a*_b_ and _c_*d*.", "*a*_b_ and *c*_d_."),
    ])
    func cells(markdown: String, cell: String) {
        #expect(TableCellMarkdown.cell(from: markdown) == cell)
    }

    // The limit guards against a hang, not a speed: writing each level twice took 2^40 steps here.
    @Test("emphasis nested 40 deep is written once per level, not twice", .timeLimit(.minutes(1)))
    func deepEmphasis() {
        // Each level ends in an escaped `*`, so the next one takes `_`; writing it again would double the work.
        var markdown = "*x*"
        for level in 0..<40 { markdown = level % 2 == 0 ? "_a\\*\(markdown)_" : "*a\\*\(markdown)*" }
        let cell = TableCellMarkdown.cell(from: markdown)
        #expect(MarkdownDocument.html("| A |\n| --- |\n| \(cell) |\n").components(separatedBy: "<em>").count == 42)
    }

    @Test("an address in raw HTML does not become a link in the cell")
    func addressInRawHTML() {
        #expect(TableCellMarkdown.cell(from: "See <span title=http://x.com>it</span>") == #"See \<span title=http\://x.com\>it\</span\>"#)
    }

    /// Raw HTML is text in the cell, so the guard sees it: these cover `://` and `www.` at both ends of the text
    /// and the near misses that must stay as they are.
    @Test("where raw text holds :// or www., the autolink is broken; near misses are left alone", arguments: [
        ("<b>x://</b>", #"\<b\>x\://\</b\>"#),
        ("<b>://x</b>", #"\<b\>\://x\</b\>"#),
        ("<b>www.</b>", #"\<b\>www\.\</b\>"#),
        ("<span title=www.x>", #"\<span title=www\.x\>"#),
        ("<b>x:/</b>", #"\<b\>x:/\</b\>"#),
        ("<b>ww.x</b>", #"\<b\>ww.x\</b\>"#),
        ("<b>wwwx.</b>", #"\<b\>wwwx.\</b\>"#),
    ])
    func autolinkGuard(markdown: String, cell: String) {
        #expect(TableCellMarkdown.cell(from: markdown) == cell)
    }

    @Test("code spans get a longer fence when the code holds backticks")
    func codeSpans() {
        #expect(TableCellMarkdown.codeSpan("a`b") == "``a`b``")
        #expect(TableCellMarkdown.codeSpan("`x") == "`` `x ``")
    }

    @Test("every line break in a value becomes one space, a CRLF included, since cmark-gfm ends a row at each")
    func lineBreaksInValues() {
        // Defaults, examples and allowed values reach these functions as they are, without a cmark parse.
        #expect(TableCellMarkdown.escapeText("a\r\nb\rc\nd") == "a b c d")
        #expect(TableCellMarkdown.codeSpan("a\r\nb\rc\nd") == "`a b c d`")
    }

    @Test("every generated cell survives a round trip as exactly one cell")
    func roundTrip() {
        let nasty = "Pipes | everywhere\n\n```\ncode | block\n```\n\n> quote | here\n\n* one\n* two | three\n\n<table><tr><td>x</td></tr></table>"
        let markdown = "| a | b |\n| --- | --- |\n| name | \(TableCellMarkdown.cell(from: nasty)) |\n"
        let table = MarkdownDocument(markdown).root.children.first { $0.type == "table" }
        let rows = table?.children.filter { $0.type == "table_row" } ?? []
        #expect(rows.count == 1)
        #expect(rows.first?.children.count == 2)
        #expect(rows.first?.children.last?.plainText.contains("code | block") == true)
    }

    @Test("escaping bytes gives what escaping Characters gave, for every text of up to four pieces without a carriage return or a combining mark after an escaped character")
    func bytesMatchCharacters() {
        let pieces = ["a", "|", "`", "*", "&", "amp;", "#", "\\", "\n", " ", "e\u{301}", "日"]
        var texts = [""], shorter = [""]
        for _ in 1...4 {
            shorter = shorter.flatMap { prefix in pieces.map { prefix + $0 } }
            texts += shorter
        }
        let escapeMismatches = texts.filter { TableCellMarkdown.escapeText($0) != Self.characterEscapedText($0) }
        let codeSpanMismatches = texts.filter { TableCellMarkdown.codeSpan($0) != Self.characterCodeSpan($0) }
        #expect(texts.count == 22_621)
        #expect(escapeMismatches.isEmpty, "first differences: \(escapeMismatches.prefix(5).map(\.debugDescription))")
        #expect(codeSpanMismatches.isEmpty, "first differences: \(codeSpanMismatches.prefix(5).map(\.debugDescription))")
    }

    private static let escapedCharacters: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "~", "&"]

    /// `escapeText` as it was written on Characters.
    private static func characterEscapedText(_ text: String) -> String {
        var result = ""
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            switch character {
            case "&" where !characterStartsEntity(characters[(index + 1)...]): result.append(character)
            case _ where escapedCharacters.contains(character): result += "\\\(character)"
            case "\n": result += " "
            default: result.append(character)
            }
        }
        return result
    }

    private static func characterStartsEntity(_ rest: ArraySlice<Character>) -> Bool {
        var length = 0
        for character in rest {
            if character == ";" { return length > 0 }
            guard character.isASCII, character.isLetter || character.isNumber || character == "#", length < 32 else { return false }
            length += 1
        }
        return false
    }

    /// `codeSpan` as it was written on Characters.
    private static func characterCodeSpan(_ text: String) -> String {
        let flattened = text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " ")
        var longestRun = 0, run = 0
        for character in flattened {
            run = character == "`" ? run + 1 : 0
            longestRun = max(longestRun, run)
        }
        let fence = String(repeating: "`", count: longestRun + 1)
        let padding = flattened.hasPrefix("`") || flattened.hasSuffix("`") || flattened.hasPrefix(" ") ? " " : ""
        let escaped = flattened.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
        return fence + padding + escaped + padding + fence
    }

    @Test("a pipe, backtick or star followed by a combining mark is escaped like any other, since cmark-gfm reads bytes",
          arguments: [
              "a |\u{301} b", "`|\u{301}`", "*\u{301}not emphasis*\u{301}", "`\u{301}x`", "a ``\u{301}` b",
              "x\r\ny", "x\ry", "`x\r\ny`",
          ])
    func combiningMarksAndCarriageReturns(markdown: String) {
        let cell = TableCellMarkdown.cell(from: markdown)
        let table = MarkdownDocument("| a | b |\n| --- | --- |\n| name | \(cell) |\n").root.children.first { $0.type == "table" }
        let rows = table?.children.filter { $0.type == "table_row" } ?? []
        #expect(rows.count == 1)
        #expect(rows.first?.children.count == 2)
        // The cell reads as the fragment read on its own.
        #expect(rows.first?.children.last?.plainText == MarkdownDocument(markdown).root.plainText.replacingOccurrences(of: "\n", with: " "))
    }
}

@Suite("Link and image targets")
struct MarkdownURLSafetyTests {
    @Test("only http, https, mailto and relative targets survive", arguments: [
        ("[a](javascript:alert(1))", false), ("[a](JaVaScRiPt:alert(1))", false), ("[a](vbscript:x)", false),
        ("[a](data:text/html;base64,PHNjcmlwdD4=)", false), ("![a](data:image/png;base64,iVBORw0KGgo=)", false),
        ("[a](file:///etc/passwd)", false), ("[a](<java\tscript:x>)", false),
        ("[a](https://wandb.ai/x?y=1#z)", true), ("[a](http://localhost:8080)", true), ("[a](mailto:a@b.c)", true),
        ("[a](#WANDB_MODE)", true), ("[a](../fr/index.html)", true), ("[a](/docs/x:y)", true), ("![a](pic.png)", true),
    ])
    func targets(markdown: String, kept: Bool) {
        let html = MarkdownDocument(markdown + "\n").html()
        let target = html.firstRange(of: #/(?:href|src)="([^"]*)"/#).map { String(html[$0]) }
        if kept {
            #expect(target != nil && target != "href=\"\"" && target != "src=\"\"", "\(html)")
        } else {
            #expect(target == "href=\"\"" || target == "src=\"\"", "\(html)")
        }
    }

    @Test("a scheme is what comes before the first colon, unless a slash, ? or # comes first")
    func schemes() {
        #expect(CMark.urlScheme("HTTPS://x") == "https")
        #expect(CMark.urlScheme("java\tscript:x") == "javascript")
        #expect(CMark.urlScheme("/a:b") == nil)
        #expect(CMark.urlScheme("a/b:c") == nil)
        #expect(CMark.urlScheme("#x:y") == nil)
        #expect(CMark.urlScheme(":x") == nil)
        #expect(CMark.urlScheme("plain") == nil)
    }
}
