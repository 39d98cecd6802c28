import EnvrefCore
import EnvrefRegistry
import Testing

@testable import EnvrefTranslations

@Suite("Writing translations into variables.yaml")
struct RegistryEditorTests {
    static func edited(_ edits: [DescriptionEdit]) throws -> String {
        try RegistryEditor.apply(edits, to: try Demo.text(), path: Demo.path).get()
    }

    /// The lines that differ between the demo file and `text`, as `-old` / `+new`, in order.
    static func changedLines(_ text: String) throws -> [String] {
        let before = try Demo.text().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let after = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var prefix = 0
        while prefix < min(before.count, after.count), before[prefix] == after[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < min(before.count, after.count) - prefix, before[before.count - 1 - suffix] == after[after.count - 1 - suffix] { suffix += 1 }
        return before[prefix..<(before.count - suffix)].map { "-" + $0 } + after[prefix..<(after.count - suffix)].map { "+" + $0 }
    }

    @Test("replacing a block scalar keeps the block style and touches nothing else")
    func blockScalar() throws {
        let text = try Self.edited([DescriptionEdit(variable: "DEMO_MODE", language: "fr", text: "Mode : `online`, `offline` ou `disabled`.")])
        #expect(try Self.changedLines(text) == [
            "-        Mode de fonctionnement : `online` synchronise avec le serveur ; pour travailler hors ligne, réglez-la sur `dryrun`.",
            "+        Mode : `online`, `offline` ou `disabled`.",
        ])
    }

    @Test("a plain scalar followed by a comment keeps the comment")
    func commentKept() throws {
        let text = try Self.edited([DescriptionEdit(variable: "DEMO_API_KEY", language: "fr", text: "La clé qui authentifie cette machine.")])
        #expect(try Self.changedLines(text) == [
            "-      fr: The key that authenticates this machine.   # left as is for now",
            "+      fr: La clé qui authentifie cette machine.   # left as is for now",
        ])
        let multiline = try Self.edited([DescriptionEdit(variable: "DEMO_API_KEY", language: "fr", text: "Ligne un.\n\nLigne deux.")])
        #expect(try Self.changedLines(multiline) == [
            "-      fr: The key that authenticates this machine.   # left as is for now",
            "+      fr: \"Ligne un.\\n\\nLigne deux.\"   # left as is for now",
        ])
    }

    @Test("translating a text marked untranslated removes the mark")
    func untranslatedMarkRemoved() throws {
        let text = try Self.edited([DescriptionEdit(variable: "DEMO_DIR", language: "fr", text: "Dossier où les fichiers sont écrits.")])
        #expect(try Self.changedLines(text) == [
            "-        text: \"Folder where the files are written.\"",
            "-        untranslated: true",
            "+        text: Dossier où les fichiers sont écrits.",
        ])
    }

    @Test("a missing translation is inserted after the languages before it, in registry order")
    func insertion() throws {
        let text = try Self.edited([DescriptionEdit(variable: "DEMO_API_KEY", language: "ja", text: "このマシンを認証するキーです。")])
        #expect(try Self.changedLines(text) == [
            "+      ja: このマシンを認証するキーです。",
        ])
    }

    @Test("a description written as one string becomes a mapping with the source text first")
    func bareDescription() throws {
        let text = try Self.edited([
            DescriptionEdit(variable: "DEMO_NAME", language: "ja", text: "run の短い名前です。"),
            DescriptionEdit(variable: "DEMO_NAME", language: "fr", text: "Nom court et lisible du run."),
        ])
        #expect(try Self.changedLines(text) == [
            "-    description: A short, readable name for the run.",
            "+    description:",
            "+      en: A short, readable name for the run.",
            "+      fr: Nom court et lisible du run.",
            "+      ja: run の短い名前です。",
        ])
    }

    @Test("a flow mapping is edited in flow style")
    func flowMapping() throws {
        let text = try Self.edited([
            DescriptionEdit(variable: "DEMO_TAGS", language: "fr", text: "Étiquettes du run, séparées par des virgules."),
            DescriptionEdit(variable: "DEMO_TAGS", language: "ja", text: "run に付けるタグ(カンマ区切り)。"),
        ])
        #expect(try Self.changedLines(text) == [
            "-    description: {en: \"Comma-separated tags applied to the run.\", fr: \"Étiquettes appliquées au run, séparées par des virgules.\"}",
            "+    description: {en: \"Comma-separated tags applied to the run.\", fr: \"Étiquettes du run, séparées par des virgules.\", ja: run に付けるタグ(カンマ区切り)。}",
        ])
    }

    @Test("long and multi-line texts become literal blocks at the right indentation")
    func longText() throws {
        let long = String(repeating: "Un texte assez long pour passer en bloc. ", count: 3).trimmingWhitespace() + "\n\nDeuxième paragraphe : `online`."
        let text = try Self.edited([DescriptionEdit(variable: "DEMO_OLD", language: "fr", text: long)])
        #expect(try Self.changedLines(text) == [
            "-      fr: Ancien nom de `DEMO_NAME`, toujours lu.",
            "+      fr: |-",
            "+        Un texte assez long pour passer en bloc. Un texte assez long pour passer en bloc. Un texte assez long pour passer en bloc.",
            "+",
            "+        Deuxième paragraphe : `online`.",
        ])
        let reloaded = try #require(RegistryLoader.load(bytes: Array(text.utf8), path: Demo.path).registry)
        #expect(reloaded.variable(named: "DEMO_OLD")?.descriptions["fr"]?.text == long)
    }

    @Test("many edits at once, after non-ASCII text, all land where they belong")
    func manyEdits() throws {
        let edits = [
            DescriptionEdit(variable: "DEMO_MODE", language: "ja", text: "動作モード:`online`、`offline`、`disabled`。"),
            DescriptionEdit(variable: "DEMO_API_KEY", language: "ja", text: "認証キー。"),
            DescriptionEdit(variable: "DEMO_OLD", language: "ja", text: "`DEMO_NAME` の旧名。"),
            DescriptionEdit(variable: "DEMO_TAGS", language: "ja", text: "タグ。"),
        ]
        let text = try Self.edited(edits)
        let registry = try #require(RegistryLoader.load(bytes: Array(text.utf8), path: Demo.path).registry)
        for edit in edits {
            #expect(registry.variable(named: edit.variable)?.descriptions["ja"]?.text == edit.text)
        }
        #expect(text.hasPrefix("# A small registry for the translation tests. Comments and layout must survive edits.\n"))
    }

    @Test("edits that cannot be made leave the text alone and say why")
    func refusals() throws {
        let commented = try Demo.text().replacingOccurrences(
            of: "description: A short, readable name for the run.", with: "description: A short, readable name for the run.  # note")
        let result = RegistryEditor.apply([DescriptionEdit(variable: "DEMO_NAME", language: "fr", text: "Nom.")], to: commented, path: Demo.path)
        #expect(throws: DiagnosticsError.self) { try result.get() }
        #expect((try? result.get()) == nil)
        if case .failure(let error) = result {
            #expect(error.diagnostics.map(\.description) == [
                "Content/variables.yaml:36:3: error: a comment follows the description of 'DEMO_NAME'; move it to its own line"
            ])
        }
        if case .failure(let error) = RegistryEditor.apply([DescriptionEdit(variable: "DEMO_NAME", language: "de", text: "Name.")], to: try Demo.text(), path: Demo.path) {
            #expect(error.diagnostics.map(\.description) == ["Content/variables.yaml:36:3: error: 'de' is not a target language of the registry"])
        } else {
            Issue.record("an edit in an undeclared language must fail")
        }
    }
}
