import EnvrefCore

/// The page's link reference definitions (`[docs]: https://example.com`), which a description taken out of
/// the page must carry with it.
///
/// Markdown resolves `[text][docs]` against a definition anywhere in the document, and pages often keep
/// theirs at the bottom. A description cut out of the page would lose it and show the brackets, while the
/// section above the definitions would carry them all. So each description drops the definitions whose
/// label it never writes in brackets, and gains the page's definitions whose label it does. A label in
/// brackets that the page defines was a link on the page too, so the description reads as the page did.
/// Everything is decided on the text, in one pass each, so a page of thousands of definitions stays fast.
struct LinkReferences {
    /// Each definition by its label as Markdown matches labels: its line, and its place on the page, so appended
    /// definitions come out in page order every time. The first of a label wins, as in Markdown.
    let definitions: [String: (place: Int, line: String)]

    init(page lines: [String]) {
        var definitions: [String: (place: Int, line: String)] = [:]
        for (line, kind) in zip(lines, Self.lineKinds(lines)) {
            if case .definition(let label) = kind, definitions[label] == nil {
                definitions[label] = (definitions.count, line.trimmingWhitespace())
            }
        }
        self.definitions = definitions
    }

    /// What a line of Markdown is, as far as link definitions go.
    enum LineKind: Equatable {
        /// A link reference definition with this label.
        case definition(String)
        /// A line of fenced code, fences included, where brackets are only text.
        case code
        /// Any other line.
        case text
    }

    /// What each line is: a definition counts only outside fenced code and at the start of a block, since a
    /// definition cannot interrupt a paragraph.
    static func lineKinds<Line: StringProtocol>(_ lines: [Line]) -> [LineKind] {
        var kinds: [LineKind] = []
        kinds.reserveCapacity(lines.count)
        var startsBlock = true
        var fence: Substring?
        for line in lines {
            let text = Substring(line)
            if let open = fence {
                if PageScan.closes(text, open) {
                    fence = nil
                    startsBlock = true
                }
                kinds.append(.code)
                continue
            }
            if let opening = PageScan.openingFence(Substring(text.unicodeScalars.drop { $0 == " " })) {
                fence = opening
                kinds.append(.code)
                continue
            }
            let label = startsBlock ? Self.label(ofDefinition: text) : nil
            kinds.append(label.map(LineKind.definition) ?? .text)
            // A blank line, a heading or another definition ends what came before, so a definition may follow.
            startsBlock = label != nil || text.allSatisfy(\.isWhitespace) || text.drop { $0 == " " }.hasPrefix("#")
        }
        return kinds
    }

    /// The normalised label of a line that is a link reference definition, or `nil`.
    ///
    /// Read byte by byte: up to three spaces, `[label]:`, a destination (`<...>` or a run without white
    /// space), and an optional title in quotes or parentheses.
    static func label(ofDefinition line: some StringProtocol) -> String? {
        definition(in: line)?.label
    }

    /// The normalised label of a line that is a link reference definition, and the UTF-8 offset of the colon
    /// after its `]`; `nil` when the line is not one.
    static func definition(in line: some StringProtocol) -> (label: String, colonOffset: Int)? {
        // Most lines start with no `[` at all: decided before copying the line's bytes.
        guard line.utf8.prefix(4).contains(UInt8(ascii: "[")) else { return nil }
        let bytes = Array(line.utf8)
        var index = 0
        while index < bytes.count, index < 3, bytes[index] == UInt8(ascii: " ") { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "[") else { return nil }
        guard let (label, close) = Self.label(in: bytes, openingAt: index), close + 1 < bytes.count, bytes[close + 1] == UInt8(ascii: ":")
        else { return nil }
        let colonOffset = close + 1
        index = close + 2
        func skipSpaces() { while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 } }
        skipSpaces()
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "<") {
            guard let end = bytes[index...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
            index = end + 1
        } else {
            while index < bytes.count, bytes[index] != UInt8(ascii: " "), bytes[index] != UInt8(ascii: "\t") { index += 1 }
        }
        let afterDestination = index
        skipSpaces()
        if index < bytes.count, index > afterDestination {
            let closing: UInt8 = switch bytes[index] {
            case UInt8(ascii: "\""): UInt8(ascii: "\"")
            case UInt8(ascii: "'"): UInt8(ascii: "'")
            case UInt8(ascii: "("): UInt8(ascii: ")")
            default: 0
            }
            guard closing != 0, let end = bytes[(index + 1)...].firstIndex(of: closing) else { return nil }
            index = end + 1
            skipSpaces()
        }
        return index == bytes.count ? (label, colonOffset) : nil
    }

    /// The normalised label between the `[` at `open` and its `]`, and where that `]` is; `nil` when no
    /// bracket closes it first, another `[` opens inside, or the label is blank.
    private static func label(in bytes: [UInt8], openingAt open: Int) -> (String, Int)? {
        var index = open + 1
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "["): return nil
            case UInt8(ascii: "]"):
                let label = normalised(String(decoding: bytes[(open + 1)..<index], as: UTF8.self))
                return label.isEmpty ? nil : (label, index)
            default: index += 1
            }
        }
        return nil
    }

    /// A label as Markdown compares labels: case folded, runs of white space made one space.
    static func normalised(_ label: some StringProtocol) -> String {
        label.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Every label written in brackets in `text`, outside one-backtick code spans, normalised.
    static func bracketedLabels(in text: some StringProtocol) -> Set<String> {
        let bytes = Array(text.utf8)
        var labels: Set<String> = []
        var index = 0
        var inCode = false
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "`"): inCode.toggle()
            case UInt8(ascii: "\n"): inCode = false
            case UInt8(ascii: "\\"): index += 1
            case UInt8(ascii: "[") where !inCode:
                if let (label, _) = label(in: bytes, openingAt: index) { labels.insert(label) }
            default: break
            }
            index += 1
        }
        return labels
    }

    /// `description` without the definitions whose label it never uses, and with the page's it uses but lacks.
    ///
    /// A table row's description has no definitions of its own: cell text shaped like one is escaped, as it
    /// was text in the table (`PageScan.escapingBlockStarts`).
    func resolving(_ description: String) -> String {
        guard !definitions.isEmpty, description.contains("[") else { return description }
        let descriptionLines = description.split(separator: "\n", omittingEmptySubsequences: false)
        let kinds = Self.lineKinds(descriptionLines)
        var used: Set<String> = []
        for (line, kind) in zip(descriptionLines, kinds) where kind == .text { used.formUnion(Self.bracketedLabels(in: line)) }
        var kept: [Substring] = []
        var defined: Set<String> = []
        for (line, kind) in zip(descriptionLines, kinds) {
            if case .definition(let label) = kind {
                if !used.contains(label) { continue }
                defined.insert(label)
            }
            kept.append(line)
        }
        let needed = used.subtracting(defined).compactMap { definitions[$0] }.sorted { $0.place < $1.place }.map(\.line)
        // The description came tidied: only a change to it needs tidying again (a definition taken out leaves
        // the blank lines on either side of it).
        if kept.count == descriptionLines.count, needed.isEmpty { return description }
        let text = kept.joined(separator: "\n")
        return PageScan.tidy(needed.isEmpty ? text : text + "\n\n" + needed.joined(separator: "\n"))
    }
}
