import EnvrefCore
import EnvrefRegistry
import Testing

@testable import EnvrefTranslations

@Suite("Translation states")
struct TranslationStatusTests {
    @Test("each translation of the demo registry lands in the state its text and the lock give it")
    func statesOfTheDemo() throws {
        let status = try Demo.status()
        #expect(status.sourceLanguage == "en")
        #expect(status.languages == ["fr", "ja"])
        let fr = try #require(status.summary(for: "fr"))
        #expect(fr.total == 6)
        #expect(fr.variables[.translated] == ["DEMO_MODE", "DEMO_TAGS"])
        #expect(fr.variables[.stale] == ["DEMO_OLD"])
        #expect(fr.variables[.untranslated] == ["DEMO_API_KEY", "DEMO_DIR"])
        #expect(fr.variables[.missing] == ["DEMO_NAME"])
        #expect(fr.valueDrift == ["DEMO_MODE"])
        #expect(fr.coverageText == "33.3%")
        let ja = try #require(status.summary(for: "ja"))
        #expect(ja.variables[.translated] == ["DEMO_MODE"])
        #expect(ja.variables[.stale] == ["DEMO_OLD"])
        #expect(ja.variables[.untranslated] == ["DEMO_DIR"])
        #expect(ja.variables[.missing] == ["DEMO_API_KEY", "DEMO_NAME", "DEMO_TAGS"])
        #expect(ja.valueDrift == [])
    }

    @Test("why each untranslated and stale translation is so")
    func reasons() throws {
        let status = try Demo.status()
        let fr = Dictionary(uniqueKeysWithValues: status.cells(for: "fr").map { ($0.variable, $0) })
        let ja = Dictionary(uniqueKeysWithValues: status.cells(for: "ja").map { ($0.variable, $0) })
        #expect(fr["DEMO_API_KEY"]?.untranslatedReason == .identicalToSource)
        #expect(fr["DEMO_DIR"]?.untranslatedReason == .marked)
        #expect(ja["DEMO_DIR"]?.untranslatedReason == .wrongLanguage("contains no Japanese text"))
        #expect(fr["DEMO_OLD"]?.staleness == .sourceChanged(previous: Demo.previousOldText))
        #expect(fr["DEMO_OLD"]?.previousSource == Demo.previousOldText)
        #expect(ja["DEMO_OLD"]?.staleness == .neverReviewed)
        #expect(fr["DEMO_NAME"]?.location == SourceLocation(path: Demo.path, line: 36, column: 3))
        #expect(fr["DEMO_MODE"]?.location == SourceLocation(path: Demo.path, line: 14, column: 11))
    }

    @Test("orphans are lock records for variables or languages the registry does not have")
    func orphans() throws {
        let registry = try Demo.registry()
        var lock = Demo.lock(for: registry)
        lock.record("DEMO_MODE", in: "de", madeFrom: "x")
        lock.record("DEMO_MODE", in: "en", madeFrom: "x")
        let orphans = TranslationStatus(registry: registry, lock: lock).orphans
        #expect(orphans.map { "\($0.variable) \($0.language): \($0.reason)" } == [
            "DEMO_GONE fr: the registry has no variable 'DEMO_GONE'",
            "DEMO_MODE de: the registry does not declare language 'de'",
            "DEMO_MODE en: 'en' is the source language",
        ])
        // Every recorded variable is the registry's: only languages can be orphans.
        lock.forget("DEMO_GONE", in: "fr")
        #expect(lock.entries["DEMO_GONE"] == nil)
        #expect(TranslationStatus(registry: registry, lock: lock).orphans.map { "\($0.variable) \($0.language)" } == ["DEMO_MODE de", "DEMO_MODE en"])
        // A record for a variable the registry lacks in place of one it has: as many recorded names as before.
        let dropped = try #require(registry.variables.first { $0.name != "DEMO_MODE" && lock.entries[$0.name] != nil })
        lock.entries[dropped.name] = nil
        lock.record("DEMO_ELSEWHERE", in: "fr", madeFrom: "x")
        #expect(TranslationStatus(registry: registry, lock: lock).orphans.map { "\($0.variable) \($0.language)" }
            == ["DEMO_ELSEWHERE fr", "DEMO_MODE de", "DEMO_MODE en"])
    }

    @Test("limiting the report to some languages")
    func languageFilter() throws {
        let status = try Demo.status(languages: ["ja"])
        #expect(status.languages == ["ja"])
        #expect(status.summaries.map(\.language) == ["ja"])
        #expect(status.rows.allSatisfy { $0.cells.count == 1 })
    }
}

@Suite("Staleness transitions")
struct StalenessTransitionTests {
    /// The demo registry with DEMO_MODE's English text replaced.
    static func editingSource(_ registry: Registry, to text: String) -> Registry {
        var edited = registry
        let index = edited.variables.firstIndex { $0.name == "DEMO_MODE" }!
        edited.variables[index].descriptions["en"]?.text = text
        return edited
    }

    @Test("edit the source, the translations go stale with the previous text; accept, they are current again")
    func editStaleAcceptCurrent() throws {
        let registry = try Demo.registry()
        let lock = Demo.lock(for: registry)
        let original = registry.variable(named: "DEMO_MODE")!.descriptions["en"]!.text
        func state(_ registry: Registry, _ lock: TranslationLock, _ language: LanguageCode) -> TranslationCell {
            TranslationStatus(registry: registry, lock: lock).cells(for: language).first { $0.variable == "DEMO_MODE" }!
        }
        #expect(state(registry, lock, "fr").state == .translated)
        #expect(state(registry, lock, "ja").state == .translated)

        let edited = Self.editingSource(registry, to: "How the client runs: `online`, `offline` or `disabled`.")
        #expect(state(edited, lock, "fr").state == .stale)
        #expect(state(edited, lock, "ja").state == .stale)
        #expect(state(edited, lock, "ja").previousSource == original)

        let accepted = TranslationReview.accept(["DEMO_MODE"], languages: ["ja"], registry: edited, lock: lock)
        #expect(accepted.diagnostics.isEmpty)
        #expect(accepted.accepted.map { "\($0.variable) \($0.language)" } == ["DEMO_MODE ja"])
        #expect(state(edited, accepted.lock, "ja").state == .translated)
        #expect(state(edited, accepted.lock, "fr").state == .stale)
        #expect(accepted.removedOrphans.map(\.variable) == ["DEMO_GONE"])
    }

    @Test("trailing white space and line endings are not an edit")
    func whitespaceIsNotAnEdit() throws {
        let registry = try Demo.registry()
        let lock = Demo.lock(for: registry)
        let original = registry.variable(named: "DEMO_MODE")!.descriptions["en"]!.text
        let edited = Self.editingSource(registry, to: original + "  \n\n")
        #expect(TranslationStatus(registry: edited, lock: lock).cells(for: "fr").first?.state == .translated)
    }

    @Test("accepting every translation of a language skips the missing ones")
    func acceptAll() throws {
        let registry = try Demo.registry()
        let outcome = TranslationReview.accept(nil, languages: ["ja"], registry: registry, lock: TranslationLock(path: "x"))
        #expect(outcome.diagnostics.isEmpty)
        #expect(outcome.accepted.map(\.variable) == ["DEMO_MODE", "DEMO_DIR", "DEMO_OLD"])
        let ja = TranslationStatus(registry: registry, lock: outcome.lock).summary(for: "ja")!
        #expect(ja.variables[.translated] == ["DEMO_MODE", "DEMO_OLD"])
        #expect(ja.variables[.stale] == nil)
    }

    @Test("accepting names a problem for each unknown variable, missing translation or wrong language")
    func acceptErrors() throws {
        let registry = try Demo.registry()
        let lock = TranslationLock(path: "x")
        #expect(TranslationReview.accept(["DEMO_MOD", "NOPE"], languages: ["fr"], registry: registry, lock: lock).diagnostics.map(\.description) == [
            "error: 'DEMO_MOD' is not a variable in Content/variables.yaml; did you mean 'DEMO_MODE'?",
            "error: 'NOPE' is not a variable in Content/variables.yaml",
        ])
        #expect(TranslationReview.accept(["DEMO_NAME"], languages: ["fr"], registry: registry, lock: lock).diagnostics.map(\.description) == [
            "Content/variables.yaml:36:3: error: 'DEMO_NAME' has no fr translation to accept",
        ])
        #expect(TranslationReview.accept(["DEMO_MODE"], languages: ["en", "de"], registry: registry, lock: lock).diagnostics.map(\.description) == [
            "error: 'en' is the source language; only translations are accepted",
            "error: 'de' is not a language of the registry (translations: fr, ja)",
        ])
    }
}
