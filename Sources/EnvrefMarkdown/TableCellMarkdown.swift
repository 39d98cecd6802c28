import EnvrefCore

/// Writes Markdown that stays inside one GFM table cell: no newlines, pipes escaped, block structure
/// flattened to inline form, and raw HTML turned into escaped text.
public enum TableCellMarkdown {
    /// The cell text for a Markdown fragment.
    public static func cell(from markdown: String) -> String {
        cell(from: MarkdownDocument(markdown))
    }

    /// The cell text for an already parsed Markdown fragment.
    public static func cell(from document: MarkdownDocument) -> String {
        var blocks: [String] = []
        for block in document.root.children {
            blocks.append(contentsOf: render(block: block))
        }
        return blocks.filter { !$0.isEmpty }.joined(separator: "<br><br>")
    }

    /// Escapes literal text so it reads the same in a cell: Markdown punctuation and pipes are backslashed.
    ///
    /// Worked out on UTF-8 bytes, as cmark-gfm reads them: a pipe followed by a combining mark is one
    /// `Character` but still ends a cell, and every byte this changes is ASCII, which UTF-8 never uses
    /// inside a longer sequence.
    public static func escapeText(_ text: String) -> String {
        // Every line break becomes one space, a CRLF included.
        let text = text.replacingLineEndings()
        // Most text has nothing to escape.
        guard text.utf8.contains(where: isSpecialByte) else { return text }
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count + 16)
        let bytes = Array(text.utf8)
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "&") where !startsEntity(bytes[(index + 1)...]):
                result.append(byte)
            case UInt8(ascii: "\n"):
                result.append(UInt8(ascii: " "))
            case _ where isEscaped(byte):
                result.append(UInt8(ascii: "\\"))
                result.append(byte)
            default:
                result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Markdown punctuation and the pipe, backslashed in a cell; a `switch`, since it is asked of every byte
    /// of every description, where a set would hash each one.
    private static func isEscaped(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "|"), UInt8(ascii: "#"), UInt8(ascii: "~"), UInt8(ascii: "&"):
            true
        default:
            false
        }
    }

    /// The bytes `escapeText` changes once line endings are normalised: the escaped ones and the line feed.
    private static func isSpecialByte(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\n") || isEscaped(byte)
    }

    /// Whether the bytes after an `&` would make it an entity reference such as `&amp;` or `&#169;`.
    private static func startsEntity(_ rest: ArraySlice<UInt8>) -> Bool {
        var length = 0
        for byte in rest {
            if byte == UInt8(ascii: ";") { return length > 0 }
            guard isASCIILetterOrDigit(byte) || byte == UInt8(ascii: "#"), length < 32 else { return false }
            length += 1
        }
        return false
    }

    private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        default: false
        }
    }

    /// A code span for `text`, with enough backticks and pipes escaped for a table cell.
    ///
    /// Backticks, pipes, spaces and line breaks are counted as bytes, as cmark-gfm counts them; a backtick
    /// followed by a combining mark still opens or closes a span.
    public static func codeSpan(_ text: String) -> String {
        let code = text.replacingLineEndings().replacingASCII { byte in
            switch byte {
            case UInt8(ascii: "\n"): " "
            // GFM removes the backslash before a pipe inside table cells, code spans included.
            case UInt8(ascii: "|"): "\\|"
            default: nil
            }
        }
        return MarkdownCode.span(code, padLeadingSpace: true)
    }

    private static func render(block: MarkdownNode) -> [String] {
        switch block.type {
        case "paragraph", "heading":
            return [inline(block.children)]
        case "list":
            return [block.children.enumerated().map { index, item in
                let marker = block.isOrderedList ? "\(index + 1)." : "•"
                return marker + " " + item.children.flatMap(render(block:)).joined(separator: " ")
            }.joined(separator: "<br>")]
        case "block_quote":
            return block.children.flatMap(render(block:)).map { "> " + $0 }
        case "code_block":
            let lines = (block.literal ?? "").split(separator: "\n", omittingEmptySubsequences: false)
            return [lines.filter { !$0.isEmpty }.map { codeSpan(String($0)) }.joined(separator: "<br>")]
        case "html_block":
            return [literal((block.literal ?? "").trimmingTrailingNewlines())]
        case "thematic_break":
            return ["—"]
        case "table":
            return [escapeText(block.plainText)]
        default:
            return [inline(block.children)]
        }
    }

    private static func inline(_ nodes: [MarkdownNode]) -> String {
        let pieces = nodes.map(inline)
        var out = ""
        for (index, node) in nodes.enumerated() {
            switch node.type {
            case "link" where out.hasSuffix("!"):
                // Right after a `!`, a link would be read as an image.
                out.removeLast()
                out += "\\!" + pieces[index]
            case "emph" where out.hasSuffix("*") && canCloseUnderscore(before: pieces[(index + 1)...].first { !$0.isEmpty }):
                // Two `*` runs side by side would merge into one; `_` can close here, so this one takes it.
                // Made from the piece already written, not written again: nested emphasis would double the work.
                out += "_" + String(String.UnicodeScalarView(pieces[index].unicodeScalars.dropFirst().dropLast())) + "_"
            default:
                out += pieces[index]
            }
        }
        return out
    }

    /// Whether a closing `_` may stand before this text: at the end, or before white space or punctuation other
    /// than another `_`. Punctuation as cmark-gfm counts it: any ASCII character that is not a letter or a digit,
    /// and beyond ASCII the Unicode punctuation categories (`。`, `「`), where Japanese text puts an emphasis;
    /// not symbols such as `→`, which the parity test shows cmark-gfm reads as it reads letters.
    private static func canCloseUnderscore(before next: String?) -> Bool {
        guard let first = next?.unicodeScalars.first else { return true }
        if first.properties.isWhitespace { return true }
        guard first.isASCII else { return unicodePunctuation.contains(first.properties.generalCategory) }
        return first != "_" && first.properties.generalCategory != .decimalNumber && !first.properties.isAlphabetic
    }

    private static let unicodePunctuation: Set<Unicode.GeneralCategory> = [
        .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
        .finalPunctuation, .otherPunctuation,
    ]

    private static func inline(_ node: MarkdownNode) -> String {
        switch node.type {
        // Text the source did not link must not become a link in the cell, where escapes split it differently.
        case "text": literal(node.literal ?? "")
        case "code": codeSpan(node.literal ?? "")
        case "softbreak": " "
        case "linebreak": "<br>"
        case "emph": "*" + inline(node.children) + "*"
        case "strong": "**" + inline(node.children) + "**"
        case "strikethrough": "~~" + inline(node.children) + "~~"
        case "link": "[" + inline(node.children) + "](" + escapeDestination(node.destination ?? "") + ")"
        case "image": "![" + inline(node.children) + "](" + escapeDestination(node.destination ?? "") + ")"
        case "html_inline": literal(node.literal ?? "")
        default: inline(node.children)
        }
    }

    /// Text that was not a link where it stood, written so that it reads the same in a cell and links nothing there.
    private static func literal(_ text: String) -> String {
        preventingAutolinks(escapeText(text))
    }

    /// Escapes the `:` of `://` and the `.` of `www.`, where GFM's autolinks begin.
    private static func preventingAutolinks(_ text: String) -> String {
        guard mayHoldAutolink(text) else { return text }
        return text.replacingOccurrences(of: "://", with: "\\://").replacingOccurrences(of: "www.", with: "www\\.")
    }

    /// Whether `text` holds `://` or `www.`. Runs for every piece of text of every description, so it scans
    /// bytes: the generic `contains` of one collection in another took half of translating a large registry.
    private static func mayHoldAutolink(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for index in bytes.indices {
                switch bytes[index] {
                case UInt8(ascii: ":"):
                    if index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "/"), bytes[index + 2] == UInt8(ascii: "/") { return true }
                case UInt8(ascii: "w"):
                    if index + 3 < bytes.count, bytes[index + 1] == UInt8(ascii: "w"), bytes[index + 2] == UInt8(ascii: "w"),
                       bytes[index + 3] == UInt8(ascii: ".") { return true }
                default:
                    continue
                }
            }
            return false
        }
    }

    /// The link target with the bytes that would end it or its cell escaped or percent-encoded.
    private static func escapeDestination(_ destination: String) -> String {
        destination.replacingASCII { byte in
            switch byte {
            case UInt8(ascii: "\\"): "\\\\"
            // A target's entities are decoded even after a backslash; an autolink's target keeps them as written.
            case UInt8(ascii: "&"): "&amp;"
            case UInt8(ascii: " "): "%20"
            // Escaped rather than encoded, so the page links to the address as written.
            case UInt8(ascii: "("): "\\("
            case UInt8(ascii: ")"): "\\)"
            case UInt8(ascii: "|"): "%7C"
            case UInt8(ascii: "<"): "%3C"
            case UInt8(ascii: ">"): "%3E"
            default: nil
            }
        }
    }
}

extension String {
    fileprivate func trimmingTrailingNewlines() -> String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
