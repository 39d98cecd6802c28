import EnvrefCore
import Foundation

/// Reads PO files, collecting every problem as a diagnostic (`file:line:col: error: message`).
public enum POParser {
    /// Parses PO text; the file is `nil` when any diagnostic is an error.
    public static func parse(_ text: String, path: String) -> (file: POFile?, diagnostics: [Diagnostic]) {
        var parser = Parser(path: path)
        parser.parse(text)
        let diagnostics = parser.diagnostics.sorted()
        return (diagnostics.containsErrors ? nil : parser.file, diagnostics)
    }

    /// Reads a PO file from disk; it must be UTF-8.
    public static func parse(fileAt url: URL, displayPath: String) -> (file: POFile?, diagnostics: [Diagnostic]) {
        let start = SourceLocation(path: displayPath, line: 1, column: 1)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return (nil, [.error("cannot read the PO file: no such file", at: start)])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return (nil, [.error("the PO file is not valid UTF-8; envref reads and writes PO files in UTF-8", at: start)])
        }
        return parse(text, path: displayPath)
    }

    private struct Parser {
        let path: String
        var diagnostics: [Diagnostic] = []
        var file = POFile()
        var sawHeader = false

        /// The entry being read, and which string a continuation line extends.
        var entry: POEntry?
        var entryHasContent = false
        var target: Target?
        var seenKeywords: Set<String> = []

        /// A comment that followed a string on its line, which gettext reads as if it had a line of its own.
        var trailingComment: Substring?
        /// A keyword whose string has not come yet: gettext lets it start on the next line.
        var awaitingString: (name: String, line: Int, column: Int)?
        /// The string being read, as bytes, until its last continuation line: gettext joins a string's lines
        /// before it decodes them, so `"\303"` and `"\251"` on two lines make `é`.
        var openString: OpenString?

        struct OpenString {
            var target: Target
            var bytes: [UInt8] = []
            /// Where each quoted line's bytes begin, and where that line's string starts in the file, so a
            /// problem found in the joined bytes points at the line it comes from.
            var lineStarts: [(offset: Int, line: Int, column: Int)] = []
            /// Whether one of its lines was refused, which is the error to report: the bytes left need not be UTF-8.
            var isDamaged = false

            mutating func add(_ lineBytes: [UInt8], line: Int, column: Int) {
                lineStarts.append((bytes.count, line, column))
                bytes += lineBytes
            }
        }

        enum Target {
            case context, id, plural, translation, previousContext, previousID, ignored

            /// Whether the string is read on `#|` lines, the only lines that may go on with it.
            var isOnPreviousLines: Bool { self == .previousContext || self == .previousID || self == .ignored }
        }

        init(path: String) { self.path = path }

        mutating func parse(_ text: String) {
            // A lone CR ends a line too, as in the page reader: kept inside a line, it would reach a comment
            // or a header that the exporter then writes back as a line break, changing the file.
            let lines = text.lineSlices()
            for (index, rawLine) in lines.enumerated() {
                var line = Substring(rawLine)
                if index == 0, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
                read(line, number: index + 1)
                if let comment = trailingComment {
                    // So a comment ends the message's strings: a continuation line or a msgstr after it is an error.
                    trailingComment = nil
                    read(comment, number: index + 1)
                }
            }
            if let keyword = awaitingString {
                error("'\(keyword.name)' needs a quoted string", keyword.line, keyword.column)
            }
            finishEntry(atLine: lines.count)
        }

        /// White space between tokens as gettext reads it: a space, a tab, a form feed or a vertical tab.
        private static func isLayoutSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == " " || scalar == "\t" || scalar == "\u{0C}" || scalar == "\u{0B}"
        }

        /// What follows the `#|` that starts `line`, without the spaces and tabs after it, and how many scalars went.
        private static func afterPreviousMarker(_ line: Substring) -> (rest: Substring, skipped: Int) {
            let afterMarker = line.unicodeScalars.dropFirst(2)
            let rest = afterMarker.drop(while: isLayoutSpace)
            return (Substring(rest), 2 + afterMarker.count - rest.count)
        }

        /// Whether `line` starts with `prefix`, compared by Unicode scalars as gettext compares bytes: a combining
        /// mark after `#` or `"` makes one `Character` of both, which `hasPrefix` would not match.
        private static func starts(_ line: Substring, with prefix: String) -> Bool {
            line.unicodeScalars.starts(with: prefix.unicodeScalars)
        }

        private mutating func read(_ line: Substring, number: Int) {
            // By Character, so a combining mark after a space keeps the space, as the column count expects.
            let trimmed = line.drop { $0.unicodeScalars.count == 1 && Self.isLayoutSpace($0.unicodeScalars.first!) }
            let column = line.count - trimmed.count + 1
            // A blank line is white space between tokens to gettext, not the end of a message: a message ends
            // where the next one's comments or keywords begin.
            if trimmed.isEmpty { return }
            let isString = Self.starts(trimmed, with: "\"")
            // A previous msgid's string may follow on its own `#|` line too.
            let afterPreviousMarker = Self.starts(trimmed, with: "#|") ? Self.afterPreviousMarker(trimmed) : nil
            let isPreviousString = afterPreviousMarker.map { Self.starts($0.rest, with: "\"") } ?? false
            if let keyword = awaitingString, !isString, !isPreviousString {
                error("'\(keyword.name)' needs a quoted string", keyword.line, keyword.column)
            }
            // Any other line ends the string being read.
            if !isString, !isPreviousString { closeString() }
            awaitingString = nil
            if Self.starts(trimmed, with: "#~") {
                // Obsolete entries are kept by gettext for reuse; envref ignores them.
                if entryHasContent { finishEntry(atLine: number) }
                startEntryIfNeeded(number)
                entry?.isObsolete = true
                target = .ignored
                return
            }
            if entry?.isObsolete == true { finishEntry(atLine: number) }
            if let (rest, skipped) = afterPreviousMarker {
                if entryHasContent { finishEntry(atLine: number) }
                startEntryIfNeeded(number)
                readKeywordLine(rest, number: number, column: column + skipped, previous: true)
                return
            }
            if Self.starts(trimmed, with: "#") {
                if entryHasContent { finishEntry(atLine: number) }
                startEntryIfNeeded(number)
                readComment(trimmed, number: number)
                // A comment ends a previous string too: gettext refuses a `#|` line that would go on with it.
                if target?.isOnPreviousLines == true { target = nil }
                return
            }
            if isString {
                // A previous msgid goes on only on `#|` lines, as gettext reads them.
                continueString(trimmed, of: target?.isOnPreviousLines == false ? target : nil, number: number, column: column)
                return
            }
            readKeywordLine(trimmed, number: number, column: column, previous: false)
        }

        /// A string line that goes on with `target`'s string; refused when there is none it may go on with.
        private mutating func continueString(_ text: Substring, of target: Target?, number: Int, column: Int) {
            guard let target else {
                error("a string continuation line must follow msgctxt, msgid or msgstr", number, column)
                return
            }
            guard let bytes = unquote(text, line: number, column: column) else {
                openString?.isDamaged = true
                return
            }
            append(bytes, to: target, line: number, column: column)
        }

        private mutating func readComment(_ line: Substring, number: Int) {
            let scalars = line.unicodeScalars
            let body = String(Substring(scalars.dropFirst(2).drop { $0 == " " }))
            switch scalars.dropFirst().first {
            case ".": entry?.extractedComments.append(body)
            case ":": entry?.references.append(body)
            case ",":
                // As gettext reads flags: separated by commas or white space.
                entry?.flags += body.unicodeScalars.split { $0 == "," || $0 == " " || $0 == "\t" }.map { String(Substring($0)) }
            default: entry?.translatorComments.append(String(Substring(scalars.dropFirst().drop { $0 == " " })))
            }
        }

        private mutating func readKeywordLine(_ line: Substring, number: Int, column: Int, previous: Bool) {
            let keywordScalars = line.unicodeScalars.prefix { !$0.properties.isWhitespace && $0 != "\"" }
            let keyword = String(Substring(keywordScalars))
            let rest = Substring(line.unicodeScalars[keywordScalars.endIndex...].drop(while: Self.isLayoutSpace))
            let stringColumn = column + (line.count - rest.count)
            // The keyword stops at a quote, so an empty one means the line is a string on its own.
            if previous, keyword.isEmpty {
                continueString(rest, of: target, number: number, column: stringColumn)
                return
            }
            let newTarget: Target
            switch (keyword, previous) {
            case ("msgctxt", false): newTarget = .context
            case ("msgid", false): newTarget = .id
            case ("msgid_plural", false): newTarget = .plural
            case ("msgstr", false): newTarget = .translation
            case ("msgctxt", true): newTarget = .previousContext
            case ("msgid", true): newTarget = .previousID
            case ("msgid_plural", true): newTarget = .ignored
            default:
                if keyword.hasPrefix("msgstr[") {
                    newTarget = .translation
                } else {
                    let expected = "msgctxt, msgid, msgid_plural or msgstr"
                    let hint = DidYouMean.suggestion(for: keyword, among: ["msgctxt", "msgid", "msgid_plural", "msgstr"])
                        .map { "did you mean '\($0)'? " } ?? ""
                    error("unknown keyword '\(keyword)'; \(hint)expected \(expected)", number, column)
                    return
                }
            }
            if !previous {
                // A keyword that starts a new message closes the previous one.
                if (keyword == "msgctxt" || keyword == "msgid"),
                    seenKeywords.contains("msgstr") || seenKeywords.contains("msgid") || seenKeywords.contains(keyword) {
                    finishEntry(atLine: number)
                }
                startEntryIfNeeded(number)
                let key = keyword.hasPrefix("msgstr") ? "msgstr" : keyword
                if seenKeywords.contains(key), !keyword.hasPrefix("msgstr[") {
                    error("'\(keyword)' appears twice in one entry", number, column)
                }
                seenKeywords.insert(key)
                if keyword == "msgctxt" || (keyword == "msgid" && entry?.context == nil) {
                    // Diagnostics about an entry point at its msgctxt (or msgid), not its comments.
                    entry?.location = SourceLocation(path: path, line: number, column: column)
                }
                if keyword == "msgid_plural" {
                    error("plural messages (msgid_plural) are not supported; envref descriptions have no plural forms", number, column)
                }
                if keyword == "msgstr", !seenKeywords.contains("msgid") {
                    error("msgstr without a msgid", number, column)
                }
                entryHasContent = true
            } else {
                startEntryIfNeeded(number)
            }
            target = newTarget
            guard !rest.isEmpty else {
                openString = OpenString(target: newTarget)
                awaitingString = (keyword, number, column + keyword.count)
                return
            }
            openString = OpenString(target: newTarget)
            guard let bytes = unquote(rest, line: number, column: stringColumn) else {
                // The refused first line is the string's one error, as a refused continuation line is.
                openString?.isDamaged = true
                return
            }
            openString?.add(bytes, line: number, column: stringColumn)
        }

        private mutating func startEntryIfNeeded(_ number: Int) {
            if entry == nil {
                entry = POEntry(context: nil, id: "", translation: "")
                entry?.location = SourceLocation(path: path, line: number, column: 1)
            }
        }

        private mutating func set(_ value: String, for target: Target) {
            switch target {
            case .context: entry?.context = value
            case .id: entry?.id = value
            case .plural: entry?.pluralID = value
            case .translation: entry?.translation = value
            case .previousContext: entry?.previousContext = value
            case .previousID: entry?.previousID = value
            case .ignored: break
            }
        }

        /// Adds a continuation line's bytes to the string it continues.
        private mutating func append(_ bytes: [UInt8], to target: Target, line: Int, column: Int) {
            if openString?.target != target {
                // Only after an error, which refuses the file: what is left of the string is still checked.
                closeString()
                openString = OpenString(target: target)
            }
            openString?.add(bytes, line: line, column: column)
        }

        /// Decodes the string just read, whole, and stores it in the entry.
        private mutating func closeString() {
            guard let string = openString else { return }
            openString = nil
            guard let value = String(validating: string.bytes, as: UTF8.self) else {
                if string.isDamaged { return }
                // Pointed at the line where the first byte sequence that is not UTF-8 starts.
                let offset = Self.firstInvalidUTF8Offset(in: string.bytes)
                let start = string.lineStarts.last { $0.offset <= offset } ?? string.lineStarts[0]
                error("the string's octal or hex escapes do not make UTF-8 text", start.line, start.column)
                return
            }
            set(value, for: string.target)
        }

        /// Where the first byte sequence that is not UTF-8 starts; the length of `bytes` when there is none.
        private static func firstInvalidUTF8Offset(in bytes: [UInt8]) -> Int {
            var parser = Unicode.UTF8.ForwardParser()
            var iterator = bytes.makeIterator()
            var offset = 0
            while true {
                switch parser.parseScalar(from: &iterator) {
                case .valid(let scalar): offset += scalar.count
                case .error, .emptyInput: return offset
                }
            }
        }

        private mutating func finishEntry(atLine number: Int) {
            closeString()
            defer {
                entry = nil
                entryHasContent = false
                target = nil
                seenKeywords = []
            }
            guard let finished = entry else { return }
            if finished.isObsolete { return }
            guard entryHasContent else {
                // Comments alone, such as the file's opening comment block.
                if !sawHeader, file.entries.isEmpty { file.headerComments += finished.translatorComments }
                return
            }
            let line = finished.location?.line ?? number
            if !seenKeywords.contains("msgstr") {
                error("entry has no msgstr", line, 1)
                return
            }
            if finished.context == nil, finished.id.isEmpty {
                readHeader(finished, line: line)
                return
            }
            file.entries.append(finished)
        }

        private mutating func readHeader(_ header: POEntry, line: Int) {
            if sawHeader {
                error("a second header entry (empty msgid)", line, 1)
                return
            }
            sawHeader = true
            if file.headerComments.isEmpty { file.headerComments = header.translatorComments }
            // Any line break ends a field: a CR left at the end of a value would merge with the "\n" the
            // exporter writes after it into one "\r\n" character, and the value would change on reading back.
            for field in header.translation.split(whereSeparator: \.isNewline) {
                // The colon is found by scalar, as gettext finds it: with a combining mark after it, it is no
                // `Character` of its own, and the field (a charset, say) would go unread.
                let scalars = field.unicodeScalars
                guard let colon = scalars.firstIndex(of: ":") else { continue }
                let name = Substring(scalars[..<colon]).trimmingCharacters(in: .whitespaces)
                let value = Substring(scalars[scalars.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
                file.headerFields.append((name, value))
            }
            if let contentType = file.header("Content-Type"), let declared = Self.charset(in: contentType) {
                let charset = declared.lowercased()
                if charset != "utf-8", charset != "utf8", charset != "charset" {
                    error("the header declares charset '\(charset)'; envref reads PO files in UTF-8 only", line, 1)
                }
            }
        }

        /// The charset a Content-Type value declares: what follows the first `charset=`, up to white space or
        /// the `;` before another parameter. The name is found by scalar, as gettext reads bytes, so a combining
        /// mark after the `=` cannot hide it; unlike gettext, it is found in any ASCII case.
        private static func charset(in contentType: String) -> String? {
            let scalars = Array(contentType.unicodeScalars)
            let needle = Array("charset=".unicodeScalars)
            func asciiLowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
                ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar
            }
            guard scalars.count >= needle.count else { return nil }
            for start in 0...(scalars.count - needle.count)
            where zip(scalars[start...], needle).allSatisfy({ asciiLowercased($0) == $1 }) {
                var value = String.UnicodeScalarView()
                value.append(contentsOf: scalars[(start + needle.count)...].prefix { $0 != ";" && !$0.properties.isWhitespace })
                return String(value)
            }
            return nil
        }

        /// The bytes of a quoted string with C escapes, as gettext reads them, or `nil` after reporting why it is
        /// malformed.
        ///
        /// Octal and hex escapes are bytes, as in gettext: `\303\251` is `é` in a UTF-8 file. So the value is
        /// gathered as bytes, and the whole string, continuation lines and all, must be UTF-8 at the end. `\x`
        /// takes every hex digit that follows and keeps the low byte, as gettext does; gettext refuses `\'`, `\?`
        /// and other escapes, and so does envref.
        private mutating func unquote(_ text: Substring, line: Int, column: Int) -> [UInt8]? {
            guard text.unicodeScalars.first == "\"" else {
                error("expected a quoted string", line, column)
                return nil
            }
            var bytes: [UInt8] = []
            let scalars = Array(text.unicodeScalars.dropFirst())
            var index = 0
            func isHexDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isASCIIHexDigit }
            while index < scalars.count {
                let scalar = scalars[index]
                if scalar == "\"" {
                    // Strings side by side on one line are one string to gettext, as in C: `"a" "b"` is `ab`.
                    var next = index + 1
                    while next < scalars.count, Self.isLayoutSpace(scalars[next]) { next += 1 }
                    if next < scalars.count, scalars[next] == "\"" {
                        index = next + 1
                        continue
                    }
                    // After a string, gettext reads `#` as the start of a comment that runs to the end of the line.
                    if next < scalars.count, scalars[next] != "#" {
                        error("unexpected text after the closing quote", line, column + next + 1)
                        return nil
                    }
                    if next < scalars.count {
                        var comment = String.UnicodeScalarView()
                        comment.append(contentsOf: scalars[next...])
                        trailingComment = Substring(String(comment))
                    }
                    return bytes
                }
                guard scalar == "\\" else {
                    if scalar == "\0" {
                        error("a NUL character in a string, where gettext would cut the text short", line, column + index + 1)
                        return nil
                    }
                    bytes.append(contentsOf: String(scalar).utf8)
                    index += 1
                    continue
                }
                let escapeColumn = column + index + 1
                index += 1
                guard index < scalars.count else { break }
                let escaped = scalars[index]
                index += 1
                switch escaped {
                case "n": bytes.append(0x0A)
                case "t": bytes.append(0x09)
                case "r": bytes.append(0x0D)
                case "a": bytes.append(0x07)
                case "b": bytes.append(0x08)
                case "f": bytes.append(0x0C)
                case "v": bytes.append(0x0B)
                case "\\", "\"": bytes.append(UInt8(escaped.value))
                case "0"..."7":
                    var value = escaped.value - 48
                    var digits = 1
                    while digits < 3, index < scalars.count, ("0"..."7").contains(scalars[index]) {
                        value = value * 8 + scalars[index].value - 48
                        index += 1
                        digits += 1
                    }
                    bytes.append(UInt8(truncatingIfNeeded: value))
                case "x":
                    guard index < scalars.count, isHexDigit(scalars[index]) else {
                        error("invalid escape '\\x' in a string: hex digits must follow it", line, escapeColumn)
                        return nil
                    }
                    var value: UInt8 = 0
                    while index < scalars.count, isHexDigit(scalars[index]), let digit = UInt8(String(scalars[index]), radix: 16) {
                        value = value &* 16 &+ digit
                        index += 1
                    }
                    bytes.append(value)
                default:
                    error("invalid escape '\\\(escaped)' in a string", line, escapeColumn)
                    return nil
                }
                if bytes.last == 0 {
                    error("a NUL character in a string, where gettext would cut the text short", line, escapeColumn)
                    return nil
                }
            }
            error("unterminated string: a closing quote is missing", line, column)
            return nil
        }

        private mutating func error(_ message: String, _ line: Int, _ column: Int) {
            diagnostics.append(.error(message, at: SourceLocation(path: path, line: line, column: column)))
        }
    }
}
