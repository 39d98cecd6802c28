import EnvrefCore

/// One message of a gettext PO file.
public struct POEntry: Hashable, Sendable {
    /// `# ` comments, written by translators.
    public var translatorComments: [String] = []
    /// `#.` comments, written by the tool for translators.
    public var extractedComments: [String] = []
    /// `#:` references.
    public var references: [String] = []
    /// `#,` flags such as `fuzzy`.
    public var flags: [String] = []
    /// `#| msgctxt`: the previous context of a fuzzy entry.
    public var previousContext: String?
    /// `#| msgid`: the previous source text of a fuzzy entry.
    public var previousID: String?
    /// The context: the variable's name.
    public var context: String?
    /// The source text.
    public var id: String
    /// A plural source text; envref never writes one and refuses to read one.
    public var pluralID: String?
    /// The translation; empty when untranslated.
    public var translation: String
    /// Whether it is an obsolete (`#~`) entry.
    public var isObsolete = false
    /// Where the entry starts, when read from a file.
    public var location: SourceLocation?

    /// Creates an entry.
    public init(context: String?, id: String, translation: String) {
        self.context = context
        self.id = id
        self.translation = translation
    }

    /// Whether the entry is marked `fuzzy`.
    public var isFuzzy: Bool { flags.contains("fuzzy") }
}

/// A gettext PO file: a header entry (empty msgid) and messages.
public struct POFile: Hashable, Sendable {
    /// Header comment lines, without the leading `# `.
    public var headerComments: [String]
    /// Header fields in order, such as ("Language", "fr").
    public var headerFields: [(String, String)]
    /// The messages.
    public var entries: [POEntry]

    /// Creates a file.
    public init(headerComments: [String] = [], headerFields: [(String, String)] = [], entries: [POEntry] = []) {
        self.headerComments = headerComments
        self.headerFields = headerFields
        self.entries = entries
    }

    /// A header field's value.
    public func header(_ name: String) -> String? {
        headerFields.first { $0.0.lowercased() == name.lowercased() }?.1
    }

    /// Equal when every part is equal.
    public static func == (lhs: POFile, rhs: POFile) -> Bool {
        lhs.headerComments == rhs.headerComments && lhs.entries == rhs.entries
            && lhs.headerFields.map { [$0.0, $0.1] } == rhs.headerFields.map { [$0.0, $0.1] }
    }

    /// Hashes every part.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(headerComments)
        hasher.combine(headerFields.map { [$0.0, $0.1] })
        hasher.combine(entries)
    }

    /// The file as PO text, in the layout GNU gettext tools write.
    public func text() -> String {
        var out = headerComments.map { $0.isEmpty ? "#" : "# " + $0 }.joined(separator: "\n")
        if !out.isEmpty { out += "\n" }
        out += "msgid \"\"\nmsgstr \"\"\n"
        for (name, value) in headerFields {
            out += "\"" + Self.escaped("\(name): \(value)\n") + "\"\n"
        }
        for entry in entries {
            out += "\n" + Self.text(of: entry)
        }
        return out
    }

    private static func text(of entry: POEntry) -> String {
        var out = ""
        for comment in entry.translatorComments.flatMap(commentLines) { out += comment.isEmpty ? "#\n" : "# \(comment)\n" }
        for comment in entry.extractedComments.flatMap(commentLines) { out += "#. \(comment)\n" }
        for reference in entry.references.flatMap(commentLines) { out += "#: \(reference)\n" }
        if !entry.flags.isEmpty { out += "#, " + entry.flags.joined(separator: ", ") + "\n" }
        if let previousContext = entry.previousContext { out += keyword("#| msgctxt", previousContext) }
        if let previousID = entry.previousID { out += keyword("#| msgid", previousID) }
        let prefix = entry.isObsolete ? "#~ " : ""
        if let context = entry.context { out += keyword(prefix + "msgctxt", context) }
        out += keyword(prefix + "msgid", entry.id)
        out += keyword(prefix + "msgstr", entry.translation)
        return out
    }

    /// A comment's lines: a comment is one line of the file, so a value with a line break in it, such as an enum
    /// value or a default, continues on a comment line of its own instead of ending the comment.
    private static func commentLines(_ comment: String) -> [Substring] {
        comment.lineSlices()
    }

    /// `keyword "text"`, or for multi-line text `keyword ""` followed by one quoted line per line, as gettext writes it.
    private static func keyword(_ keyword: String, _ text: String) -> String {
        let linePrefix = keyword.hasPrefix("#|") ? "#| " : keyword.hasPrefix("#~") ? "#~ " : ""
        guard text.contains("\n") else { return "\(keyword) \"\(escaped(text))\"\n" }
        var out = "\(keyword) \"\"\n"
        var rest = Substring(text)
        while !rest.isEmpty {
            let line: Substring
            if let newline = rest.firstIndex(of: "\n") {
                line = rest[...newline]
                rest = rest[rest.index(after: newline)...]
            } else {
                line = rest
                rest = ""
            }
            out += linePrefix + "\"" + escaped(String(line)) + "\"\n"
        }
        return out
    }

    /// C-style escapes, as PO strings use.
    static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{07}": out += "\\a"
            case "\u{08}": out += "\\b"
            case "\u{0B}": out += "\\v"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\" + String(scalar.value, radix: 8).leftPadded(to: 3)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        String(repeating: "0", count: max(0, length - count)) + self
    }
}
