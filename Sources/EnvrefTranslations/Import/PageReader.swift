import EnvrefMarkdown
import EnvrefCore
import EnvrefRegistry
import Foundation

/// Reads the variables a hand-written Markdown page documents.
///
/// An entry is a heading whose text is a variable name, or a row of a variable table (a table whose
/// first column holds names). Names only in prose or code blocks are not entries. Rows that
/// cmark-gfm drops are recovered with a warning, so no entry is lost silently.
public enum PageReader {
    /// Reads a page file; `language` (from `--lang`) wins over front matter and the file name.
    public static func read(fileAt url: URL, displayPath: String? = nil, language: LanguageCode? = nil) -> ImportedPage {
        let path = displayPath ?? url.relativePath
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return ImportedPage(path: path, language: language, languageSource: language == nil ? nil : .option, entries: [],
                                diagnostics: [.error("cannot read the page: no such file", at: SourceLocation(path: path, line: 1, column: 1))])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return ImportedPage(path: path, language: language, languageSource: language == nil ? nil : .option, entries: [],
                                diagnostics: [.error("the page is not valid UTF-8; save it as UTF-8", at: SourceLocation(path: path, line: 1, column: 1))])
        }
        return read(text: text, path: path, language: language)
    }

    /// Reads a page already in memory.
    public static func read(text: String, path: String, language: LanguageCode? = nil) -> ImportedPage {
        var scan = PageScan(text: text, path: path)
        scan.run()
        var page = ImportedPage(path: path, language: nil, languageSource: nil, entries: scan.entries, diagnostics: scan.diagnostics)
        if let language {
            page.language = language
            page.languageSource = .option
        } else if let declared = scan.frontMatter.language {
            if let code = PageLanguage.normalised(declared) {
                page.language = code
                page.languageSource = .frontMatter
            } else {
                page.diagnostics.append(.warning(
                    "the front matter's language '\(declared)' is not a language code",
                    at: SourceLocation(path: path, line: scan.frontMatter.languageLine ?? 1, column: 1)))
            }
        }
        if page.language == nil, let code = PageLanguage.fromFileName(path) {
            page.language = code
            page.languageSource = .fileName
        }
        page.diagnostics.sort()
        return page
    }
}

/// The work of reading one page.
struct PageScan {
    let path: String
    /// The page's lines, line endings normalised, front matter blanked, shortcodes resolved.
    private(set) var lines: [String]
    let frontMatter: FrontMatter
    private(set) var entries: [PageEntry] = []
    private(set) var diagnostics: [Diagnostic] = []

    init(text: String, path: String) {
        self.path = path
        var raw = text.lineSlices()
        if raw.first?.hasPrefix("\u{FEFF}") == true { raw[0] = raw[0].dropFirst() }
        let metadata = FrontMatter(lines: raw, path: path)
        frontMatter = metadata
        diagnostics = metadata.diagnostics
        lines = raw.enumerated().map { index, line in
            index < metadata.lineCount ? "" : PageMarkup.rewritingShortcodes(line)
        }
    }

    /// The text of a 1-based line.
    private func line(_ number: Int) -> String {
        number >= 1 && number <= lines.count ? lines[number - 1] : ""
    }

    private func location(_ line: Int, _ column: Int = 1) -> SourceLocation {
        SourceLocation(path: path, line: line, column: column)
    }

    // MARK: - Walking the page

    mutating func run() {
        let tree = MarkdownDocument(lines.joined(separator: "\n")).root
        let blocks = tree.allNodes.dropFirst()
        var coveredLines = IndexSet()
        for block in blocks where ["table", "code_block"].contains(block.type) {
            coveredLines.insert(integersIn: block.line...max(block.line, block.endLine))
        }
        var tables: [TableReading] = []
        for block in blocks where block.type == "table" { tables.append(readTable(block)) }
        var strays: [TableReading] = []
        for group in strayRowGroups(excluding: coveredLines) { strays.append(readStrayRows(group)) }
        let headings = blocks.filter { $0.type == "heading" }

        var found: [PageEntry] = []
        var sectionEnds = Set(tables.filter { $0.isVariableTable }.map { $0.startLine })
        sectionEnds.formUnion(strays.filter { !$0.entries.isEmpty }.map { $0.startLine })
        for (index, text) in lines.enumerated() where PageMarkup.opensContainerComponent(text) {
            sectionEnds.insert(index + 1)
        }
        sectionEnds.formUnion(headings.map(\.line))
        found += headingEntries(headings, sectionEnds: sectionEnds.sorted())
        for table in tables { found += table.entries }
        for stray in strays { found += stray.entries }
        let references = LinkReferences(page: lines)
        for index in found.indices {
            found[index].description = references.resolving(found[index].description)
        }
        record(found)
    }

    /// Keeps the first entry of each name, in page order, and reports later ones.
    private mutating func record(_ found: [PageEntry]) {
        var firstLine: [String: Int] = [:]
        for entry in found.sorted(by: { $0.location < $1.location }) {
            if let line = firstLine[entry.name] {
                diagnostics.append(.warning("'\(entry.name)' is documented twice; keeping the entry at line \(line)", at: entry.location))
                continue
            }
            firstLine[entry.name] = entry.location.line
            entries.append(entry)
        }
    }

    // MARK: - Headings

    private mutating func headingEntries(_ headings: [MarkdownNode], sectionEnds: [Int]) -> [PageEntry] {
        let named = headings.compactMap { heading in EntryName.parse(heading.children).map { (heading, $0) } }
        // A bare word such as `MODE` is a name only among sibling headings that are clearly names.
        let levelsWithNames = Set(named.filter { !$0.1.isAmbiguous }.map(\.0.headingLevel))
        var result: [PageEntry] = []
        for (heading, name) in named {
            if name.isAmbiguous, !levelsWithNames.contains(heading.headingLevel) || EntryName.sectionAcronyms.contains(name.name) {
                continue
            }
            let end = sectionEnds.first { $0 > heading.endLine } ?? (lines.count + 1)
            let body = heading.endLine + 1 < end ? Array(lines[heading.endLine..<(end - 1)]) : []
            let (text, defaultValue) = Self.sectionDescription(body)
            result.append(PageEntry(name: name.name, description: text, defaultValue: defaultValue,
                                    location: location(heading.line, heading.column), form: .heading))
        }
        return result
    }

    /// A heading section's Markdown, without component tags; a leading "Default: `x`" line becomes the default.
    static func sectionDescription(_ body: [String]) -> (String, String?) {
        var kept = body.filter { !PageMarkup.isComponentTagLine($0) && !PageMarkup.isCommentLine($0) }
        var defaultValue: String?
        if let first = kept.firstIndex(where: { !$0.trimmingWhitespace().isEmpty }), let value = statedDefault(kept[first]) {
            defaultValue = value
            kept.remove(at: first)
        }
        return (tidy(kept.joined(separator: "\n")), defaultValue)
    }

    /// The value of a line that is exactly "Default: `value`".
    static func statedDefault(_ line: String) -> String? {
        let trimmed = line.trimmingWhitespace()
        let labels = ["Default", "デフォルト", "デフォルト値", "默认值", "默认", "기본값"]
        for label in labels where trimmed.hasPrefix(label) {
            var rest = trimmed.dropFirst(label.count).trimmingWhitespace()
            guard rest.hasPrefix(":") || rest.hasPrefix("：") else { continue }
            rest = rest.dropFirst().trimmingWhitespace()
            return singleCodeSpan(rest)
        }
        return nil
    }

    /// The content of text that is exactly one code span, such as `` `20` ``.
    static func singleCodeSpan(_ text: String) -> String? {
        guard text.count >= 3, text.hasPrefix("`"), text.hasSuffix("`") else { return nil }
        let inner = text.dropFirst().dropLast()
        guard !inner.contains("`") else { return nil }
        let value = String(inner).removingByteOrderMarks().trimmingWhitespace()
        return value.isEmpty ? nil : value
    }

    /// Trims blank lines at both ends and collapses runs of blank lines.
    static func tidy(_ text: String) -> String {
        var result: [Substring] = []
        for line in PageMarkup.replacingLineBreakTags(text.removingByteOrderMarks()).split(separator: "\n", omittingEmptySubsequences: false) {
            let isBlank = line.allSatisfy(\.isWhitespace)
            if isBlank, result.last.map({ $0.allSatisfy(\.isWhitespace) }) ?? true { continue }
            result.append(isBlank ? "" : line)
        }
        while let last = result.last, last.allSatisfy(\.isWhitespace) { result.removeLast() }
        return result.map { line in
            var line = line
            while line.last == " " || line.last == "\t" { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }

    /// Table text with each line that would start a block of its own outside the table escaped.
    ///
    /// Inside a cell, `# of retries`, `---`, a lone `-` and a lone ```` ``` ```` are text; in a description they
    /// would become a heading, a rule, an empty list and a code block to the end. A backslash before the
    /// first mark keeps them text in both places. Each `<br>` became a paragraph break, so no line can
    /// underline the one above it. Lists and quotes after a `<br>` are left as they are, since a cell lays
    /// them out line by line and reads as one, and so is a fence that a later line closes. A line shaped like
    /// a link reference definition (`[a]: /p`) gets its colon escaped: it was text in the cell, and outside it
    /// would vanish, while `[a]` stays a link wherever the page defines `a`, as it was in the cell.
    static func escapingBlockStarts(_ text: String) -> String {
        guard text.utf8.contains(where: { "#-*_+`~0123456789[".utf8.contains($0) }) else { return text }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var result: [Substring] = []
        result.reserveCapacity(lines.count)
        // The longest run of backticks and of tildes that closes a fence on some line after each line, found
        // in one pass from the end, so an unclosed fence does not search the rest of the text again.
        var longestCloserAfter = Array(repeating: (backticks: 0, tildes: 0), count: lines.count + 1)
        for position in stride(from: lines.count - 1, through: 0, by: -1) {
            var longest = longestCloserAfter[position + 1]
            if let run = Self.closingFence(lines[position]) {
                let count = run.unicodeScalars.count
                if run.unicodeScalars.first == "`" { longest.backticks = max(longest.backticks, count) } else { longest.tildes = max(longest.tildes, count) }
            }
            longestCloserAfter[position] = longest
        }
        var index = 0
        while index < lines.count {
            let line = lines[index]
            index += 1
            let indentation = line.unicodeScalars.prefix { $0 == " " }.count
            guard indentation <= 3 else {
                result.append(line)
                continue
            }
            let body = Substring(line.unicodeScalars.dropFirst(indentation))
            var escaped: Substring { Substring(line.unicodeScalars.prefix(indentation)) + "\\" + body }
            if let fence = Self.openingFence(body) {
                // A fence a later line closes is kept with everything up to that line, which is code.
                let longest = fence.unicodeScalars.first == "`" ? longestCloserAfter[index].backticks : longestCloserAfter[index].tildes
                guard longest >= fence.unicodeScalars.count, let close = lines[index...].firstIndex(where: { Self.closes($0, fence) }) else {
                    result.append(escaped)
                    continue
                }
                result.append(line)
                result.append(contentsOf: lines[index...close])
                index = close + 1
                continue
            }
            if let colon = LinkReferences.definition(in: line)?.colonOffset {
                let index = line.utf8.index(line.startIndex, offsetBy: colon)
                result.append(line[..<index] + "\\" + line[index...])
                continue
            }
            let marks = body.unicodeScalars.filter { $0 != " " && $0 != "\t" }
            guard let first = marks.first else {
                result.append(line)
                continue
            }
            let hashes = body.unicodeScalars.prefix { $0 == "#" }
            let afterHashes = body.unicodeScalars.dropFirst(hashes.count).first
            let isHeading = (1...6).contains(hashes.count) && (afterHashes == nil || afterHashes == " " || afterHashes == "\t")
            let isRule = "-*_".unicodeScalars.contains(first) && marks.count >= 3 && marks.allSatisfy { $0 == first }
            let isEmptyItem = Self.isLoneListMarker(String(String.UnicodeScalarView(marks)))
            if isEmptyItem, let delimiter = body.unicodeScalars.firstIndex(where: { $0 == "." || $0 == ")" }) {
                // A backslash escapes punctuation only, so an ordered marker is kept text at its `.` or `)`.
                result.append(Substring(line.unicodeScalars.prefix(indentation)) + Substring(body.unicodeScalars[..<delimiter]) + "\\"
                    + Substring(body.unicodeScalars[delimiter...]))
                continue
            }
            result.append(isHeading || isRule || isEmptyItem ? escaped : line)
        }
        return result.joined(separator: "\n")
    }

    /// The run of three or more backticks or tildes that opens a fenced code block on this line, if any.
    static func openingFence(_ body: Substring) -> Substring? {
        let marks = body.unicodeScalars.prefix { $0 == "`" || $0 == "~" }
        guard marks.count >= 3, marks.allSatisfy({ $0 == marks.first }) else { return nil }
        // A backtick fence's info string cannot hold a backtick; with one, the line is a code span.
        if marks.first == "`", body.unicodeScalars.dropFirst(marks.count).contains("`") { return nil }
        return Substring(marks)
    }

    /// The run of backticks or tildes on a line that holds nothing else but spaces, which can close a fence.
    static func closingFence(_ line: Substring) -> Substring? {
        let body = Substring(line.unicodeScalars.drop { $0 == " " })
        guard let run = openingFence(body),
            body.unicodeScalars.dropFirst(run.unicodeScalars.count).allSatisfy({ $0 == " " || $0 == "\t" })
        else { return nil }
        return run
    }

    /// Whether `line` closes the fence `fence` opened: the same mark, at least as many times.
    static func closes(_ line: Substring, _ fence: Substring) -> Bool {
        guard let run = closingFence(line) else { return false }
        return run.unicodeScalars.first == fence.unicodeScalars.first && run.unicodeScalars.count >= fence.unicodeScalars.count
    }

    /// Whether a line's marks are only a list marker, such as `-` or `1.`: an empty list item outside a table.
    private static func isLoneListMarker(_ marks: String) -> Bool {
        if marks == "-" || marks == "*" || marks == "+" { return true }
        let digits = marks.utf8.prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        return (1...9).contains(digits.count) && marks.utf8.count == digits.count + 1
            && (marks.utf8.last == UInt8(ascii: ".") || marks.utf8.last == UInt8(ascii: ")"))
    }

    // MARK: - Tables

    /// What one table yields.
    struct TableReading {
        var startLine: Int
        var isVariableTable: Bool
        var entries: [PageEntry]
    }

    private mutating func readTable(_ table: MarkdownNode) -> TableReading {
        let rowLines = table.children.map(\.line)
        guard let headerLine = rowLines.first, let header = PipeRow(line: Substring(line(headerLine)), leadingPipeOptional: true) else {
            return TableReading(startLine: table.line, isVariableTable: false, entries: [])
        }
        let rows = rowLines.dropFirst().compactMap { number in
            PipeRow(line: Substring(line(number)), leadingPipeOptional: true).map { (number, $0) }
        }
        return readRows(header: header, headerLine: headerLine, rows: rows, columnCount: max(table.tableColumnCount, 1), recovered: false)
    }

    /// Applies the variable-table rules to rows, whether cmark saw them as a table or not.
    private mutating func readRows(header: PipeRow?, headerLine: Int, rows: [(Int, PipeRow)], columnCount: Int,
                                   recovered: Bool) -> TableReading {
        let columns = TableColumns(header: header, columnCount: columnCount)
        let names = rows.map { _, row in Self.name(inCell: row.cells[0]) }
        let nameCount = names.compactMap { $0 }.count
        let filledCount = rows.filter { !$0.1.cells[0].isEmpty }.count
        let isVariableTable = nameCount > 0 && (header == nil || columns.headerNamesVariables || nameCount == filledCount)
        var entries: [PageEntry] = []
        if !isVariableTable {
            let skipped = names.compactMap { $0 }.filter { $0.contains("_") }
            if !skipped.isEmpty {
                diagnostics.append(.warning(
                    "this table's first column holds \(Self.quotedList(skipped)), but its header '\(columns.firstHeader)' does not name variables and other rows are not names; not imported",
                    at: location(headerLine)))
            }
            return TableReading(startLine: headerLine, isVariableTable: false, entries: [])
        }
        for ((lineNumber, row), name) in zip(rows, names) {
            let within = Array(row.cells.prefix(columnCount))
            if let name {
                let entry = columns.entry(name: name, cells: within, location: location(lineNumber, row.columns[0]),
                                          form: recovered ? .recoveredRow : .tableRow)
                if recovered {
                    diagnostics.append(.warning(
                        "'\(name)' is in a table row outside any table, which Markdown renderers show as plain text; imported it",
                        at: entry.location))
                }
                entries.append(entry)
            } else if !row.cells[0].isEmpty {
                let mentioned = Self.nameLikeWords(in: row.cells[0])
                if !mentioned.isEmpty {
                    diagnostics.append(.warning(
                        "the first cell '\(row.cells[0])' is not a single variable name; row not imported",
                        at: location(lineNumber, row.columns[0])))
                }
            }
            if row.cells.count > columnCount {
                entries += recoverExtraCells(row, line: lineNumber, columns: columns, columnCount: columnCount)
            }
        }
        return TableReading(startLine: headerLine, isVariableTable: true, entries: entries)
    }

    /// Cells past the table's column count: renderers drop them, so a name there is recovered as its own entry.
    private mutating func recoverExtraCells(_ row: PipeRow, line lineNumber: Int, columns: TableColumns, columnCount: Int) -> [PageEntry] {
        var entries: [PageEntry] = []
        var lost: [String] = []
        var index = columnCount
        while index < row.cells.count {
            let chunk = Array(row.cells[index..<min(index + columnCount, row.cells.count)])
            if let name = Self.name(inCell: chunk[0]) {
                let entry = columns.entry(name: name, cells: chunk, location: location(lineNumber, row.columns[index]), form: .recoveredRow)
                diagnostics.append(.warning(
                    "this row has \(row.cells.count) cells but its table has \(columnCount) columns, so Markdown renderers drop '\(name)'; imported it from the extra cells",
                    at: entry.location))
                entries.append(entry)
            } else {
                lost += chunk.filter { !$0.isEmpty }
            }
            index += columnCount
        }
        if !lost.isEmpty {
            diagnostics.append(.warning(
                "this row has \(row.cells.count) cells but its table has \(columnCount) columns; Markdown renderers drop \(Self.quotedList(lost.map { Self.abbreviated($0) })), which \(lost.count == 1 ? "was" : "were") not imported",
                at: location(lineNumber, row.columns[columnCount])))
        }
        return entries
    }

    // MARK: - Rows outside tables

    /// Runs of consecutive pipe rows that no table or code block covers.
    private func strayRowGroups(excluding covered: IndexSet) -> [[(Int, PipeRow)]] {
        var groups: [[(Int, PipeRow)]] = []
        var current: [(Int, PipeRow)] = []
        for number in 1...max(lines.count, 1) {
            if !covered.contains(number), let row = PipeRow(line: Substring(line(number))), row.cells.count >= 2 {
                current.append((number, row))
            } else if !current.isEmpty {
                groups.append(current)
                current = []
            }
        }
        if !current.isEmpty { groups.append(current) }
        return groups
    }

    private mutating func readStrayRows(_ group: [(Int, PipeRow)]) -> TableReading {
        if group.count >= 2, group[1].1.isDelimiterRow {
            return readRows(header: group[0].1, headerLine: group[0].0, rows: Array(group.dropFirst(2)),
                            columnCount: group[1].1.cells.count, recovered: true)
        }
        let rows = group.filter { !$0.1.isDelimiterRow }
        let width = rows.map(\.1.cells.count).max() ?? 2
        return readRows(header: nil, headerLine: group[0].0, rows: rows, columnCount: width, recovered: true)
    }

    // MARK: - Helpers

    /// The variable name a table cell holds, if the cell is a name (with an optional tag).
    static func name(inCell cell: String) -> String? {
        guard !cell.isEmpty, cell.contains(where: { $0.isUppercase }) else { return nil }
        return EntryName.parse(MarkdownDocument(cell).root.children.first { $0.type == "paragraph" }?.children ?? [])?.name
    }

    /// Upper-case words with underscores, the shape of a variable name.
    static func nameLikeWords(in text: String) -> [String] {
        let unescaped = text.mayContain("\\_") ? text.replacingOccurrences(of: "\\_", with: "_") : text
        return unescaped.split { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_")) }.map(String.init)
            .filter { $0.contains("_") && EntryName.isLikelyName($0) }
    }

    static func quotedList(_ items: [String]) -> String {
        items.map { "'\($0)'" }.joined(separator: ", ")
    }

    static func abbreviated(_ text: String) -> String {
        text.count <= 40 ? text : String(text.prefix(37)) + "..."
    }
}

/// What the header of a variable table says about its columns.
struct TableColumns {
    /// The header cells' text, without formatting.
    let headers: [String]
    /// Which column is the description, which the default.
    let descriptionColumn: Int?
    let defaultColumn: Int?

    init(header: PipeRow?, columnCount: Int) {
        headers = (0..<columnCount).map { index in
            guard let header, index < header.cells.count else { return "" }
            return header.cells[index].filter { !"*_`".contains($0) }.trimmingWhitespace()
        }
        let lowered = headers.map { $0.lowercased() }
        defaultColumn = lowered.indices.dropFirst().first { index in Self.defaultWords.contains { lowered[index].contains($0) } }
        descriptionColumn = lowered.indices.dropFirst().first { index in Self.descriptionWords.contains { lowered[index].contains($0) } }
    }

    var firstHeader: String { headers.first ?? "" }

    /// Whether the first header cell says the column holds variables.
    var headerNamesVariables: Bool {
        let first = firstHeader.lowercased()
        return Self.variableWords.contains { first.contains($0) }
    }

    static let variableWords = ["variab", "env", "name", "nom", "переменн", "変数", "变量", "變數", "변수", "이름", "名"]
    static let descriptionWords = [
        "description", "desc", "usage", "meaning", "purpose", "what it", "effect", "details", "notes", "utilisation",
        "uso", "descripción", "descripcion", "descrição", "beschreibung", "bedeutung", "verwendung", "signification",
        "significado", "control", "описание", "назначение", "説明", "使用法", "用途", "内容", "说明", "說明", "描述", "作用", "설명",
        "용도",
    ]
    static let defaultWords = [
        "default", "défaut", "defaut", "predeterminado", "por defecto", "padrão", "padrao", "standard", "по умолчанию",
        "デフォルト", "既定", "默认", "預設", "기본",
    ]

    /// The entry a row describes: the description column first, other columns as labelled paragraphs.
    func entry(name: String, cells: [String], location: SourceLocation, form: PageEntry.Form) -> PageEntry {
        var defaultValue: String?
        var parts: [String] = []
        let others = cells.indices.dropFirst()
        let main = descriptionColumn ?? others.first { $0 != defaultColumn } ?? others.first
        if let main, main < cells.count, !cells[main].isEmpty {
            parts.append(Self.markdown(cells[main]))
        }
        for index in others where index != main && !cells[index].isEmpty {
            if index == defaultColumn, let value = PageScan.singleCodeSpan(cells[index]) {
                defaultValue = value
                continue
            }
            let label = index < headers.count && !headers[index].isEmpty ? "\(headers[index]): " : ""
            parts.append(label + Self.markdown(cells[index]))
        }
        let description = PageScan.escapingBlockStarts(PageScan.tidy(parts.joined(separator: "\n\n")))
        return PageEntry(name: name, description: description, defaultValue: defaultValue,
                         location: location, form: form)
    }

    private static func markdown(_ cell: String) -> String {
        PipeRow.unescapedCell(cell).trimmingWhitespace()
    }
}
