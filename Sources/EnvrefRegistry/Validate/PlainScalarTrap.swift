/// Unquoted YAML values that other YAML readers take for something else than the text written.
///
/// envref reads every registry value as text, so `default: no` means the string `no` here. But the
/// registry is also read by editors, linters and scripts (PyYAML, Go's yaml.v2 and Ruby follow YAML
/// 1.1, where `no` is false, `010` is 8 and `1:30` is 5400), so a value they would read differently is
/// refused until it is quoted, and every reader agrees.
enum PlainScalarTrap {
    /// What other YAML readers make of an unquoted `text`, when that differs from the text itself.
    static func otherReading(of text: String) -> String? {
        if booleans.keys.contains(text) { return "the boolean \(booleans[text]!)" }
        if nulls.contains(text) { return "null (no value)" }
        // YAML 1.1 gives these two tags of their own, and PyYAML cannot build either: the whole file fails to load.
        if text == "=" { return "YAML 1.1's value key, which PyYAML cannot load" }
        if text == "<<" { return "a merge key, which PyYAML cannot load as a value" }
        if let number = integerReading(text) { return "the number \(number)" }
        if let number = floatReading(text) { return "the number \(number)" }
        if let moment = timestampReading(text) { return moment }
        return nil
    }

    /// YAML 1.1's timestamps, which PyYAML reads as a `date` or `datetime`: `2001-12-14`,
    /// `2001-12-14t21:59:43.10-05:00`, `2001-12-14 21:59:43.10 -5`.
    private static func timestampReading(_ text: String) -> String? {
        // Every timestamp starts with four digits and a hyphen; most text is turned away before the pattern is made.
        let bytes = Array(text.utf8.prefix(5))
        guard bytes.count == 5, bytes[..<4].allSatisfy({ (0x30...0x39).contains($0) }), bytes[4] == UInt8(ascii: "-") else { return nil }
        let timestamp = /[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?/
        guard (try? timestamp.wholeMatch(in: text)) != nil else { return nil }
        return text.utf8.count == 10 ? "a date" : "a date and time"
    }

    /// What YAML 1.1 readers make of an unquoted whole number with a leading zero, such as `010`.
    static func octalReading(of text: String) -> String? {
        let digits = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        guard digits.count > 1, digits.first == "0", digits.allSatisfy({ ("0"..."7").contains($0) }),
            let value = Int(digits, radix: 8)
        else { return nil }
        return "the octal number \(text.hasPrefix("-") ? -value : value)"
    }

    private static let booleans: [String: Bool] = {
        var table: [String: Bool] = [:]
        for (words, value) in [(["y", "yes", "true", "on"], true), (["n", "no", "false", "off"], false)] {
            for word in words {
                for form in [word, word.capitalized, word.uppercased()] { table[form] = value }
            }
        }
        return table
    }()

    private static let nulls: Set<String> = ["~", "null", "Null", "NULL"]

    /// YAML 1.1 integers whose value is spelled differently from their text: octal, hexadecimal,
    /// binary, with `_` separators, or base 60.
    private static func integerReading(_ text: String) -> Int? {
        var body = Substring(text)
        var sign = 1
        if let first = body.first, first == "-" || first == "+" {
            sign = first == "-" ? -1 : 1
            body = body.dropFirst()
        }
        guard let first = body.first, first.isASCII, first.isNumber else { return nil }
        let plain = body.filter { $0 != "_" }
        if plain.hasPrefix("0x"), let value = Int(plain.dropFirst(2), radix: 16) { return sign * value }
        if plain.hasPrefix("0b"), let value = Int(plain.dropFirst(2), radix: 2) { return sign * value }
        if plain.count > 1, plain.hasPrefix("0"), let value = Int(plain.dropFirst(), radix: 8) { return sign * value }
        if body.contains(":") {
            let parts = body.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count > 1, parts.dropFirst().allSatisfy({ $0.count == 2 }),
                let values = Optional(parts.compactMap { Int($0) }), values.count == parts.count,
                values.dropFirst().allSatisfy({ $0 < 60 })
            else { return nil }
            return sign * values.reduce(0) { $0 * 60 + $1 }
        }
        if body.contains("_"), let value = Int(plain) { return sign * value }
        return nil
    }

    /// Floats whose value prints differently from their text (`1e3`, `1.10`, `.inf`).
    private static func floatReading(_ text: String) -> String? {
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return "infinity"
        case "-.inf", "-.Inf", "-.INF": return "minus infinity"
        case ".nan", ".NaN", ".NAN": return "NaN (not a number)"
        default: break
        }
        guard text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }),
            text.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }),
            text.contains(where: \.isNumber), let value = Double(text), value.isFinite
        else { return nil }
        let printed = String(value)
        return printed == text ? nil : printed
    }
}
