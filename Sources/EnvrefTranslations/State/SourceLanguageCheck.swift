import EnvrefRegistry

/// A deliberately conservative check for translations that were left in the source language.
///
/// Two signals only, both strong:
/// - a language written in its own script (Japanese, Korean, Chinese, Russian, Greek, Arabic,
///   Hebrew, Thai, Hindi, ...) whose text has at least 12 letters of prose and not one letter of
///   that script;
/// - with an English source, a text in a Latin-script language where English function words
///   (`the`, `and`, `with`, `your`, ...) make up at least a quarter of at least 5 words, 3 of them or more.
///
/// Code spans, links' targets, URLs and variable names are ignored first, since they stay in
/// English in every language.
public enum SourceLanguageCheck {
    /// Why the text looks untranslated, or `nil` when it may well be translated.
    public static func leftUntranslated(_ text: String, language: LanguageCode, sourceLanguage: LanguageCode) -> String? {
        let primary = language.rawValue.split(separator: "-").first.map(String.init) ?? language.rawValue
        if let script = scripts[primary] {
            var letterCount = 0
            var hasScriptLetter = false
            // Stops at the first letter of the script: a real translation has one in its first words, so
            // most texts are decided after a few characters.
            forEachProseWord(in: text) { word in
                for scalar in word.unicodeScalars where isLetter(scalar) {
                    letterCount += 1
                    if script.contains(scalar) {
                        hasScriptLetter = true
                        return false
                    }
                }
                return true
            }
            guard letterCount >= 12, !hasScriptLetter else { return nil }
            return "contains no \(script.name) text"
        }
        let sourcePrimary = sourceLanguage.rawValue.split(separator: "-").first.map(String.init)
        guard sourcePrimary == "en", primary != "en" else { return nil }
        var wordCount = 0
        var english: [String] = []
        forEachProseWord(in: text) { word in
            wordCount += 1
            // The function words are short and ASCII, and no other letter lower-cases into one, so longer
            // or non-ASCII words are not lower-cased just to miss.
            guard word.utf8.count <= longestFunctionWord, word.utf8.allSatisfy({ $0 < 0x80 }) else { return true }
            let lowered = word.lowercased()
            if englishFunctionWords.contains(lowered) { english.append(lowered) }
            return true
        }
        guard wordCount >= 5, english.count >= 3, english.count * 4 >= wordCount else { return nil }
        return "reads as English (\(Set(english).sorted().prefix(4).joined(separator: ", ")), ...)"
    }

    /// Function words that are English and not words of the other common Latin-script languages.
    static let englishFunctionWords: Set<String> = [
        "the", "and", "this", "that", "with", "your", "you", "will", "when", "which", "from", "of", "to", "it", "if", "be", "are",
    ]

    private static let longestFunctionWord = englishFunctionWords.map(\.utf8.count).max() ?? 0

    /// A script: a name for messages and the Unicode ranges its letters fall in.
    struct Script {
        var name: String
        var ranges: [ClosedRange<UInt32>]

        func contains(_ scalar: Unicode.Scalar) -> Bool {
            ranges.contains { $0.contains(scalar.value) }
        }
    }

    private static let han: ClosedRange<UInt32> = 0x4E00...0x9FFF
    private static let hanExtensionA: ClosedRange<UInt32> = 0x3400...0x4DBF
    static let scripts: [String: Script] = [
        "ja": Script(name: "Japanese", ranges: [0x3040...0x309F, 0x30A0...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F, han, hanExtensionA]),
        "zh": Script(name: "Chinese", ranges: [han, hanExtensionA, 0x20000...0x2A6DF]),
        "ko": Script(name: "Korean", ranges: [0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F]),
        "ru": Script(name: "Cyrillic", ranges: [0x0400...0x04FF]),
        "uk": Script(name: "Cyrillic", ranges: [0x0400...0x04FF]),
        "bg": Script(name: "Cyrillic", ranges: [0x0400...0x04FF]),
        "be": Script(name: "Cyrillic", ranges: [0x0400...0x04FF]),
        "el": Script(name: "Greek", ranges: [0x0370...0x03FF, 0x1F00...0x1FFF]),
        "ar": Script(name: "Arabic", ranges: [0x0600...0x06FF, 0x0750...0x077F]),
        "fa": Script(name: "Arabic", ranges: [0x0600...0x06FF, 0x0750...0x077F]),
        "he": Script(name: "Hebrew", ranges: [0x0590...0x05FF]),
        "th": Script(name: "Thai", ranges: [0x0E00...0x0E7F]),
        "hi": Script(name: "Devanagari", ranges: [0x0900...0x097F]),
    ]

    /// Calls `visit` with each prose word in order until it returns `false`.
    ///
    /// A word is a run of letters and `_` inside a white-space-separated token. Code spans and a link's
    /// `](target)` end a token and are skipped; tokens holding `://` or starting with `www.` are skipped;
    /// so are words holding `_` and upper-case words of two or more characters (names such as `WANDB_DIR`
    /// or `API`). The text is walked once, by Unicode scalars grouped into characters, because this runs
    /// on every translation of every variable and walking `Character`s cost more than the rest of `diff`.
    static func forEachProseWord(in text: String, _ visit: (Substring) -> Bool) {
        var characters = ScalarCharacters(text)
        var inCode = false
        var tokenStart: String.Index?
        var pieces: [Range<String.Index>] = []
        var pieceStart: String.Index?
        var keepGoing = true

        func endPiece(at end: String.Index) {
            if let start = pieceStart { pieces.append(start..<end) }
            pieceStart = nil
        }
        func endToken(at end: String.Index) {
            endPiece(at: end)
            defer {
                tokenStart = nil
                pieces.removeAll(keepingCapacity: true)
            }
            guard keepGoing, let start = tokenStart else { return }
            let token = text[start..<end]
            if token.quicklyContains("://") || token.hasPrefix("www.") { return }
            for piece in pieces where !isName(text[piece]) {
                guard visit(text[piece]) else {
                    keepGoing = false
                    return
                }
            }
        }

        while keepGoing, let character = characters.next() {
            if character.is("`") {
                endToken(at: character.range.lowerBound)
                inCode.toggle()
                continue
            }
            if inCode { continue }
            if character.is("]"), characters.peek()?.is("(") == true {
                endToken(at: character.range.lowerBound)
                // Skip a link's target: `](...)`, to the end of the text when it is not closed.
                while let skipped = characters.next(), !skipped.is(")") {}
                continue
            }
            if isWhitespace(character.first) {
                endToken(at: character.range.lowerBound)
                continue
            }
            if tokenStart == nil { tokenStart = character.range.lowerBound }
            if isLetter(character.first) || character.is("_") {
                if pieceStart == nil { pieceStart = character.range.lowerBound }
            } else {
                endPiece(at: character.range.lowerBound)
            }
        }
        if !inCode { endToken(at: text.endIndex) }
    }

    /// Unicode's `White_Space`, answered for ASCII without the property table: most prose is ASCII.
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
    }

    /// Unicode's `Alphabetic` (what `Character.isLetter` asks of a character's first scalar), answered for
    /// ASCII without the property table.
    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.isASCII else { return scalar.properties.isAlphabetic }
        return (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value)
    }

    /// Whether a word is a name, kept in English in every language: it holds `_`, or is upper case and
    /// longer than one character.
    private static func isName(_ word: Substring) -> Bool {
        if word.utf8.contains(UInt8(ascii: "_")) { return true }
        // An ASCII letter that is not upper case settles it without `Character`'s case mapping.
        if let first = word.unicodeScalars.first, first.isASCII, !(0x41...0x5A).contains(first.value) { return false }
        return word.allSatisfy(\.isUppercase) && word.count > 1
    }
}
