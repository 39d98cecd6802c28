/// An INI file as Python's `configparser` reads it: `[section]` headers, with `[DEFAULT]` inherited by every
/// section, `key = value` or `key: value` lines, `#` and `;` comment lines, and indented continuation lines.
///
/// Keys are lowercased and values trimmed, as `configparser` does, and `values(in:)` applies its default `%`
/// interpolation, as the W&B client reads the files with it.
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
            let delimiter = scalars.firstIndex(where: { $0 == "=" || $0 == ":" })
            if first == "[" {
                // configparser matches `\[(.+)\]` from the start of the line: the name runs to the last `]`, and
                // whatever follows that is ignored. A line that does not match is read as a key line, so
                // `[x = 1` sets the key `[x`; only one without a delimiter either is an unreadable header.
                let inside = scalars.dropFirst()
                if let close = inside.lastIndex(of: "]"), close > inside.startIndex {
                    let name = String(inside[..<close])
                    currentSection = name
                    unreadableHeaderLine = nil
                    if sections[name] == nil {
                        sectionNames.append(name)
                        sections[name] = []
                    }
                    continue
                }
                if delimiter == nil {
                    problems.append(Problem(line: lineNumber, message: "'\(content)' is not a section header like '[default]'"))
                    currentSection = nil
                    unreadableHeaderLine = lineNumber
                    continue
                }
            }
            guard let delimiter else {
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

    /// The values of one section as configparser's `get` returns them once the section exists (the W&B client
    /// adds it when the file lacks it): over those of `[DEFAULT]`, with `%` interpolation applied.
    public func values(in section: String) -> [String: String] {
        read(section).values
    }

    /// The values of one section, as `values(in:)` gives them, and a problem for each value left out because its
    /// `%` interpolation fails, where configparser's `get` would raise.
    ///
    /// configparser's default interpolation, which the W&B client reads with, turns `%%` into `%` and
    /// `%(key)s` into that key's value in the same section or `[DEFAULT]`, interpolated in turn up to ten levels
    /// deep; any other `%` is an error.
    public func read(_ section: String) -> (values: [String: String], problems: [Problem]) {
        var raw: [String: Entry] = [:]
        for entry in (sections[Self.inheritedSection] ?? []) + (section == Self.inheritedSection ? [] : sections[section] ?? []) {
            raw[entry.key] = entry
        }
        var values: [String: String] = [:]
        var problems: [Problem] = []
        for (key, entry) in raw {
            var budget = Self.interpolationLimit
            switch Self.interpolated(entry.value, in: raw, depth: 1, budget: &budget) {
            case .success(let value): values[key] = value
            case .failure(let failure): problems.append(Problem(line: entry.line, message: "'\(key)' \(failure.reason)"))
            }
        }
        return (values, problems.sorted { ($0.line, $0.message) < ($1.line, $1.message) })
    }

    /// Why a value's `%` interpolation failed, worded to follow the key's name.
    struct InterpolationFailure: Error {
        var reason: String
    }

    /// The most scalars and references one value may expand to. configparser bounds how deep references nest but
    /// not how many a value holds, so a few lines that each refer to the line before several times would expand
    /// without end, even to nothing; no setting comes near it.
    static let interpolationLimit = 65_536

    /// configparser's `BasicInterpolation._interpolate_some`, on scalars; `budget` is what the value may still add.
    private static func interpolated(_ text: String, in raw: [String: Entry], depth: Int,
                                     budget: inout Int) -> Result<String, InterpolationFailure> {
        guard depth <= 10 else { return .failure(InterpolationFailure(reason: "refers to values nested more than 10 deep")) }
        let tooLong = InterpolationFailure(reason: "expands beyond \(interpolationLimit) characters and references")
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "%" else {
                budget -= 1
                guard budget >= 0 else { return .failure(tooLong) }
                result.append(scalars[index])
                index += 1
                continue
            }
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            if next == "%" {
                budget -= 1
                guard budget >= 0 else { return .failure(tooLong) }
                result.append("%")
                index += 2
                continue
            }
            // `%(name)s`: a name of at least one scalar up to the first `)`, then `s`.
            guard next == "(", let close = scalars[(index + 2)...].firstIndex(of: ")"), close > index + 2,
                  close + 1 < scalars.count, scalars[close + 1] == "s"
            else {
                return .failure(InterpolationFailure(reason: "has a '%' that is neither '%%' nor the start of '%(name)s'"))
            }
            var nameScalars = String.UnicodeScalarView()
            nameScalars.append(contentsOf: scalars[(index + 2)..<close])
            let name = String(nameScalars).lowercased()
            guard let referenced = raw[name] else {
                return .failure(InterpolationFailure(reason: "refers to '%(\(name))s', which the section does not set"))
            }
            budget -= 1
            guard budget >= 0 else { return .failure(tooLong) }
            if referenced.value.unicodeScalars.contains("%") {
                // The nested call spends the budget for what it adds.
                switch interpolated(referenced.value, in: raw, depth: depth + 1, budget: &budget) {
                case .success(let value): result.append(contentsOf: value.unicodeScalars)
                case .failure(let failure): return .failure(failure)
                }
            } else {
                budget -= referenced.value.unicodeScalars.count
                guard budget >= 0 else { return .failure(tooLong) }
                result.append(contentsOf: referenced.value.unicodeScalars)
            }
            index = close + 2
        }
        return .success(String(result))
    }
}

extension StringProtocol {
    /// Whether the text is empty or only white space, which counts as unset.
    var isBlank: Bool {
        // A printable ASCII first byte starts a character that is not white space.
        if let first = utf8.first, (0x21...0x7E).contains(first) { return false }
        return unicodeScalars.allSatisfy(\.properties.isWhitespace)
    }

    func trimmingWhitespace() -> Substring {
        // Most values start and end with printable ASCII, which no white-space character does; checking two
        // bytes spares the Unicode property lookups.
        let scalars = Substring(self)
        if let first = scalars.utf8.first, let last = scalars.utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return scalars
        }
        // By scalar, as Python strips and as the registry trims: a combining mark after a space stays.
        let view = scalars.unicodeScalars
        guard let start = view.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let end = view.lastIndex(where: { !$0.properties.isWhitespace })!
        return Substring(view[start...end])
    }
}
