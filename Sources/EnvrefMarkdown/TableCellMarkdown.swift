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
    public static func escapeText(_ text: String) -> String {
        // Most text has nothing to escape; every character the loop below changes is ASCII, so a
        // byte scan decides that without building Characters.
        guard text.utf8.contains(where: isSpecialByte) else { return text }
        var result = ""
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            switch character {
            case "&" where !Self.startsEntity(characters[(index + 1)...]):
                result.append(character)
            case _ where character.asciiValue.map(isEscaped) == true: result += "\\\(character)"
            case "\n": result += " "
            default: result.append(character)
            }
        }
        return result
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

    /// The bytes of every character `escapeText` changes: the escaped ones and the line feed.
    private static func isSpecialByte(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\n") || isEscaped(byte)
    }

    /// Whether the characters after an `&` would make it an entity reference such as `&amp;` or `&#169;`.
    private static func startsEntity(_ rest: ArraySlice<Character>) -> Bool {
        var length = 0
        for character in rest {
            if character == ";" { return length > 0 }
            guard character.isASCII, character.isLetter || character.isNumber || character == "#", length < 32 else { return false }
            length += 1
        }
        return false
    }

    /// A code span for `text`, with enough backticks and pipes escaped for a table cell.
    public static func codeSpan(_ text: String) -> String {
        let flattened = text.replacingNewlines()
        var longestRun = 0, run = 0
        for character in flattened {
            run = character == "`" ? run + 1 : 0
            longestRun = max(longestRun, run)
        }
        let fence = String(repeating: "`", count: longestRun + 1)
        let padding = flattened.hasPrefix("`") || flattened.hasSuffix("`") || flattened.hasPrefix(" ") ? " " : ""
        // GFM removes the backslash before a pipe inside table cells, code spans included.
        let escaped = flattened.replacingOccurrences(of: "|", with: "\\|")
        return fence + padding + escaped + padding + fence
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
            return [escapeText((block.literal ?? "").trimmingTrailingNewlines())]
        case "thematic_break":
            return ["—"]
        case "table":
            return [escapeText(block.plainText)]
        default:
            return [inline(block.children)]
        }
    }

    private static func inline(_ nodes: [MarkdownNode]) -> String {
        nodes.map(inline).joined()
    }

    private static func inline(_ node: MarkdownNode) -> String {
        switch node.type {
        case "text": escapeText(node.literal ?? "")
        case "code": codeSpan(node.literal ?? "")
        case "softbreak": " "
        case "linebreak": "<br>"
        case "emph": "*" + inline(node.children) + "*"
        case "strong": "**" + inline(node.children) + "**"
        case "strikethrough": "~~" + inline(node.children) + "~~"
        case "link": "[" + inline(node.children) + "](" + escapeDestination(node.destination ?? "") + ")"
        case "image": "![" + inline(node.children) + "](" + escapeDestination(node.destination ?? "") + ")"
        case "html_inline": escapeText(node.literal ?? "")
        default: inline(node.children)
        }
    }

    private static func escapeDestination(_ destination: String) -> String {
        var result = ""
        for character in destination {
            switch character {
            case " ": result += "%20"
            case "(": result += "%28"
            case ")": result += "%29"
            case "|": result += "%7C"
            case "<", ">": result += character == "<" ? "%3C" : "%3E"
            default: result.append(character)
            }
        }
        return result
    }
}

extension String {
    fileprivate func replacingNewlines() -> String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " ")
    }

    fileprivate func trimmingTrailingNewlines() -> String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
