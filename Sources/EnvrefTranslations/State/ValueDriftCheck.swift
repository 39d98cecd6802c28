import EnvrefCore
import EnvrefRegistry

/// A value, variable or default named in a translation's code that the registry and the current
/// source text do not have: a sign the translation describes an older state of the software.
public struct DriftTerm: Hashable, Sendable {
    /// The term as written, such as `dryrun` or `WANDB_DESCRIPTION`.
    public var term: String
    /// What is wrong with it, for reports.
    public var explanation: String
}

/// Finds value drift in translations.
///
/// Only code (spans and blocks) is read, since that is where values and names are written:
/// - a variable-shaped name (`WANDB_FOO`, or any word with the registry's prefix) that is neither a
///   registry variable nor in the source text;
/// - `NAME=value` where NAME is an enum or bool variable and the value is not one of its current
///   values (a deprecated value counts: the source has moved on);
/// - in an enum variable's text, a one-word code span that is not one of its values, its default or
///   its example; deprecated values count here too, since the issue is exactly French text still
///   saying `dryrun` after the source switched to `offline`.
/// A term the current source text mentions anywhere is never drift.
struct ValueDriftCheck {
    let registry: Registry
    /// Each variable's index in the registry, by name: positions rather than copies of the variables, since the
    /// index is made again whenever one row of a large registry's status is worked out.
    private let indexByName: [String: Int]

    init(registry: Registry) {
        self.registry = registry
        var indexByName: [String: Int] = [:]
        indexByName.reserveCapacity(registry.variables.count)
        for (index, variable) in registry.variables.enumerated() where indexByName[variable.name] == nil {
            indexByName[variable.name] = index
        }
        self.indexByName = indexByName
    }

    private func isVariable(_ name: String) -> Bool { indexByName[name] != nil }

    /// The words of a source text, as `terms(in:sourceWords:of:)` takes them.
    static func wordSet(of source: String) -> Set<String> { Set(words(in: source)) }

    /// The drift in one translation; `sourceWords` is read only when a translation could drift at all, and the
    /// caller keeps it once for all of a source text's languages.
    func terms(in translation: String, sourceWords: @autoclosure () -> Set<String>, of variable: Variable) -> [DriftTerm] {
        // Parsing the Markdown is most of a large registry's status, and almost no translation can drift, so
        // those that cannot are cleared from their bytes first. An enum's one-word values can be any word.
        guard variable.type == .enumeration || mayNameUnknownTerm(translation, sourceWords: sourceWords) else { return [] }
        return termsReadingAllCode(in: translation, sourceWords: sourceWords(), of: variable)
    }

    /// What `terms(in:sourceWords:of:)` finds, with the code of every translation parsed and read.
    func termsReadingAllCode(in translation: String, sourceWords: Set<String>, of variable: Variable) -> [DriftTerm] {
        var found: [DriftTerm] = []
        func add(_ term: String, _ explanation: String) {
            guard !sourceWords.contains(term), !found.contains(where: { $0.term == term }) else { return }
            found.append(DriftTerm(term: term, explanation: explanation))
        }
        for code in CodeSpans.code(in: translation) {
            for (name, value) in Self.assignments(in: code) {
                if let target = indexByName[name].map({ registry.variables[$0] }) {
                    if let problem = problem(with: value, for: target) { add(value, problem) }
                } else if Self.isVariableShaped(name, prefix: registry.prefix) {
                    add(name, "`\(name)` is not a variable in the registry")
                }
            }
            for word in Self.words(in: code) where Self.isVariableShaped(word, prefix: registry.prefix) && !isVariable(word) {
                add(word, "`\(word)` is not a variable in the registry")
            }
            let token = code.trimmingWhitespace()
            if variable.type == .enumeration, Self.isValueShaped(token), !token.contains("=") {
                let known = Set(variable.values + [variable.example].compactMap { $0 } + [variable.defaultValue?.environmentText()].compactMap { $0 })
                if !known.contains(token), !isVariable(token), let problem = problem(with: token, for: variable) {
                    add(token, problem)
                }
            }
        }
        return found
    }

    /// What is wrong with `value` for `variable`, or `nil` when it is a current value (or cannot be judged).
    private func problem(with value: String, for variable: Variable) -> String? {
        switch variable.type {
        case .enumeration:
            if variable.values.contains(value) { return nil }
            if let deprecated = variable.deprecatedValues.first(where: { $0.value == value }) {
                return "`\(value)` is a deprecated value of \(variable.name); the source now uses `\(deprecated.replacement)`"
            }
            return "`\(value)` is not a value of \(variable.name) (\(variable.values.joined(separator: ", ")))"
        case .bool:
            return BooleanText.parse(value) == nil ? "`\(value)` is not a boolean value of \(variable.name)" : nil
        default:
            return nil
        }
    }

    /// `NAME=value` pairs, quotes around the value removed.
    static func assignments(in code: String) -> [(String, String)] {
        var pairs: [(String, String)] = []
        for token in code.split(whereSeparator: { $0.isWhitespace || $0 == ";" }) {
            guard let equals = token.firstIndex(of: "=") else { continue }
            let name = token[..<equals].drop { $0 == "$" || $0 == "(" }
            var value = token[token.index(after: equals)...]
            while let first = value.first, "\"'`".contains(first) { value = value.dropFirst() }
            while let last = value.last, "\"'`),".contains(last) { value = value.dropLast() }
            guard RegistrySchema.isValidName(String(name)), !value.isEmpty else { continue }
            pairs.append((String(name), String(value)))
        }
        return pairs
    }

    /// Whether a text outside an enum's own description could hold drift: an `=` that may start `NAME=value`,
    /// or a variable-shaped word that is neither a registry variable nor a word of the source text.
    ///
    /// Never wrong the other way. Every term reported is ASCII (`A-Z`, digits, `_`). Code is the text's own
    /// characters, except that cmark-gfm turns line breaks and tabs into spaces, NUL into U+FFFD and a table
    /// cell's `\|` into `|`, and drops indentation and `>` after a line break: none of those is a word
    /// character or joins one. So each word `words(in:)` finds in code is an ASCII run of the text, trimmed of
    /// `.` and `-`, and where the run touches a non-ASCII byte, perhaps short of the one end character that a
    /// combining mark or a prepended sign joins to its neighbour, which this tries both with and without.
    /// `sourceWords` may be called once per candidate word, so the caller caches what it returns.
    func mayNameUnknownTerm(_ text: String, sourceWords: () -> Set<String>) -> Bool {
        let decided = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            if bytes.contains(UInt8(ascii: "=")) { return true }
            var mayDrift = false
            Self.forEachASCIIWordRun(in: bytes) { run in
                let joinsBefore = run.lowerBound > 0 && bytes[run.lowerBound - 1] >= 0x80 ? 1 : 0
                let joinsAfter = run.upperBound < bytes.count && bytes[run.upperBound] >= 0x80 ? 1 : 0
                for dropped in 0...joinsBefore {
                    // A one-byte run between two joining characters has nothing left once both ends go.
                    for cut in 0...joinsAfter where run.lowerBound + dropped <= run.upperBound - cut {
                        let word = UnsafeBufferPointer(rebasing: bytes[Self.trimmed(run.lowerBound + dropped..<run.upperBound - cut, in: bytes)])
                        // Most words are not name-shaped, and are turned away before a string is made of them.
                        guard RegistrySchema.isValidName(utf8: word) else { continue }
                        let name = String(decoding: word, as: UTF8.self)
                        if Self.isVariableShaped(name, prefix: registry.prefix), !isVariable(name), !sourceWords().contains(name) {
                            mayDrift = true
                            return false
                        }
                    }
                }
                return true
            }
            return mayDrift
        }
        return decided ?? true
    }

    /// Words made of letters, digits, `_`, `.` and `-`: how names and values are written.
    static func words(in text: String) -> [String] {
        asciiWords(in: text) ?? characterWords(in: text)
    }

    /// `words(in:)` for any text, one `Character` at a time.
    static func characterWords(in text: String) -> [String] {
        let pieces = text.split { (character: Character) -> Bool in !isWordCharacter(character) }
        return pieces.map { String($0.trimmingCharacters(in: ".-")) }.filter { !$0.isEmpty }
    }

    /// `words(in:)` for an all-ASCII text, byte by byte: every character of it is one byte, so the words are the same.
    private static func asciiWords(in text: String) -> [String]? {
        text.utf8.withContiguousStorageIfAvailable { bytes -> [String]? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            var words: [String] = []
            forEachASCIIWordRun(in: bytes) { run in
                let word = trimmed(run, in: bytes)
                if !word.isEmpty { words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[word]), as: UTF8.self)) }
                return true
            }
            return words
        } ?? nil
    }

    /// Calls `body` with each maximal run of ASCII word bytes, in order, until it returns `false`.
    private static func forEachASCIIWordRun(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Bool) {
        var end = 0
        while end < bytes.count {
            guard isASCIIWordByte(bytes[end]) else {
                end += 1
                continue
            }
            let start = end
            while end < bytes.count, isASCIIWordByte(bytes[end]) { end += 1 }
            guard body(start..<end) else { return }
        }
    }

    /// `range` without the `.` and `-` at its ends, as `words(in:)` trims its pieces.
    private static func trimmed(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        func isTrimmed(_ byte: UInt8) -> Bool { byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") }
        var start = range.lowerBound
        var end = range.upperBound
        while start < end, isTrimmed(bytes[start]) { start += 1 }
        while start < end, isTrimmed(bytes[end - 1]) { end -= 1 }
        return start..<end
    }

    /// An ASCII letter, digit, `_`, `.` or `-`: the ASCII characters `isWordCharacter` accepts.
    private static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "-"):
            true
        default:
            false
        }
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_" || character == "-" || character == "."
    }

    /// `WANDB_FOO`-like: upper case with an inner underscore, or starting with the registry's prefix.
    static func isVariableShaped(_ word: String, prefix: String?) -> Bool {
        guard EntryName.isLikelyName(word) else { return false }
        if let prefix, word.hasPrefix(prefix), word.count > prefix.count { return true }
        return word.dropFirst().dropLast().contains("_") && word.contains { $0.isLetter }
    }

    /// A single short word such as `offline` or `dry-run`, the shape of an enum value.
    static func isValueShaped(_ token: String) -> Bool {
        !token.isEmpty && token.count <= 32 && token.allSatisfy(isWordCharacter)
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> Substring {
        var slice = self
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return slice
    }
}
