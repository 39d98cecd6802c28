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
            guard let flag = Self.boolean(text.trimmingWhitespace()) else { return .failure(Expectation("true, false, 1, 0, yes or no")) }
            return .success(Parsed(value: .bool(flag)))
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

    /// `true`, `1` or `yes` as true, `false`, `0` or `no` as false, in any case; otherwise `nil`.
    static func boolean(_ text: Substring) -> Bool? {
        // Compared byte by byte, without making a lowercased copy: no non-ASCII character lowercases to a
        // letter of these words, so text that is not ASCII is none of them.
        var word: UInt64 = 0
        var length = 0
        for byte in text.utf8 {
            guard byte < 0x80, length < 5 else { return nil }
            let lowered = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
            word = word << 8 | UInt64(lowered)
            length += 1
        }
        // The length is compared too, so leading NUL bytes cannot pass for a shorter word.
        switch (length, word) {
        case (4, 0x74_72_75_65), (1, 0x31), (3, 0x79_65_73): return true  // true, 1, yes
        case (5, 0x66_61_6C_73_65), (1, 0x30), (2, 0x6E_6F): return false  // false, 0, no
        default: return nil
        }
    }

    /// Items split on `separator`, trimmed, empty items dropped.
    ///
    /// Split on the separator's UTF-8 bytes, as a shell or Python splits: a comma followed by a combining mark
    /// is one `Character`, which a `Character` search would not split at. A match of a whole UTF-8 sequence
    /// inside valid UTF-8 always starts and ends on scalar boundaries, so the items stay valid text.
    static func listItems(_ text: String, separator: String) -> [String] {
        let separatorBytes = Array(separator.utf8)
        guard let firstSeparatorByte = separatorBytes.first else {
            let item = String(text.trimmingWhitespace())
            return item.isEmpty ? [] : [item]
        }
        var text = text
        let isASCII = text.utf8.allSatisfy { $0 < 0x80 }
        return text.withUTF8 { bytes in
            // The white space `trimmingWhitespace` drops, among ASCII characters: tab to carriage return, space.
            func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
            var items: [String] = []
            // One allocation for every item, instead of regrowing as they are appended.
            items.reserveCapacity(bytes.reduce(1) { count, next in next == firstSeparatorByte ? count + 1 : count })
            var start = 0
            func addItem(upTo end: Int) {
                let item = UnsafeBufferPointer(rebasing: bytes[start..<end])
                guard isASCII else {
                    // Other texts may hold white space beyond ASCII, which only a scalar knows.
                    let trimmed = String(String(decoding: item, as: UTF8.self).trimmingWhitespace())
                    if !trimmed.isEmpty { items.append(trimmed) }
                    return
                }
                var low = item.startIndex
                var high = item.endIndex
                while low < high, isSpace(item[low]) { low += 1 }
                while high > low, isSpace(item[high - 1]) { high -= 1 }
                if low < high { items.append(String(decoding: UnsafeBufferPointer(rebasing: item[low..<high]), as: UTF8.self)) }
            }
            var index = 0
            while index + separatorBytes.count <= bytes.count {
                if bytes[index] == firstSeparatorByte,
                   separatorBytes.count == 1 || bytes[index..<(index + separatorBytes.count)].elementsEqual(separatorBytes)
                {
                    addItem(upTo: index)
                    index += separatorBytes.count
                    start = index
                } else {
                    index += 1
                }
            }
            addItem(upTo: bytes.count)
            return items
        }
    }

    /// `~` and `~/rest` with the home folder put in; other paths unchanged.
    func expandingTilde(in path: String) -> String {
        // Compared as bytes, as a shell expands `~`: a path is bytes to the system, not Unicode characters.
        let bytes = path.utf8
        guard bytes.first == UInt8(ascii: "~"), bytes.count == 1 || bytes.dropFirst().first == UInt8(ascii: "/") else { return path }
        // The trailing `/` goes as one byte: a character would take with it a mark that joins the `/`.
        let home = homeDirectory.utf8.count > 1 && homeDirectory.utf8.last == UInt8(ascii: "/")
            ? String(decoding: homeDirectory.utf8.dropLast(), as: UTF8.self) : homeDirectory
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
