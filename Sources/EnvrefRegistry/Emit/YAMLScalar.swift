/// Writes strings as YAML scalars that read back as exactly the same text.
///
/// Plain style when nothing in the text could change its meaning, a literal block for multi-line
/// text, double quotes (with escapes) for everything else.
public enum YAMLScalar {
    /// Where the scalar goes.
    public enum Context: Sendable {
        /// A mapping value in block style, whose key is indented by `indent` spaces.
        case blockValue(indent: Int)
        /// An item of a flow sequence (`[a, b]`) or a value in a flow mapping.
        case flow
    }

    /// The scalar as YAML text, starting right after `key: ` (or `[`/`, `) and never ending with a newline.
    public static func render(_ text: String, in context: Context, preferBlock: Bool = false) -> String {
        switch context {
        case .flow:
            return isPlainSafe(text, inFlow: true) ? text : doubleQuoted(text)
        case .blockValue(let indent):
            let multiline = text.contains("\n")
            if multiline || (preferBlock && text.count > 80) {
                if let block = literalBlock(text, indent: indent + 2) { return block }
                return doubleQuoted(text)
            }
            return isPlainSafe(text, inFlow: false) ? text : doubleQuoted(text)
        }
    }

    /// Plain words that a YAML 1.1 or 1.2 reader takes for something other than text, in any case, which is wider
    /// than the readers themselves; `PlainScalarTrap` knows the rest, such as `=` and `<<`, which PyYAML refuses.
    private static let specialWords: Set<String> = [
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~", ".inf", "-.inf", "+.inf", ".nan",
    ]

    /// Whether the text can be written without quotes and read back as the same string.
    public static func isPlainSafe(_ text: String, inFlow: Bool) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        if first.properties.isWhitespace || last.properties.isWhitespace { return false }
        if specialWords.contains(text.lowercased()) { return false }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) {
            // `-x`, `?x` and `:x` are plain when followed by a non-space; keep it simple and quote.
            return false
        }
        if first.properties.numericType != nil || ((first == "." || first == "+") && text.count > 1) { return false }
        // After the cheap checks, which already refuse every number and date it would match with patterns.
        if PlainScalarTrap.otherReading(of: text) != nil { return false }
        // Checked on bytes, as YAML readers scan: `: ` followed by a combining mark is a different `Character`
        // from `: `, but still starts a mapping value.
        if text.utf8.contains(": ".utf8) || text.utf8.contains(" #".utf8) || text.utf8.last == UInt8(ascii: ":") { return false }
        // PyYAML also ends a plain scalar at `?` inside brackets, where YAML 1.2 reads on.
        if inFlow, text.unicodeScalars.contains(where: { ",[]{}:?".unicodeScalars.contains($0) }) { return false }
        return text.unicodeScalars.allSatisfy(isPrintableInline)
    }

    /// `|-`, `|` or `|+` followed by the lines indented by `indent`; `nil` when a literal block cannot hold the text.
    public static func literalBlock(_ text: String, indent: Int) -> String? {
        guard text.unicodeScalars.allSatisfy({ $0 == "\n" || $0 == "\t" || isPrintableInline($0) }) else { return nil }
        var body = text
        var trailingNewlines = 0
        while body.hasSuffix("\n") {
            body.removeLast()
            trailingNewlines += 1
        }
        guard !body.isEmpty else { return nil }
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        // A block's last line must not be blank or made of spaces only, or the chomping rules eat it.
        if let lastLine = lines.last, lastLine.allSatisfy({ $0 == " " || $0 == "\t" }) { return nil }
        let chomping = trailingNewlines == 0 ? "-" : trailingNewlines == 1 ? "" : "+"
        // A reader takes the block's indentation from its first line with content, unless told: it must be told
        // when that line starts with white space (checked on scalars, since a combining mark after the space
        // makes one `Character` of both), or when a blank line before it has more spaces than it would.
        let firstContentIndex = lines.firstIndex { !$0.unicodeScalars.allSatisfy { $0 == " " } } ?? lines.endIndex
        let firstContentStartsWithSpace = firstContentIndex < lines.endIndex
            && [" ", "\t"].contains(lines[firstContentIndex].unicodeScalars.first)
        let needsIndicator = firstContentStartsWithSpace || lines[..<firstContentIndex].contains { !$0.isEmpty }
        var result = "|" + (needsIndicator ? "2" : "") + chomping
        let padding = String(repeating: " ", count: indent)
        for line in lines {
            result += "\n" + (line.isEmpty ? "" : padding + line)
        }
        for _ in 0..<max(0, trailingNewlines - 1) { result += "\n" }
        return result
    }

    /// The text in double quotes, with every character YAML would alter escaped.
    public static func doubleQuoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case "\0": result += "\\0"
            case "\u{85}": result += "\\N"
            case "\u{2028}": result += "\\L"
            case "\u{2029}": result += "\\P"
            default:
                if isPrintableInline(scalar) {
                    result.unicodeScalars.append(scalar)
                } else {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result += scalar.value <= 0xFF ? "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                        : scalar.value <= 0xFFFF ? "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                        : "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
                }
            }
        }
        return result + "\""
    }

    /// Characters YAML keeps as they are inside a line (no line breaks, controls, BOM or surrogates).
    private static func isPrintableInline(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E: return true
        case 0xA0...0xD7FF: return scalar.value != 0x2028 && scalar.value != 0x2029
        case 0xE000...0xFFFD: return scalar.value != 0xFEFF
        case 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
