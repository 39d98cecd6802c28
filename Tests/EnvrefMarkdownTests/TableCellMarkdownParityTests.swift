import EnvrefTestSupport
import Testing

@testable import EnvrefMarkdown

/// A one-paragraph description, written into a Markdown table cell, renders in the table as it renders on
/// its own, which is what a reader of the Markdown reference page sees on GitHub.
@Suite("Table cells: read back by cmark-gfm as the description reads")
struct TableCellMarkdownParityTests {
    /// Inline pieces of a description: text, code spans with backticks and pipes, emphasis, links, raw HTML,
    /// entities, escapes, the punctuation a cell must escape, and Japanese text and punctuation, which decide
    /// where an emphasis may end as ASCII punctuation does.
    static let pieces = [
        "a", " ", "é", "\u{301}", "`x`", "`a|b`", "`` a`b ``", "*em*", "**b**", "_u_", "~~s~~", "[l](https://x.y)",
        "[l](https://x.y/(a)_b)", "![i](https://x.y/i.png)", "<https://x.y>", "https://x.y", "&amp;", "&copy;", "&#35;",
        "<x>", "。", "注", "「", "→", "€", "＿", "　", "|", #"\|"#, #"\\"#, #"\*"#, "*", "_", "#", "[", "]", "(", ")", "<", ">", "!", "~", "&", ":", "`",
    ]

    @Test("every pair of pieces, and every seventh triple, renders alike in a cell and on its own")
    func piecesRenderAlike() {
        var descriptions: [String] = []
        for first in Self.pieces {
            for second in Self.pieces { descriptions.append("a " + first + second) }
        }
        for (first, second, third) in everyNthTriple(of: Self.pieces, 7) {
            // Two emphases side by side before a letter can only be written with `_` first; the cell
            // writer gives the second one the `_`, so these read differently and are left out. cmark-gfm reads
            // a symbol such as `→` there as it reads a letter.
            let emphases = ["*em*", "_u_"]
            if emphases.contains(first), emphases.contains(second),
               third.first?.isLetter == true || third.unicodeScalars.first?.properties.generalCategory == .mathSymbol { continue }
            descriptions.append(first + second + third + " z")
        }
        var compared = 0, mismatches: [String] = []
        for description in descriptions {
            let alone = MarkdownDocument.html(description)
            // Only one-paragraph descriptions read the same in a cell; blocks are laid out for the cell on purpose.
            guard alone.hasPrefix("<p>"), alone.hasSuffix("</p>\n"), alone.components(separatedBy: "<p>").count == 2 else { continue }
            let table = MarkdownDocument.html("| A |\n| --- |\n| " + TableCellMarkdown.cell(from: description) + " |\n")
            let cell = table.components(separatedBy: "<td>").dropFirst().first?.components(separatedBy: "</td>").first
            if "<p>" + (cell ?? "") + "</p>\n" != alone { mismatches.append(description) }
            compared += 1
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) differ; first: \(mismatches.prefix(8).map(\.debugDescription))")
        #expect(compared >= 5_000)
    }
}
