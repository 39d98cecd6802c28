import Foundation
import SnapshotTesting
import Testing

@testable import EnvrefDocs

@Suite("Translate: registry and content to page contexts")
struct SiteContextBuilderTests {
    @Test("the contexts of the fixture site match the snapshot")
    func contextSnapshot() throws {
        let contexts = try Fixtures.contexts()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(contexts), as: UTF8.self)
        assertSnapshot(of: json, as: .lines, named: "fixture-site")
    }

    @Test("a language without a description shows the source text, marked as a fallback")
    func fallback() throws {
        let contexts = SiteContextBuilder().build(try Fixtures.siteContent())
        let french = try #require(contexts.pages.first { $0.language == "fr" })
        let paths = try #require(french.variables.first { $0.name == "DEMO_PATHS" })
        #expect(paths.fallback?.language == "en")
        #expect(paths.fallback?.notice == "Pas encore traduit : le texte est affiché dans sa langue d’origine (English).")
        #expect(paths.descriptionHTML.contains("first the defaults"))
        let mode = try #require(french.variables.first { $0.name == "DEMO_MODE" })
        #expect(mode.fallback == nil)
        #expect(french.intro?.fallback?.language == "en")
    }

    @Test("an asset with a version is linked with it, at every depth; one without keeps its plain address")
    func assetVersions() throws {
        let builder = SiteContextBuilder(assetVersions: ["site.js": "0123abcd"])
        let contexts = builder.build(try Fixtures.siteContent())
        #expect(contexts.pages.map(\.chrome.scriptURL) == ["../assets/site.js?v=0123abcd", "../assets/site.js?v=0123abcd"])
        #expect(contexts.pages.map(\.chrome.stylesheetURL) == ["../assets/style.css", "../assets/style.css"])
        #expect(contexts.index.chrome.scriptURL == "assets/site.js?v=0123abcd")
        #expect(contexts.notFound.chrome.scriptURL.hasSuffix("/assets/site.js?v=0123abcd"))
        #expect(SiteContextBuilder.assetVersions(of: ["a.js": Data("abc".utf8)]) == ["a.js": "ba7816bf"])
    }

    @Test("every variable appears on every page, in registry order")
    func everyVariableOnEveryPage() throws {
        let content = try Fixtures.siteContent()
        let contexts = SiteContextBuilder().build(content)
        for page in contexts.pages {
            #expect(page.variables.map(\.name) == content.registry.variables.map(\.name))
        }
    }

    @Test("the translations page shows every state, drift-free, with orphans")
    func translationsPage() throws {
        let page = try #require(try Fixtures.contexts().translations)
        let french = try #require(page.languages.first)
        #expect(french.language == "fr")
        #expect(french.counts.map(\.count) == [2, 2, 1, 1])
        #expect(french.coverageText == "2 of 6 current (33.3%)")
        #expect(french.textBar == "███░░░░░░░")
        let states = page.rows.map { row in "\(row.name)=\(row.cells[0].keyword)" }
        #expect(states == ["DEMO_MODE=translated", "DEMO_TOKEN=translated", "DEMO_PATHS=missing",
                           "DEMO_DIR=untranslated", "DEMO_RUN_ID=stale", "DEMO_OLD_NAME=stale"])
        #expect(page.orphans.count == 1)
        #expect(page.orphans.first?.hasPrefix("DEMO_GONE (fr): ") == true)
    }
}
