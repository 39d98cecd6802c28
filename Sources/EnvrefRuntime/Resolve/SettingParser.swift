import Foundation

/// Parses setting text into typed values with the same rules and wording as the registry loader
/// (`ValueParser` in EnvrefRegistry), so `envref validate` and the runtime agree.
struct SettingParser {
    /// What parsing produced: the value, and the deprecated enum value it was read from, if any.
    struct Parsed {
        var value: SettingValue
        var replacedDeprecatedValue: String?
    }

    /// The folder `~` expands to.
    var homeDirectory: String

    /// Parses `text` for `definition`, or returns what was expected, phrased to follow "expected".
    ///
    /// `pattern` is the definition's pattern compiled once by the caller; a pattern that does not compile is
    /// not checked.
    func parse(_ text: String, for definition: SettingDefinition, pattern: CompiledPattern?) -> Result<Parsed, Expectation> {
        let constraints = definition.constraints
        switch definition.kind {
        case .bool:
            switch text.trimmingWhitespace().lowercased() {
            case "true", "1", "yes": return .success(Parsed(value: .bool(true)))
            case "false", "0", "no": return .success(Parsed(value: .bool(false)))
            default: return .failure(Expectation("true, false, 1, 0, yes or no"))
            }
        case .int:
            guard let number = Int(text.trimmingWhitespace()) else { return .failure(Expectation("a whole number")) }
            if let minimum = constraints.minimum, number < minimum { return .failure(Expectation("at least \(minimum)")) }
            if let maximum = constraints.maximum, number > maximum { return .failure(Expectation("at most \(maximum)")) }
            return .success(Parsed(value: .int(number)))
        case .enumeration(let values, let deprecatedValues):
            if values.contains(text) { return .success(Parsed(value: .enumeration(text))) }
            if let replacement = deprecatedValues[text] {
                return .success(Parsed(value: .enumeration(replacement), replacedDeprecatedValue: text))
            }
            return .failure(Expectation("one of \(values.joined(separator: ", "))"))
        case .list(let separator):
            return .success(Parsed(value: .list(Self.listItems(text, separator: separator))))
        case .url:
            guard let url = URL(string: text), let scheme = url.scheme, !scheme.isEmpty, url.host?.isEmpty == false else {
                return .failure(Expectation("an absolute URL such as https://example.com"))
            }
            if let problem = lengthProblem(text, constraints) { return .failure(problem) }
            return .success(Parsed(value: .url(url)))
        case .string:
            if let source = constraints.pattern, let pattern, !pattern.wholeMatches(text) {
                return .failure(Expectation("a value matching \(source)"))
            }
            if let problem = lengthProblem(text, constraints) { return .failure(problem) }
            return .success(Parsed(value: .string(text)))
        case .path:
            if let problem = lengthProblem(text, constraints) { return .failure(problem) }
            return .success(Parsed(value: .path(expandingTilde(in: text))))
        }
    }

    /// Items split on `separator`, trimmed, empty items dropped.
    static func listItems(_ text: String, separator: String) -> [String] {
        // ASCII text split on one ASCII byte is the same whatever the Unicode rules, and far cheaper to split
        // by byte than through Foundation's string search.
        if separator.utf8.count == 1, let byte = separator.utf8.first, byte < 0x80, text.utf8.allSatisfy({ $0 < 0x80 }) {
            var text = text
            return text.withUTF8 { bytes in
                // The white space `trimmingWhitespace` drops, among ASCII characters: tab to carriage return, space.
                func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
                var items: [String] = []
                var start = 0
                func addItem(upTo end: Int) {
                    var low = start
                    var high = end
                    while low < high, isSpace(bytes[low]) { low += 1 }
                    while high > low, isSpace(bytes[high - 1]) { high -= 1 }
                    if low < high { items.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[low..<high]), as: UTF8.self)) }
                }
                for index in bytes.indices where bytes[index] == byte {
                    addItem(upTo: index)
                    start = index + 1
                }
                addItem(upTo: bytes.count)
                return items
            }
        }
        return text.components(separatedBy: separator)
            .map { String($0.trimmingWhitespace()) }
            .filter { !$0.isEmpty }
    }

    /// `~` and `~/rest` with the home folder put in; other paths unchanged.
    func expandingTilde(in path: String) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        let home = homeDirectory.count > 1 && homeDirectory.hasSuffix("/") ? String(homeDirectory.dropLast()) : homeDirectory
        return home + path.dropFirst()
    }

    private func lengthProblem(_ text: String, _ constraints: SettingConstraints) -> Expectation? {
        if let minimum = constraints.minLength, text.count < minimum { return Expectation("at least \(minimum) characters") }
        if let maximum = constraints.maxLength, text.count > maximum { return Expectation("at most \(maximum) characters") }
        return nil
    }
}

/// What a value should have been, phrased to follow "expected".
struct Expectation: Error, Equatable {
    var text: String

    init(_ text: String) {
        self.text = text
    }

    /// `expected <text>`.
    var message: String { "expected \(text)" }
}
