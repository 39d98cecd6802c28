/// An INI file as Python's `configparser` reads it: `[section]` headers, with `[DEFAULT]` inherited by every
/// section, `key = value` or `key: value` lines, `#` and `;` comment lines, and indented continuation lines.
///
/// Keys are lowercased and values trimmed, as `configparser` does; values are literal (no `%` interpolation).
/// Lines that fit none of those shapes are skipped and reported in `problems`, so one typo does not hide
/// the rest of the file.
public struct INIDocument: Sendable, Hashable {
    /// One `key = value` entry.
    public struct Entry: Sendable, Hashable {
        /// The key, lowercased.
        public var key: String
        /// The value, trimmed; continuation lines are joined with newlines.
        public var value: String
        /// The 1-based line the key is on.
        public var line: Int
    }

    /// A line that could not be read.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        /// The 1-based line number.
        public var line: Int
        /// What is wrong with it.
        public var message: String

        /// `line N: message`.
        public var description: String { "line \(line): \(message)" }
    }

    /// The section names in file order.
    public private(set) var sectionNames: [String] = []
    /// Every entry by section, in file order; a repeated key keeps its last value.
    public private(set) var sections: [String: [Entry]] = [:]
    /// Lines that were skipped.
    public private(set) var problems: [Problem] = []

    /// Parses INI text; never fails, skipped lines are listed in `problems`.
    public init(parsing text: String) {
        var currentSection: String?
        var lastEntryIndex: Int?
        var lastEntryIndent = 0
        // Blank lines since the last line with text: configparser keeps them inside a value that an indented
        // line goes on to continue.
        var blankLines = 0
        // Keys after a header that could not be read belong to no section, and their warning says why.
        var unreadableHeaderLine: Int?
        // `\r\n` is one Character in Swift, so splitting on "\n" alone would miss Windows line ends.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        for (offset, line) in lines.enumerated() {
            let lineNumber = offset + 1
            // Indentation, trimming, comments, brackets and delimiters are all read by scalar, as configparser
            // reads code points: a combining mark after a space, `#`, `]` or `=` makes one `Character` of both,
            // which no `Character` comparison would match.
            let indent = line.unicodeScalars.prefix(while: Self.isPythonWhitespace).count
            let content = Self.trimmed(line)
            let scalars = content.unicodeScalars
            guard let first = scalars.first else {
                blankLines += 1
                continue
            }
            if first == "#" || first == ";" { continue }
            if indent > lastEntryIndent, let section = currentSection, let index = lastEntryIndex {
                // configparser joins an indented line to the value above it, blank lines in between included.
                sections[section]![index].value += String(repeating: "\n", count: blankLines + 1) + content
                blankLines = 0
                continue
            }
            blankLines = 0
            lastEntryIndex = nil
            if first == "[" {
                // configparser matches `\[(.+)\]` from the start of the line: the name runs to the last `]`,
                // and whatever follows that is ignored.
                let inside = scalars.dropFirst()
                guard let close = inside.lastIndex(of: "]"), close > inside.startIndex else {
                    problems.append(Problem(line: lineNumber, message: "'\(content)' is not a section header like '[default]'"))
                    currentSection = nil
                    unreadableHeaderLine = lineNumber
                    continue
                }
                let name = String(inside[..<close])
                currentSection = name
                unreadableHeaderLine = nil
                if sections[name] == nil {
                    sectionNames.append(name)
                    sections[name] = []
                }
                continue
            }
            guard let delimiter = scalars.firstIndex(where: { $0 == "=" || $0 == ":" }) else {
                problems.append(Problem(line: lineNumber, message: "'\(content)' is not a 'key = value' line"))
                continue
            }
            let key = Self.trimmed(Substring(scalars[..<delimiter])).lowercased()
            let value = Self.trimmed(Substring(scalars[scalars.index(after: delimiter)...]))
            guard !key.isEmpty else {
                problems.append(Problem(line: lineNumber, message: "'\(content)' has no key before '\(scalars[delimiter])'"))
                continue
            }
            guard let section = currentSection else {
                let message = unreadableHeaderLine.map { "'\(key)' follows the unreadable section header on line \($0), so it is in no section" }
                    ?? "'\(key)' comes before any section header such as '[default]'"
                problems.append(Problem(line: lineNumber, message: message))
                continue
            }
            var entries = sections[section]!
            if let existing = entries.firstIndex(where: { $0.key == key }) {
                problems.append(Problem(line: lineNumber, message: "'\(key)' is set again in [\(section)]; the later value wins"))
                entries.remove(at: existing)
            }
            entries.append(Entry(key: key, value: String(value), line: lineNumber))
            sections[section] = entries
            lastEntryIndex = entries.count - 1
            lastEntryIndent = indent
        }
    }

    /// `text` without white space at either end, trimmed by scalar as Python's `str.strip` trims code points.
    private static func trimmed(_ text: Substring) -> Substring {
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !isPythonWhitespace($0) }),
              let end = scalars.lastIndex(where: { !isPythonWhitespace($0) })
        else { return "" }
        return Substring(scalars[start...end])
    }

    /// Whether Python's `str.isspace`, which `strip` and configparser's indentation use, counts the scalar as
    /// white space: Unicode's White_Space property, and also the information separators U+001C to U+001F.
    private static func isPythonWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || (0x1C...0x1F).contains(scalar.value)
    }

    /// configparser's default section, whose entries every other section inherits unless it sets them itself.
    public static let inheritedSection = "DEFAULT"

    /// The entries of one section, keyed by key, over those of `[DEFAULT]`, as configparser's `get` reads them.
    public func values(in section: String) -> [String: String] {
        var values: [String: String] = [:]
        for entry in (sections[Self.inheritedSection] ?? []) + (section == Self.inheritedSection ? [] : sections[section] ?? []) {
            values[entry.key] = entry.value
        }
        return values
    }
}

extension StringProtocol {
    /// Whether the text is empty or only white space, which counts as unset.
    var isBlank: Bool {
        // A printable ASCII first byte starts a character that is not white space.
        if let first = utf8.first, (0x21...0x7E).contains(first) { return false }
        return allSatisfy(\.isWhitespace)
    }

    func trimmingWhitespace() -> Substring {
        // Most values start and end with printable ASCII, which no white-space character does; checking two
        // bytes spares the Unicode property lookups.
        let scalars = Substring(self)
        if let first = scalars.utf8.first, let last = scalars.utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return scalars
        }
        guard let start = scalars.firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.isWhitespace })!
        return scalars[start...end]
    }
}
