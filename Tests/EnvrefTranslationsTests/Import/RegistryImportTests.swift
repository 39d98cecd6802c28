import EnvrefCore
import EnvrefRegistry
import EnvrefTestSupport
import Foundation
import Testing

@testable import EnvrefTranslations

@Suite("Importing pages into a new registry")
struct RegistryImportTests {
    static func page(_ text: String, _ path: String) -> ImportedPage {
        PageReader.read(text: text, path: path)
    }

    @Test("one description per language per variable; source order first; placeholders for names the source page lacks")
    func assemble() throws {
        let en = Self.page("| Variable | Default | Usage |\n|---|---|---|\n| `X_MODE` | `on` | Mode. |\n| `X_DIR` | | Folder. |\n", "en.md")
        let fr = Self.page("| Variable | Défaut | Utilisation |\n|---|---|---|\n| `X_DIR` | | Dossier. |\n| `X_EXTRA` | | En plus. |\n| `X_MODE` | `on` | Mode. |\n", "fr.md")
        let result = try RegistryImport.build([fr, en], outputPath: "out/variables.yaml").get()
        #expect(result.registry.languages == ["en", "fr"])
        #expect(result.registry.prefix == "X_")
        #expect(result.registry.variables.map(\.name) == ["X_MODE", "X_DIR", "X_EXTRA"])
        #expect(result.registry.variable(named: "X_MODE")?.defaultValue == .string("on"))
        #expect(result.registry.variable(named: "X_EXTRA")?.descriptions["en"]?.text == "No en description yet; see the fr text.")
        #expect(result.diagnostics.map(\.description) == [
            "fr.md:4:3: warning: 'X_EXTRA' is documented in fr but not on the en page; wrote a placeholder en description"
        ])
        #expect(result.yaml == """
            # yaml-language-server: $schema=variables.schema.json
            # Imported by `envref import` from hand-written pages. From now on this file is the source:
            # edit it by hand (refine each variable's type, values and default), then run `envref validate`.
            languages: [en, fr]
            prefix: X_
            variables:
              X_MODE:
                type: string
                default: "on"
                description:
                  en: Mode.
                  fr: Mode.
              X_DIR:
                type: string
                description:
                  en: Folder.
                  fr: Dossier.
              X_EXTRA:
                type: string
                description:
                  en: No en description yet; see the fr text.
                  fr: En plus.

            """)
        let status = TranslationStatus(registry: result.registry, lock: result.lock)
        #expect(status.summary(for: "fr")?.variables[.translated] == ["X_DIR"])
        #expect(status.summary(for: "fr")?.variables[.untranslated] == ["X_MODE"])
        #expect(status.summary(for: "fr")?.variables[.stale] == ["X_EXTRA"])
        #expect(result.lock.path == "out/translations.lock")
    }

    @Test("pages without a language, or two pages in one language, stop the import")
    func languageProblems() {
        let failure = RegistryImport.build([Self.page("x", "page.md"), Self.page("y", "fr.md"), Self.page("z", "docs/fr.md")], outputPath: "v.yaml")
        guard case .failure(let error) = failure else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.diagnostics.map(\.description) == [
            "page.md:1:1: error: cannot tell the page's language; name the file like fr.md or fr-FR.md, add 'lang: fr' to its front matter, or pass --lang",
            "docs/fr.md:1:1: error: a second page in 'fr' (the first is fr.md); import one page per language",
        ])
        guard case .failure(let missing) = RegistryImport.build([Self.page("### `A_B`\n\nx\n", "fr.md")], sourceLanguage: "en", outputPath: "v.yaml") else {
            Issue.record("expected a failure")
            return
        }
        #expect(missing.diagnostics.map(\.description) == ["error: no page is in the source language 'en' (pages: fr)"])
    }

    @Test("the five seed pages become a registry the loader accepts, with every variable any page documents",
          .enabled(if: TestEnvironment.isSharedDataAvailable, TestEnvironment.sharedDataMissingReason))
    func seeds() throws {
        let pages = ["en", "fr", "es", "ja", "ko"].map { SeedPagesTests.seed($0) }
        let result = try RegistryImport.build(pages, outputPath: "Imported/variables.yaml").get()
        #expect(result.registry.languages == ["en", "es", "fr", "ja", "ko"])
        let union = Set(pages.flatMap(\.names))
        #expect(result.registry.variables.count == union.count)
        #expect(result.registry.variables.count == 36)
        let placeholders = result.diagnostics.filter { $0.message.contains("wrote a placeholder") }
        #expect(placeholders.count == union.count - 12)
        for page in pages {
            for entry in page.entries {
                #expect(result.registry.variable(named: entry.name)?.descriptions[page.language!]?.text == entry.description)
            }
        }
        let reloaded = RegistryLoader.load(bytes: Array(result.yaml.utf8), path: "Imported/variables.yaml")
        #expect(reloaded.diagnostics.isEmpty)
    }

    @Test("every real page set imports, and each language's descriptions are the page's entries",
          .enabled(if: TestEnvironment.isSharedDataAvailable, TestEnvironment.sharedDataMissingReason), arguments: RealPagesTests.sets)
    func realSets(_ name: String) throws {
        let folder = TestEnvironment.sharedData.appending(path: "real-pages/\(name)")
        let expected = try JSONDecoder().decode(ExpectedEntries.self, from: Data(contentsOf: folder.appending(path: "expected.json")))
        let pages = expected.languages.values.map { PageReader.read(fileAt: folder.appending(path: $0.file), displayPath: $0.file) }
        let result = try RegistryImport.build(pages, outputPath: "variables.yaml").get()
        let union = Set(expected.languages.values.flatMap(\.documented))
        #expect(Set(result.registry.variables.map(\.name)) == union)
        for (language, answer) in expected.languages {
            let code = PageLanguage.normalised(language)!
            let translated = result.registry.variables.filter { $0.descriptions[code] != nil }.map(\.name)
            #expect(Set(translated) == Set(answer.documented), "\(name)/\(language)")
        }
    }

    @Test("a byte order mark in a page's text is dropped, so the registry loads back with what the page shows")
    func byteOrderMarks() throws {
        // Found by fuzz-markdown-import: a section holding only U+FEFF became a description that Yams, which
        // drops a U+FEFF at the start of a value, read back as empty, so the written registry did not load.
        let page = Self.page("---\nlang: ja\n---\n\n### `X_MODE`\n\n\u{FEFF}\n\n### `X_DIR`\n\nデフォルト: `\u{FEFF}/tmp`\n\n\u{FEFF}Dossier\u{FEFF}.\n", "ja.md")
        let result = try RegistryImport.build([page], outputPath: "v.yaml").get()
        #expect(result.registry.variable(named: "X_MODE")?.descriptions["ja"]?.text == "No description yet.")
        #expect(result.registry.variable(named: "X_DIR")?.descriptions["ja"]?.text == "Dossier.")
        #expect(result.registry.variable(named: "X_DIR")?.defaultValue == .string("/tmp"))
        let reloaded = RegistryLoader.load(bytes: Array(result.yaml.utf8), path: "v.yaml")
        #expect(reloaded.diagnostics.isEmpty)
        #expect(reloaded.registry?.variable(named: "X_DIR")?.descriptions["ja"]?.text == "Dossier.")
    }
}
