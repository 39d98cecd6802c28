import EnvrefRegistry
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
