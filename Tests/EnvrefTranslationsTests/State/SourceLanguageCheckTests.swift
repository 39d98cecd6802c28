import EnvrefRegistry
import EnvrefTestSupport
import Testing

@testable import EnvrefTranslations

@Suite("Text left in the source language")
struct SourceLanguageCheckTests {
    func check(_ text: String, _ language: LanguageCode, source: LanguageCode = "en") -> String? {
        SourceLanguageCheck.leftUntranslated(text, language: language, sourceLanguage: source)
    }

    @Test("a Japanese, Korean or Chinese text without a letter of its script")
    func otherScripts() {
        #expect(check("Set this to the folder where the client writes its files.", "ja") == "contains no Japanese text")
        #expect(check("Set this to the folder where the client writes its files.", "ko") == "contains no Korean text")
        #expect(check("Set this to the folder where the client writes its files.", "zh-CN") == "contains no Chinese text")
        #expect(check("クライアントがファイルを書き込むフォルダーです。", "ja") == nil)
        #expect(check("`WANDB_DIR` を参照。", "ja") == nil)
    }

    @Test("short texts made of code, names and links are not judged")
    func tooShortToJudge() {
        #expect(check("`~/.config/wandb` ([docs](https://example.com/very/long/path/in/english))", "ja") == nil)
        #expect(check("See `WANDB_DIR`.", "ko") == nil)
    }

    @Test("a Latin-script translation that reads as English, with an English source")
    func englishInFrench() {
        #expect(check("Set this to **true** to automatically open a browser with the run url if your operating system supports it.", "fr")
            == "reads as English (if, it, the, this, ...)")
        #expect(check("Réglez cette variable sur true pour empêcher wandb de stocker une référence à votre code source.", "fr") == nil)
        #expect(check("Le titre « The Art of the Run » est affiché dans l’interface et dans les rapports du projet.", "fr") == nil)
    }

    @Test("the English check only applies when the source is English")
    func onlyFromEnglish() {
        #expect(check("Set this to true to open the run in your browser when it starts.", "fr", source: "de") == nil)
        #expect(check("Set this to true to open the run in your browser when it starts.", "en-GB") == nil)
    }
}

extension SourceLanguageCheck {
    /// Every prose word of a text, as the check walks them.
    static func proseWords(in text: String) -> [String] {
        var words: [String] = []
        forEachProseWord(in: text) { word in
            words.append(String(word))
            return true
        }
        return words
    }
}

@Suite("Prose words, walked by scalars")
struct ProseWordsTests {
    @Test("code spans, link targets, URLs and names are left out")
    func examples() {
        #expect(SourceLanguageCheck.proseWords(in: "Set `WANDB_DIR=/tmp` to [the docs](https://x.io/a b) now") == ["Set", "to", "the", "docs", "now"])
        #expect(SourceLanguageCheck.proseWords(in: "See https://wandb.ai or www.wandb.ai, the API and MY_NAME: ok.") == ["See", "or", "the", "and", "ok"])
        #expect(SourceLanguageCheck.proseWords(in: "Unclosed `code to the end") == ["Unclosed"])
        #expect(SourceLanguageCheck.proseWords(in: "A link [x](never closed") == ["A", "link", "x"])
        #expect(SourceLanguageCheck.proseWords(in: "café\u{301}s naïve Ｆｕｌｌ I") == ["café\u{301}s", "naïve", "Ｆｕｌｌ", "I"])
        #expect(SourceLanguageCheck.proseWords(in: "日本語の`コード`テキスト") == ["日本語の", "テキスト"])
    }

    /// The `Character`-based walk this replaced, kept as the meaning the faster walk must keep.
    static func referenceProseWords(in text: String) -> [String] {
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
            .filter { !$0.contains("://") && !$0.hasPrefix("www.") }
            .flatMap { $0.split { !($0.isLetter || $0 == "_") } }
            .filter { !($0.contains("_") || ($0.count > 1 && $0.allSatisfy { $0.isUppercase || $0 == "_" })) }
            .map(String.init)
    }

    @Test("gives the Character-based walk's words on 20,000 generated texts")
    func matchesCharacterWalk() {
        // Pieces chosen to hit every branch: code fences, link targets, URLs, names, combining marks after
        // letters and after punctuation, CJK, Hangul, full-width forms, emoji and every kind of space.
        let pieces = ["the", "Set", "API", "WANDB_DIR", "_x", "a", "I", "é", "e\u{301}", "`", "`x`", "](", ")", "]", "(", "[",
                      "https://x.io", "www.", "://", " ", "  ", "\t", "\n", "\r\n", "\u{3000}", "\u{A0}", "日本", "のは", "한국어",
                      "Ｆｕｌｌ", "ǅ", "ª", "ß", ".", ",", "-", "=", "1", "😀", "👩\u{200D}💻", "\u{301}", "`\u{301}", "]\u{301}", "_\u{301}",
                      "Ä", "A\u{308}", "क्ष", "\u{FE0F}", "Œ", "Σ"]
        var generator = SplitMix64(seed: 0x5EED)
        var mismatches: [String] = []
        for _ in 0..<20_000 {
            let count = Int(generator.next() % 14)
            let text = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            if SourceLanguageCheck.proseWords(in: text) != Self.referenceProseWords(in: text) { mismatches.append(text) }
        }
        #expect(mismatches.isEmpty, "first differences: \(mismatches.prefix(5).map { $0.debugDescription })")
    }
}
