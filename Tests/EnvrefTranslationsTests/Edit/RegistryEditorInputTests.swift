import EnvrefCore
import EnvrefRegistry
import Testing

@testable import EnvrefTranslations

@Suite("Writing translations into unusual files")
struct RegistryEditorInputTests {
    static let yaml = "languages: [en, fr]\nvariables:\n  A_B:\n    type: string\n    description:\n      en: Text.\n      fr: Texte.\n"

    @Test("a byte-order mark and Windows line endings are kept, and the edit lands in the right place", arguments: [
        ("\u{FEFF}" + yaml), yaml.replacingOccurrences(of: "\n", with: "\r\n"),
    ])
    func unusualEncodings(_ text: String) throws {
        let edited = try RegistryEditor.apply([DescriptionEdit(variable: "A_B", language: "fr", text: "Nouveau texte.")], to: text, path: "v.yaml").get()
        #expect(edited == text.replacingOccurrences(of: "fr: Texte.", with: "fr: Nouveau texte."))
    }

    @Test("an invalid registry is reported, not edited")
    func invalidRegistry() {
        let result = RegistryEditor.apply([DescriptionEdit(variable: "A_B", language: "fr", text: "x")], to: "languages: [en\n", path: "v.yaml")
        guard case .failure(let error) = result else {
            Issue.record("an invalid registry must not be edited")
            return
        }
        #expect(error.diagnostics.containsErrors)
    }
}

@Suite("Bad input never crashes a reader")
struct BadInputTests {
    static let inputs = [
        "", "|", "| |", "|||||||", "\u{0}\u{1}|\u{0}", "---", "---\n---", "+++\nlang = \n+++", "{{<", "{{< relref", "<br", "<br/><br",
        "# ", "```\n| `A_B` | x |", String(repeating: ">", count: 5_000) + " | `A_B` | x |", String(repeating: "| `A_B` ", count: 2_000),
        "| Variable |\n|---|\n" + String(repeating: "| `A_B` | x | `C_D` | y | z |\n", count: 200), "### `` ` ``", "### _ _",
        "msgid \"", "msgctxt", "#~ msgid \"x\"", "\"\\", "msgid \"\\777\"\nmsgstr \"\"", "translations: [", "sources: {a: [b]}",
    ]

    @Test("pages, PO files and lock files of any shape produce results or diagnostics", arguments: inputs)
    func readers(_ text: String) {
        _ = PageReader.read(text: text, path: "page.md")
        _ = POParser.parse(text, path: "fr.po")
        _ = LockFile.parse(text, path: "translations.lock")
    }
}
