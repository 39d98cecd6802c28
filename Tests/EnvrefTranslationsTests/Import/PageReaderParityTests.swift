import EnvrefCore
import EnvrefMarkdown
import EnvrefTestSupport
import Foundation
import Testing

@testable import EnvrefTranslations

/// A table row's description, as the importer takes it, means what the cell meant to cmark-gfm.
///
/// The importer splits rows itself, since cmark-gfm drops cells it cannot place. So generated tables full of
/// escaped pipes, code spans, emphasis, links and marks that start blocks go through both: cmark-gfm's HTML
/// of each description cell must be the HTML of the imported description on its own.
@Suite("Reading hand-written pages: rows read as cmark-gfm reads them")
struct PageReaderParityTests {
    /// Inline pieces of a cell. Marks that start a list or a quote are left out: the importer keeps those as
    /// they are on purpose, since a cell laid out with them reads as a list.
    static let pieces = [
        "a", "Run", " ", "  ", "é", "日本", "\u{301}", "`x`", #"`a\|b`"#, #"\|"#, #"\\"#, #"\*"#, "*em*", "**b**", "_u_",
        "[l](https://x.y)", "<https://x.y>", "&amp;", "&lt;", "<x>", "#", "# ", "## ", "---", "***", "___", "~~s~~", ":",
        "\\", "`", "``", "*", "_", "[", "]", "(", ")", "!", "=", "\t",
    ]

    @Test("300 generated tables: each description renders as its cell did")
    func generatedTables() throws {
        var generator = SplitMix64(seed: 20261207)
        var compared = 0
        for number in 0..<300 {
            var cells: [String] = []
            var table = "| Variable | Description |\n| --- | --- |\n"
            for row in 0..<Int.random(in: 1...4, using: &generator) {
                var cell = (0..<Int.random(in: 1...5, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
                // A cell that starts a list item, `*` then white space, stays a list on purpose.
                let scalars = Array(cell.unicodeScalars.drop { $0 == " " || $0 == "\t" })
                if scalars.count > 1, scalars[0] == "*", scalars[1] == " " || scalars[1] == "\t" { cell = "a" + cell }
                cells.append(cell)
                // Rows come in the shapes GFM accepts inside a table: indented, or without an outer pipe.
                let indent = String(repeating: " ", count: Int.random(in: 0...3, using: &generator))
                let shape = Int.random(in: 0..<4, using: &generator)
                let name = "`X_A\(row)`"
                table += indent + (shape == 1 ? "\(name) | \(cell) |" : shape == 2 ? "| \(name) | \(cell)" : "| \(name) | \(cell) |") + "\n"
            }
            let page = PageReader.read(text: table, path: "page.md", language: nil)
            let rendered = MarkdownDocument.html(table)
            // The description cells, in order: the second `<td>` of each body row.
            let rows = rendered.components(separatedBy: "<tr>\n").dropFirst(2)
            let cellHTML = rows.map { $0.components(separatedBy: "<td>").dropFirst(2).first?.components(separatedBy: "</td>").first ?? "" }
            try #require(cellHTML.count == cells.count, "case \(number): cmark-gfm read \(cellHTML.count) rows\n\(table)")
            for (index, html) in cellHTML.enumerated() where !html.isEmpty {
                let entry = page.entries.first { $0.name == "X_A\(index)" }
                let description = entry?.description ?? ""
                #expect(MarkdownDocument.html(description) == "<p>\(html)</p>\n",
                        "case \(number), row \(index): \(description.debugDescription)\n\(table)")
                compared += 1
            }
        }
        #expect(compared >= 500)
    }
}
