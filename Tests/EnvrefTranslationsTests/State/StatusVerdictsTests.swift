import EnvrefCore
import EnvrefRegistry
import Foundation
import Testing

@testable import EnvrefTranslations

/// The status worked out with verdicts kept from earlier runs must be the status worked out from nothing,
/// after every kind of edit, while reusing the verdicts of what did not change.
@Suite("Translation status: verdicts kept between runs")
struct StatusVerdictsTests {
    static let yaml = """
        languages: [en, fr, ja]
        prefix: DEMO_
        variables:
          DEMO_MODE:
            type: enum
            values: [online, offline]
            default: online
            description:
              en: "Use `online` or `offline`."
              fr: "Utilisez `online` ou `offline`."
              ja: "`online` か `offline` を使います。"
          DEMO_SYNC:
            type: string
            description:
              en: "Sends runs; see `DEMO_MODE`."
              fr: "Envoie les exécutions ; réglez `DEMO_MODE=offline` pour attendre."
              ja: "Sends runs; see `DEMO_MODE`."
          DEMO_TAGS:
            type: list
            description:
              en: "Labels for each run."
              fr:
                text: "Labels for each run."
                untranslated: true

        """

    /// A cache folder in a scratch directory the caller removes.
    static func scratchFolder() -> (URL, CacheFolder) {
        let directory = FileManager.default.temporaryDirectory.appending(path: "envref-status-\(UUID().uuidString)")
        return (directory, CacheFolder(directory: directory, identity: "test"))
    }

    static func registry(_ text: String) throws -> Registry {
        try RegistryLoader.load(bytes: Array(text.utf8), path: "Content/variables.yaml").get()
    }

    static func acceptedLock(for registry: Registry) -> TranslationLock {
        var lock = TranslationLock(path: "Content/translations.lock")
        for variable in registry.variables {
            for language in registry.targetLanguages where variable.descriptions[language] != nil {
                lock.record(variable.name, in: language, madeFrom: variable.descriptions["en"]?.text ?? "")
            }
        }
        return lock
    }

    /// Edits of the registry, each checked against the status worked out from nothing.
    static let edits: [(name: String, edit: @Sendable (String) -> String)] = [
        ("a translation reworded", { $0.replacingOccurrences(of: "Utilisez", with: "Employez") }),
        ("a source text changed, so its translations are stale", { $0.replacingOccurrences(of: "Labels for each run.\"\n      fr", with: "Labels for every run.\"\n      fr") }),
        ("a translation made identical to its source", { $0.replacingOccurrences(of: "`online` か `offline` を使います。", with: "Use `online` or `offline`.") }),
        ("a translation removed", { $0.replacingOccurrences(of: "      ja: \"Sends runs; see `DEMO_MODE`.\"\n", with: "") }),
        // DEMO_SYNC's French text sets DEMO_MODE=offline: dropping that value makes it drift, though DEMO_SYNC is untouched.
        ("another variable's values changed", { $0.replacingOccurrences(of: "values: [online, offline]", with: "values: [online, local]").replacingOccurrences(of: "`online` or `offline`", with: "`online` or `local`") }),
        ("a variable renamed", { $0.replacingOccurrences(of: "DEMO_MODE", with: "DEMO_STATE") }),
        ("the prefix changed", { $0.replacingOccurrences(of: "prefix: DEMO_", with: "prefix: DEM") }),
        ("lines added above every variable", { $0.replacingOccurrences(of: "variables:\n", with: "variables:\n  # one\n  # two\n") }),
    ]

    @Test("each edit gives the status worked out from nothing", arguments: edits.map(\.name))
    func edit(name: String) throws {
        let edit = try #require(Self.edits.first { $0.name == name }).edit
        let (directory, folder) = Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let before = try Self.registry(Self.yaml)
        let lock = Self.acceptedLock(for: before)
        let cold = TranslationStatus(registry: before, lock: lock, cache: folder)
        #expect(cold == TranslationStatus(registry: before, lock: lock))
        #expect(TranslationStatus(registry: before, lock: lock, cache: folder) == cold, "read back unchanged")
        #expect(edit(Self.yaml) != Self.yaml, "the edit applies")
        let after = try Self.registry(edit(Self.yaml))
        #expect(TranslationStatus(registry: after, lock: lock, cache: folder) == TranslationStatus(registry: after, lock: lock))
        #expect(TranslationStatus(registry: after, lock: lock, cache: folder) == TranslationStatus(registry: after, lock: lock), "and again, from the verdicts just kept")
    }

    @Test("a kept verdict is used as it is: a planted one shows in the status")
    func plantedVerdict() throws {
        let (directory, folder) = Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let registry = try Self.registry(Self.yaml)
        let lock = Self.acceptedLock(for: registry)
        var stored = StatusVerdicts(registry: registry, variableDigests: VariableDigest.of(registry), reported: registry.targetLanguages,
                                    cache: folder)
        let mode = try #require(registry.variable(named: "DEMO_MODE"))
        var planted = StatusVerdicts.Verdict(TranslationCell(variable: "DEMO_MODE", language: "fr", state: .missing, valueDrift: [],
                                                             location: mode.location, text: nil))
        planted.state = .stale
        planted.staleness = .neverReviewed
        stored.verdicts = [stored.key(ofVariableNamed: mode.name, digest: VariableDigest(of: mode), lock: lock): [planted, planted]]
        stored.store()
        let status = TranslationStatus(registry: registry, lock: lock, cache: folder)
        #expect(status.cells(for: "fr").first?.state == .stale)
        #expect(status.cells(for: "fr").first?.text == mode.descriptions["fr"]?.text, "positions and texts come from the variable")
        #expect(TranslationStatus(registry: registry, lock: lock).cells(for: "fr").first?.state == .translated)
    }

    @Test("a lock change gives the status worked out from nothing")
    func lockChange() throws {
        let (directory, folder) = Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let registry = try Self.registry(Self.yaml)
        var lock = Self.acceptedLock(for: registry)
        _ = TranslationStatus(registry: registry, lock: lock, cache: folder)
        lock.record("DEMO_MODE", in: "fr", madeFrom: "An older source text.")
        let status = TranslationStatus(registry: registry, lock: lock, cache: folder)
        #expect(status == TranslationStatus(registry: registry, lock: lock))
        #expect(status.cells(for: "fr").first?.previousSource == "An older source text.")
        lock.forget("DEMO_MODE", in: "fr")
        #expect(TranslationStatus(registry: registry, lock: lock, cache: folder) == TranslationStatus(registry: registry, lock: lock))
    }

    @Test("lines moved, or a report on fewer languages, reuse or set aside the kept verdicts without working rows out again")
    func reuse() throws {
        let (directory, folder) = Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appending(path: StatusVerdicts.file)
        // The file is replaced by a rename whenever it is written, so its inode tells a rewrite apart even when
        // the bytes are the same.
        func inode() throws -> Int? { try FileManager.default.attributesOfItem(atPath: file.path)[.systemFileNumber] as? Int }
        let registry = try Self.registry(Self.yaml)
        let lock = Self.acceptedLock(for: registry)
        _ = TranslationStatus(registry: registry, lock: lock, cache: folder)
        let kept = try inode()
        // Positions are not in a key: moving every variable down leaves every verdict usable, so none is rewritten.
        let moved = try Self.registry(Self.yaml.replacingOccurrences(of: "variables:\n", with: "variables:\n  # one\n"))
        #expect(TranslationStatus(registry: moved, lock: lock, cache: folder) == TranslationStatus(registry: moved, lock: lock))
        #expect(try inode() == kept)
        // `updatingCache: false` reads the verdicts and keeps nothing.
        let edited = try Self.registry(Self.yaml.replacingOccurrences(of: "Utilisez", with: "Employez"))
        #expect(TranslationStatus(registry: edited, lock: lock, cache: folder, updatingCache: false) == TranslationStatus(registry: edited, lock: lock))
        #expect(try inode() == kept)
        // An edit that is kept rewrites the file: the comparison above can see a rewrite.
        _ = TranslationStatus(registry: edited, lock: lock, cache: folder)
        #expect(try inode() != kept)
        // Reporting on one language is another set of verdicts: worked out afresh, and right.
        #expect(TranslationStatus(registry: registry, lock: lock, languages: ["ja"], cache: folder)
            == TranslationStatus(registry: registry, lock: lock, languages: ["ja"]))
    }

    @Test("a row's key tells apart which language was reviewed against which archived text")
    func keyRecords() throws {
        let (directory, folder) = Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let registry = try Self.registry(Self.yaml)
        let mode = try #require(registry.variable(named: "DEMO_MODE"))
        let verdicts = StatusVerdicts(registry: registry, variableDigests: VariableDigest.of(registry), reported: registry.targetLanguages,
                                      cache: folder)
        func key(_ records: [LanguageCode: String], editing edit: (inout TranslationLock) -> Void = { _ in }) -> ContentDigest {
            var lock = TranslationLock(path: "Content/translations.lock")
            for (language, text) in records { lock.record("DEMO_MODE", in: language, madeFrom: text) }
            edit(&lock)
            return verdicts.key(ofVariableNamed: mode.name, digest: VariableDigest(of: mode), lock: lock)
        }
        let keys = [
            key([:]),
            key(["fr": "A"]),
            key(["ja": "A"]),
            key(["fr": "A", "ja": "A"]),
            key(["fr": "A", "ja": "B"]),
            key(["fr": "B", "ja": "A"]),
            key(["fr": "B", "ja": "B"]),
            // The same fingerprints with another archived text: a lock edited by hand.
            key(["fr": "A", "ja": "A"]) { lock in lock.sources[Fingerprint.of("A")] = "C" },
            key(["fr": "A", "ja": "B"]) { lock in lock.sources[Fingerprint.of("B")] = nil },
        ]
        #expect(Set(keys).count == keys.count)
    }

    @Test("a state's index is its place among the cases, as kept verdicts store it")
    func stateIndex() {
        #expect(TranslationState.allCases.map(\.index) == Array(TranslationState.allCases.indices))
    }
}
