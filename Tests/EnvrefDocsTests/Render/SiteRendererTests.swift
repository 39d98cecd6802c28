import EnvrefCore
import EnvrefMarkdown
import Foundation
import SnapshotTesting
import Testing

@testable import EnvrefDocs

@Suite("Render: contexts through the templates")
struct SiteRendererTests {
    @Test("the site has the expected files")
    func fileList() throws {
        let files = try Fixtures.renderedFiles()
        #expect(files.map(\.path) == [
            "404.html", "assets/apple-touch-icon.png", "assets/favicon-32.png", "assets/favicon.svg", "assets/site.js",
            "assets/style.css", "en/environment-variables.md", "en/index.html", "fr/environment-variables.md",
            "fr/index.html", "index.html", "sitemap.xml", "translations.html", "translations.md",
        ])
    }

    @Test("rendered pages match their snapshots", arguments: [
        "en/environment-variables.md", "fr/environment-variables.md", "en/index.html", "fr/index.html", "index.html",
        "translations.html", "translations.md", "404.html", "sitemap.xml",
    ])
    func pageSnapshots(path: String) throws {
        let text = try #require(Fixtures.text(of: path, in: try Fixtures.renderedFiles()))
        assertSnapshot(of: text, as: .lines, named: path.replacing("/", with: "-"))
    }

    @Test("a page with enough variables to render its rows on several threads keeps them in registry order")
    func rowsKeepRegistryOrder() throws {
        var page = try Fixtures.contexts().pages[0]
        let templates = try #require(TemplateSet.load(from: Fixtures.templatesDirectory).templates)
        let sample = page.variables[0]
        page.variables = (0..<1_500).map { number in
            var variable = sample
            variable.name = "VAR_\(1_500 - number)"
            variable.markdownRow.variableCell = "`VAR_\(1_500 - number)`"
            return variable
        }
        var files: [String: String] = [:]
        try SiteRenderer(templates: templates).renderReferencePage(page) { file in
            files[file.path] = String(decoding: file.contents, as: UTF8.self)
        }
        let expected = page.variables.map(\.name)
        let html = try #require(files["\(page.language)/index.html"])
        #expect(html.matches(of: /<tr id="(VAR_\d+)"/).map { String($0.1) } == expected)
        let markdown = try #require(files["\(page.language)/environment-variables.md"])
        #expect(markdown.matches(of: /^\| `(VAR_\d+)` \|/.anchorsMatchLineEndings()).map { String($0.1) } == expected)
    }

    @Test("the Markdown table round-trips through cmark-gfm: one row per variable, four cells each")
    func markdownRoundTrip() throws {
        let files = try Fixtures.renderedFiles()
        let content = try Fixtures.siteContent()
        for language in ["en", "fr"] {
            let markdown = try #require(Fixtures.text(of: "\(language)/environment-variables.md", in: files))
            let tables = MarkdownDocument(markdown).root.allNodes.filter { $0.type == "table" }
            #expect(tables.count == 1)
            let rows = try #require(tables.first).children.filter { $0.type == "table_row" && !$0.isTableHeader }
            #expect(rows.count == content.registry.variables.count)
            #expect(rows.allSatisfy { $0.children.count == 4 })
            let names = rows.map { $0.children[0].plainText }
            #expect(names == content.registry.variables.map(\.name))
        }
    }

    @Test("a pipe and a blank line inside a description stay inside the row")
    func pipesAndNewlines() throws {
        let markdown = try #require(Fixtures.text(of: "en/environment-variables.md", in: try Fixtures.renderedFiles()))
        let table = try #require(MarkdownDocument(markdown).root.allNodes.first { $0.type == "table" })
        let token = try #require(table.children.first { $0.children.first?.plainText == "DEMO_TOKEN" })
        let description = token.children[3].plainText
        #expect(description.contains("a|b"))
        #expect(description.contains("must not contain a pipe | character"))
        #expect(description.contains("Keep it out of version control."))
    }

    @Test("a pipe, backtick or quote followed by a combining mark stays inside its cell, code span and attribute")
    func combiningMarksAfterSyntax() throws {
        let content = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: content) }
        try FileManager.default.copyItem(at: URL(fileURLWithPath: Fixtures.contentDirectory), to: content.appending(path: "Content"))
        let registry = content.appending(path: "Content/variables.yaml")
        var text = try String(contentsOf: registry, encoding: .utf8)
        // Each mark makes one `Character` of the pipe, backtick or quote before it; readers still see the ASCII byte.
        text += """
              DEMO_MARKS:
                type: string
                default: "a|\\u0301b`\\u0301c"
                description:
                  en: "Before |\\u0301 after, `code`\\u0301 and \\"\\u0301 quoted."

            """
        try Data(text.utf8).write(to: registry)
        let output = DocsPipeline(contentDirectory: content.appending(path: "Content").path, templatesDirectory: Fixtures.templatesDirectory).run()
        let files = try #require(output.files, "\(output.diagnostics)")

        let markdown = try #require(Fixtures.text(of: "en/environment-variables.md", in: files))
        let table = try #require(MarkdownDocument(markdown).root.allNodes.first { $0.type == "table" })
        let rows = table.children.filter { $0.type == "table_row" && !$0.isTableHeader }
        #expect(rows.allSatisfy { $0.children.count == 4 })
        let row = try #require(rows.first { $0.children.first?.plainText == "DEMO_MARKS" })
        let defaultValue = "a|\u{301}b`\u{301}c"
        let description = "Before |\u{301} after, code\u{301} and \"\u{301} quoted."
        #expect(row.children[2].plainText == defaultValue)
        #expect(row.children[3].plainText == description)

        let html = try #require(Fixtures.text(of: "en/index.html", in: files))
        let rawQuote = "\"\u{301}", escapedQuote = "&quot;\u{301} quoted."
        #expect(!html.contains(rawQuote))
        #expect(html.contains(escapedQuote))
    }

    @Test("raw HTML in a description is never passed through to HTML")
    func rawHTML() throws {
        let html = try #require(Fixtures.text(of: "en/index.html", in: try Fixtures.renderedFiles()))
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<b>bold</b>"))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"))
        let markdown = try #require(Fixtures.text(of: "en/environment-variables.md", in: try Fixtures.renderedFiles()))
        #expect(!markdown.contains("<script>"))
    }

    @Test("the fallback text is tagged with the source language in both formats")
    func fallbackTagging() throws {
        let files = try Fixtures.renderedFiles()
        let html = try #require(Fixtures.text(of: "fr/index.html", in: files))
        #expect(html.contains("<div class=\"fallback\" lang=\"en\">"))
        #expect(html.contains("<p class=\"fallback-notice\">Pas encore traduit"))
        let markdown = try #require(Fixtures.text(of: "fr/environment-variables.md", in: files))
        #expect(markdown.contains("<span lang=\"en\">Files to load:"))
    }

    @Test("every variable has an anchor whose id is its name")
    func anchors() throws {
        let files = try Fixtures.renderedFiles()
        let content = try Fixtures.siteContent()
        for language in ["en", "fr"] {
            let html = try #require(Fixtures.text(of: "\(language)/index.html", in: files))
            let markdown = try #require(Fixtures.text(of: "\(language)/environment-variables.md", in: files))
            for variable in content.registry.variables {
                #expect(html.contains("<tr id=\"\(variable.name)\""), "\(language) \(variable.name)")
                #expect(markdown.contains("<a id=\"\(variable.name)\"></a>"), "\(language) \(variable.name)")
            }
        }
    }

    @Test("two builds give the same bytes")
    func determinism() throws {
        #expect(try Fixtures.renderedFiles() == Fixtures.renderedFiles())
    }

    @Test("normalising splits lines byte by byte exactly where splitting on Characters did", arguments: [
        "", "\n", "\n\n", "text", "text\n", "  \n\t\n", "a  \n\t\nb \t\n\n\n", "a\n\n\nb\n  ",
        "crlf\r\n", "crlf \r\nnext\t\r\n\r\n", "lone cr\r", "cr then lf\r\r\n", "\r\n\r\n",
        "accent \u{301}\n", "e\u{301} \n", "prepend \u{600} \n", "\n\u{301}mark after a line feed  \n",
        "日本語  \n한국어\t\n", "Ünïcödé \u{1F600} \n\n",
    ])
    func normalisedMatchesCharacterSplitting(text: String) {
        #expect(String(decoding: SiteRenderer.normalisedBytes(text), as: UTF8.self) == characterNormalised(text))
    }

    @Test("rows placed at the marker give the bytes of the rows joined one per line in its place", arguments: [
        ("<tbody>\n\(SiteRenderer.rowsMarker)\n</tbody>\n", ["<tr>a</tr>", "<tr>b</tr>  ", "  ", "<tr>\nc \n</tr>"]),
        ("| a |\n\(SiteRenderer.rowsMarker)\n\nafter\n\n\n", ["| 1 |", "| 2 | \t"]),
        ("twice: \(SiteRenderer.rowsMarker) and \(SiteRenderer.rowsMarker)", ["x", "y"]),
        ("at the end \(SiteRenderer.rowsMarker)", ["last  ", "", ""]),
        ("\(SiteRenderer.rowsMarker)", ["e\u{301} ", "crlf\r", "\nnext"]),
        ("no marker  \n", ["ignored"]),
        ("\u{0}almost a marker \(SiteRenderer.rowsMarker)\n", ["row"]),
    ])
    func placedRows(shell: String, rows: [String]) {
        let joined = shell.replacingOccurrences(of: SiteRenderer.rowsMarker, with: rows.joined(separator: "\n"))
        #expect(SiteRenderer.normalisedBytes(shell, placing: rows) == SiteRenderer.normalisedBytes(joined))
        #expect(String(decoding: SiteRenderer.normalisedBytes(shell, placing: rows), as: UTF8.self) == characterNormalised(joined))
    }

    /// What `normalisedBytes` must keep doing, in the Character terms it was first written in.
    private func characterNormalised(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            var line = line
            while line.last == " " || line.last == "\t" { line.removeLast() }
            return line
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("a page template places its rows itself only when it writes each on a line of its own", arguments: [
        ("{{#variableRows}}\n{{{.}}}\n{{/variableRows}}\n", true),
        ("<tbody>\n  {{#variableRows}}\n{{{ . }}}\n  {{/variableRows}}\n</tbody>", true),
        ("{{#variableRows}}\n{{& .}}\n{{/variableRows}}\n{{^variableRows}}none{{/variableRows}}\n", true),
        ("{{%CONTENT_TYPE: TEXT}}\n{{#variableRows}}\n{{.}}\n{{/variableRows}}\n", true),
        ("{{#variableRows}}\n{{.}}\n{{/variableRows}}\n", false),
        ("{{#variableRows}}{{{.}}}{{/variableRows}}\n", false),
        ("{{#variableRows}}\n<tr>{{{.}}}</tr>\n{{/variableRows}}\n", false),
        ("{{#variableRows}}\n  {{{.}}}\n{{/variableRows}}\n", false),
        ("{{#variableRows}}\n{{{.}}}\n{{/variableRows}}\n{{#variableRows}}\n{{{.}}}\n{{/variableRows}}\n", false),
        ("{{#variableRows}}\n{{{.}}}\n{{/variableRows}}\n{{variableRows}}\n", false),
        ("{{=<% %>=}}\n<%#variableRows%>\n<%& . %>\n<%/variableRows%>\n", false),
        ("{{> rows}}\n", false),
    ])
    func rowsPlacedAsLines(template: String, placesLines: Bool) throws {
        let directory = try Fixtures.templatesDirectory(["reference.html": template])
        defer { try? FileManager.default.removeItem(at: directory) }
        let templates = try #require(TemplateSet.load(from: directory.path).templates)
        #expect(templates.placesEachItemOnItsOwnLine("variableRows", in: "reference.html") == placesLines)
    }

    @Test("a page template that wraps each row gets the rows as a list, and wraps each one")
    func rowsWrappedByThePage() throws {
        let directory = try Fixtures.templatesDirectory([
            "reference.html": "<ol>\n{{#variableRows}}<li>{{{.}}}</li>\n{{/variableRows}}</ol>\n",
            "_variable.html": "{{#variable}}{{name}}{{/variable}}\n",
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = DocsPipeline(contentDirectory: Fixtures.contentDirectory, templatesDirectory: directory.path).run()
        let files = try #require(output.files, "\(output.diagnostics)")
        let names = try Fixtures.siteContent().registry.variables.map(\.name)
        #expect(Fixtures.text(of: "en/index.html", in: files) == "<ol>\n" + names.map { "<li>\($0)</li>\n" }.joined() + "</ol>\n")
    }

    @Test("template syntax errors are reported with file, line and column")
    func templateErrors() throws {
        let directory = try Fixtures.templatesDirectory([
            "reference.md": "line one\n{{#open}}\n{{/close}}\n",
            // Line 1 too: lines are the file's own, not counting the content type line put before each template.
            "index.html": "<p>{{/close}}\n",
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = TemplateSet.load(from: directory.path)
        #expect(result.templates == nil)
        #expect(result.diagnostics.map(\.description) == [
            "\(directory.path)/index.html.mustache:1:7: error: template syntax error: section close name incorrect",
            "\(directory.path)/reference.md.mustache:3:4: error: template syntax error: section close name incorrect",
        ])
    }

    @Test("a missing template is an error that names it")
    func missingTemplate() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("ok\n".utf8).write(to: directory.appending(path: "index.html.mustache"))
        let result = TemplateSet.load(from: directory.path)
        #expect(result.diagnostics.map(\.description) == [
            "\(directory.path):1: error: missing template 'reference.html.mustache'",
            "\(directory.path):1: error: missing template 'reference.md.mustache'",
            "\(directory.path):1: error: missing template '_variable.html.mustache'",
            "\(directory.path):1: error: missing template '_variable.md.mustache'",
            "\(directory.path):1: error: missing template 'translations.html.mustache'",
            "\(directory.path):1: error: missing template 'translations.md.mustache'",
            "\(directory.path):1: error: missing template '_translation.html.mustache'",
            "\(directory.path):1: error: missing template '_translation.md.mustache'",
            "\(directory.path):1: error: missing template '404.html.mustache'",
            "\(directory.path):1: error: missing template 'sitemap.xml.mustache'",
        ])
    }
}
