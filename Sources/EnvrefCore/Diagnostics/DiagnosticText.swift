/// Makes text taken from input files safe and short enough to quote in a diagnostic.
///
/// Diagnostics are printed to terminals and shown in editors, so a name in a hostile file must not
/// be able to move the cursor, recolour the screen, reorder text (bidirectional overrides) or break
/// the one-line `path:line:col: error: message` format.
public enum DiagnosticText {
    /// The longest excerpt of input quoted in a message.
    public static let excerptLimit = 60

    /// `text` with every control, bidirectional-override and invisible format character spelled out
    /// as `\u{…}` (newline, tab and carriage return as `\n`, `\t`, `\r`).
    public static func escapingControlCharacters(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            case "\r": escaped += "\\r"
            case _ where needsEscape(scalar): escaped += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// `text` cut to `limit` characters with `…` and the full length, so a 50 MB value cannot flood a report.
    public static func excerpt(_ text: String, limit: Int = excerptLimit) -> String {
        // Counting a huge text is the expensive part: only a text that is cut is counted, once.
        guard let cut = text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex), cut != text.endIndex else { return text }
        return "\(text[..<cut])… (\(text.count) characters)"
    }

    /// Whether a scalar is a C0 or C1 control, DEL, a bidirectional control or an invisible format mark.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2069, 0xFEFF: true
        default: false
        }
    }
}
