import EnvrefCore
import EnvrefRegistry
import Foundation
import Testing

@testable import EnvrefTranslations

/// The small registry under Fixtures/demo, and a lock that puts its translations in every state.
enum Demo {
    static let path = "Content/variables.yaml"

    static func text() throws -> String {
        try TestData.fixtureText("demo/variables.yaml")
    }

    static func registry() throws -> Registry {
        let result = RegistryLoader.load(bytes: Array(try text().utf8), path: path)
        #expect(result.diagnostics.isEmpty, "the demo registry loads cleanly: \(result.diagnostics.rendered)")
        return try #require(result.registry)
    }

    /// The previous English text of DEMO_OLD, from before its source changed.
    static let previousOldText = "Former name of `DEMO_NAME`."

    /// Reviewed: DEMO_MODE (fr, ja), DEMO_API_KEY (fr), DEMO_TAGS (fr); DEMO_OLD fr against an older text;
    /// DEMO_OLD ja never; plus an orphan for a variable that no longer exists.
    static func lock(for registry: Registry) -> TranslationLock {
        var lock = TranslationLock(path: "Content/translations.lock")
        func source(_ name: String) -> String { registry.variable(named: name)!.descriptions["en"]!.text }
        lock.record("DEMO_MODE", in: "fr", madeFrom: source("DEMO_MODE"))
        lock.record("DEMO_MODE", in: "ja", madeFrom: source("DEMO_MODE"))
        lock.record("DEMO_API_KEY", in: "fr", madeFrom: source("DEMO_API_KEY"))
        lock.record("DEMO_TAGS", in: "fr", madeFrom: source("DEMO_TAGS"))
        lock.record("DEMO_OLD", in: "fr", madeFrom: previousOldText)
        lock.record("DEMO_GONE", in: "fr", madeFrom: "Removed variable.")
        lock.entries["DEMO_GONE"]?["fr"]?.location = SourceLocation(path: "Content/translations.lock", line: 9, column: 5)
        return lock
    }

    static func status(languages: [LanguageCode]? = nil) throws -> TranslationStatus {
        let registry = try registry()
        return TranslationStatus(registry: registry, lock: lock(for: registry), languages: languages)
    }
}
