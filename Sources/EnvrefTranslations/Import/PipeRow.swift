import EnvrefCore
import Foundation

/// A table row as written in the source: the raw Markdown of each cell, split on unescaped pipes.
///
/// Rows are split here rather than read from cmark's table nodes because cmark drops what does not
/// fit (cells beyond the header's count, rows outside a table), and the importer must see those.
struct PipeRow: Equatable {
    /// Each cell's Markdown, trimmed.
    var cells: [String]
    /// The 1-based column (in Unicode scalars) where each cell's text starts.
    var columns: [Int]

    /// Splits a line; `nil` when it is not a pipe row. Outside a table a row must start with a pipe
    /// (after indentation and `>` markers); inside one, GFM also accepts rows without it.
    init?(line: Substring, leadingPipeOptional: Bool = false) {
        let scalars = Array(line.unicodeScalars)
        var index = 0
        while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" || scalars[index] == ">" { index += 1 }
        guard index < scalars.count else { return nil }
        if scalars[index] == "|" {
            index += 1
        } else if !leadingPipeOptional {
            return nil
        }
        var cells: [String] = [], columns: [Int] = []
        var current = String.UnicodeScalarView()
        var cellStart = index
        func finishCell() {
            let text = String(current)
            let leading = text.unicodeScalars.prefix { $0.properties.isWhitespace }.count
            cells.append(text.trimmingWhitespace())
            columns.append(cellStart + leading + 1)
            current = String.UnicodeScalarView()
        }
        while index < scalars.count {
            let scalar = scalars[index]
            // As in cmark-gfm, a backslash before a pipe keeps it in the cell even when another backslash
            // precedes that one: `a\\| b` is one cell, which reads `a| b`.
            if scalar == "|", index == 0 || scalars[index - 1] != "\\" {
                finishCell()
                cellStart = index + 1
            } else {
                current.append(scalar)
            }
            index += 1
        }
        // Text after the last pipe is a cell only when the row has no closing pipe.
        if !String(current).trimmingWhitespace().isEmpty { finishCell() }
        guard !cells.isEmpty else { return nil }
        self.cells = cells
        self.columns = columns
    }

    /// Whether this is a header delimiter row such as `| --- | :---: |`.
    var isDelimiterRow: Bool {
        cells.allSatisfy { cell in
            var body = Substring(cell)
            if body.hasPrefix(":") { body = body.dropFirst() }
            if body.hasSuffix(":") { body = body.dropLast() }
            return !body.isEmpty && body.allSatisfy { $0 == "-" }
        }
    }

    /// A cell's Markdown as it reads outside a table: escaped pipes become plain pipes.
    static func unescapedCell(_ cell: String) -> String {
        // Foundation's replacement bridges the text first; most cells hold no escaped pipe at all.
        cell.mayContain("\\|") ? cell.replacingOccurrences(of: "\\|", with: "|") : cell
    }
}
