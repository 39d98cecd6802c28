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
        let prose = proseWords(in: text)
        let primary = language.rawValue.split(separator: "-").first.map(String.init) ?? language.rawValue
        if let script = scripts[primary] {
            // Counted as they stream past: filtering a UnicodeScalarView builds a new String a scalar at a time.
            var letterCount = 0
            var hasScriptLetter = false
            for word in prose {
                for scalar in word.unicodeScalars where scalar.properties.isAlphabetic {
                    letterCount += 1
                    if script.contains(scalar) { hasScriptLetter = true }
                }
            }
            guard letterCount >= 12, !hasScriptLetter else { return nil }
            return "contains no \(script.name) text"
        }
        let sourcePrimary = sourceLanguage.rawValue.split(separator: "-").first.map(String.init)
        guard sourcePrimary == "en", primary != "en" else { return nil }
        let words = prose.map { $0.lowercased() }
        let english = words.filter(englishFunctionWords.contains)
        guard words.count >= 5, english.count >= 3, english.count * 4 >= words.count else { return nil }
        return "reads as English (\(Set(english).sorted().prefix(4).joined(separator: ", ")), ...)"
    }

    /// Function words that are English and not words of the other common Latin-script languages.
    static let englishFunctionWords: Set<String> = [
        "the", "and", "this", "that", "with", "your", "you", "will", "when", "which", "from", "of", "to", "it", "if", "be", "are",
    ]

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

    /// The words of the text's prose: without code spans, URLs, link targets and upper-case names.
    static func proseWords(in text: String) -> [String] {
        // Copies runs of prose as slices rather than a Character at a time, and reads each Character
        // once: this check runs on every translation, and a registry can have tens of thousands.
        var prose = ""
        var inCode = false
        var index = text.startIndex
        var runStart = index
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if character == "`" {
                if !inCode { prose += text[runStart..<index] }
                inCode.toggle()
                prose += " "
                index = next
                runStart = next
                continue
            }
            if !inCode, character == "]", next < text.endIndex, text[next] == "(" {
                // Skip a link's target: `](...)`.
                prose += text[runStart..<index]
                prose += " "
                var end = next
                while end < text.endIndex, text[end] != ")" { end = text.index(after: end) }
                index = end < text.endIndex ? text.index(after: end) : end
                runStart = index
                continue
            }
            index = next
        }
        if !inCode { prose += text[runStart..<text.endIndex] }
        return prose.split(whereSeparator: \.isWhitespace)
            .filter { !($0.mayContain("://") && $0.contains("://")) && !$0.hasPrefix("www.") }
            .flatMap { $0.split { !($0.isLetter || $0 == "_") } }
            .filter { !($0.contains("_") || ($0.count > 1 && $0.allSatisfy { $0.isUppercase || $0 == "_" })) }
            .map(String.init)
    }
}
