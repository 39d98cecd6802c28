/// Collects lines of Swift with four-space indentation.
struct CodeWriter {
    private(set) var lines: [String] = []
    private var depth = 0

    /// Adds a line at the current indentation; an empty line stays empty.
    mutating func line(_ text: String) {
        lines.append(text.isEmpty ? "" : String(repeating: "    ", count: depth) + text)
    }

    /// Adds `///` lines; a line break inside an item starts another comment line, so no text can end the comment.
    mutating func documentation(_ text: [String]) {
        commentLines(text, marker: "///")
    }

    /// Adds `//` lines, such as the banner, which names the registry's path; a line break inside an item
    /// starts another comment line, so no path or text can end the comment.
    mutating func comment(_ text: [String]) {
        commentLines(text, marker: "//")
    }

    private mutating func commentLines(_ text: [String], marker: String) {
        for item in text {
            for piece in item.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
                line(piece.isEmpty ? marker : "\(marker) " + piece)
            }
        }
    }

    /// Adds `opener`, the body one level deeper, then `closer`.
    mutating func block(_ opener: String, closer: String = "}", _ body: (inout CodeWriter) -> Void) {
        line(opener)
        depth += 1
        body(&self)
        depth -= 1
        line(closer)
    }

    /// The text, one trailing newline.
    var text: String { lines.joined(separator: "\n") + "\n" }
}
