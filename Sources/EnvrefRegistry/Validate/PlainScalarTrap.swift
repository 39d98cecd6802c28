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
        if let number = numberReading(text) { return number }
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

    /// The number YAML 1.1 (as PyYAML reads it) or YAML 1.2's core schema reads in `text`, when its value,
    /// written as Python writes numbers, is not the text itself: `0x10`, `1_000`, `1:30`, `+7`, `3.10`, `1e3`.
    private static func numberReading(_ text: String) -> String? {
        // Every number starts with a digit, a sign or a point; most text is turned away before a pattern is made.
        guard let first = text.utf8.first, (0x30...0x39).contains(first) || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
            || first == UInt8(ascii: ".")
        else { return nil }
        let plain = text.replacingOccurrences(of: "_", with: "")
        let sign = plain.hasPrefix("-") ? -1 : 1
        let unsigned = plain.hasPrefix("-") || plain.hasPrefix("+") ? String(plain.dropFirst()) : plain
        func integer(_ digits: some StringProtocol, radix: Int) -> String {
            guard !digits.isEmpty else { return "a number PyYAML cannot read" }
            guard let value = Int(digits, radix: radix) else { return "a number too large to keep exactly" }
            return "the number \(sign * value)"
        }
        // YAML 1.1 integers, in PyYAML's order.
        if (try? /[-+]?(?:0b[0-1_]+|0[0-7_]+|0|[1-9][0-9_]*|0x[0-9a-fA-F_]+|[1-9][0-9_]*(?::[0-5]?[0-9])+)/.wholeMatch(in: text)) != nil {
            if unsigned == "0" { return text == "0" ? nil : "the number 0" }
            if unsigned.hasPrefix("0b") { return integer(unsigned.dropFirst(2), radix: 2) }
            if unsigned.hasPrefix("0x") { return integer(unsigned.dropFirst(2), radix: 16) }
            if unsigned.hasPrefix("0") { return integer(unsigned, radix: 8) }
            if unsigned.contains(":") {
                // Base 60, checked at every step: a long run of `:00` would overflow, and a registry must never crash.
                var value = 0
                for part in unsigned.split(separator: ":") {
                    let (shifted, overflowed) = value.multipliedReportingOverflow(by: 60)
                    guard !overflowed, let digit = Int(part), case let (sum, false) = shifted.addingReportingOverflow(digit) else {
                        return "a number too large to keep exactly"
                    }
                    value = sum
                }
                return "the number \(sign * value)"
            }
            // A plain decimal: the same text unless it has a sign `+` or separators.
            return plain == text && !text.hasPrefix("+") ? nil : integer(unsigned, radix: 10)
        }
        // YAML 1.2's core schema: decimal with leading zeros and `0o` octal (its `0x` hexadecimal is YAML 1.1's, above).
        if (try? /[-+]?[0-9]+/.wholeMatch(in: text)) != nil {
            let trimmed = unsigned.drop { $0 == "0" }
            return unsigned.first == "0" && unsigned.count > 1 ? integer(trimmed.isEmpty ? "0" : trimmed, radix: 10) : nil
        }
        if (try? /0o[0-7]+/.wholeMatch(in: text)) != nil { return integer(text.dropFirst(2), radix: 8) }
        // Floats: YAML 1.1's, with separators and base 60, and YAML 1.2's, with an exponent and no point.
        let isFloat = (try? /[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)/.wholeMatch(in: text)) != nil
            || (try? /[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)/.wholeMatch(in: text)) != nil
        guard isFloat else { return nil }
        let lowered = plain.lowercased()
        if lowered.hasSuffix(".inf") { return lowered.hasPrefix("-") ? "the number minus infinity" : "the number infinity" }
        if lowered == ".nan" { return "the number NaN (not a number)" }
        var value: Double?
        if unsigned.contains(":") {
            let parts = unsigned.split(separator: ":")
            value = parts.dropLast().reduce(0.0) { $0 * 60 + (Double($1) ?? 0) } * 60 + (Double(parts.last ?? "0") ?? 0)
            value = value.map { Double(sign) * $0 }
        } else {
            value = Double(plain)
        }
        guard let value, value.isFinite else { return "a number too large to keep exactly" }
        let printed = pythonText(of: value)
        return printed == text ? nil : "the number \(printed)"
    }

    /// A float as Python's `repr` writes it: the shortest digits that read back as the same value, as Swift
    /// gives them, but without an exponent below 10¹⁶, where Swift starts one at 2⁵³.
    static func pythonText(of value: Double) -> String {
        let swiftText = String(value)
        guard let marker = swiftText.firstIndex(of: "e"), let exponent = Int(swiftText[swiftText.index(after: marker)...]),
            (0..<16).contains(exponent)
        else { return swiftText }
        var mantissa = Substring(swiftText[..<marker])
        let sign = mantissa.hasPrefix("-") ? "-" : ""
        if !sign.isEmpty { mantissa = mantissa.dropFirst() }
        let digits = mantissa.filter { $0 != "." }
        let wholeDigits = exponent + 1
        guard digits.count > wholeDigits else { return sign + digits + String(repeating: "0", count: wholeDigits - digits.count) + ".0" }
        return sign + digits.prefix(wholeDigits) + "." + digits.dropFirst(wholeDigits)
    }

}
