import EnvrefCore
import EnvrefTestSupport
import Foundation
import Testing

@testable import EnvrefRegistry

/// A load that reuses the last load's snapshot must give exactly what loading the whole file gives: the same
/// registry, the same diagnostics, and the same snapshot for the load after it.
@Suite("Loading: reloading only the entries that changed")
struct RegistrySnapshotTests {
    static let path = "Content/variables.yaml"

    /// Every shape the reload has to get right: comments between entries, block scalars that keep their
    /// trailing lines, multi-line quoted text, a replacement and the name it replaces, `seeAlso`, and a key
    /// after the mapping.
    static let base = """
        # The registry under test.
        languages: [en, fr]
        prefix: APP_
        variables:
          APP_MODE:
            type: enum
            values: [online, offline]
            deprecatedValues: {dryrun: offline}
            default: online
            seeAlso: [APP_DIR]
            description:
              en: Where runs go, `online` or `offline`.
              fr: Où vont les exécutions.
          # Between entries.
          APP_DIR:
            type: path
            description:
              en: |+
                The folder.

              fr: "Le dossier,
                sur deux lignes."

          APP_COUNT:
            type: int
            default: 3
            minimum: 1
            maximum: 9
            description: {en: How many., fr: Combien.}
          APP_TAGS:
            type: list
            separator: ";"
            default: [a, b]
            description:
              en: >-
                Tags, folded
                over lines.
              fr: Les étiquettes.
          APP_OLD_DIR:
            deprecated: {replacement: APP_DIR}
            description: {en: Use APP_DIR., fr: Utilisez APP_DIR.}
          APP_KEY:
            type: string
            secret: true
            example: abc
            minLength: 2
            maxLength: 40
            pattern: "[a-z]+"
            swiftName: apiKey
            description: {en: The key., fr: La clé.}
          APP_URL:
            type: url
            seeAlso: [APP_KEY, APP_MODE]
            description:
              en: The server.
              fr:
                text: Le serveur.
                untranslated: true
          APP_LAST:
            type: bool
            default: false
            description: {en: The last one., fr: Le dernier.}
        swift: {typeName: AppSettings}
        updated: 2026-11-22

        """

    @Test("the base registry loads without diagnostics and can be snapshotted")
    func baseIsSnapshotted() throws {
        let (result, snapshot, _) = RegistryLoader.load(bytes: Array(Self.base.utf8), path: Self.path, reusing: nil)
        #expect(result.diagnostics.map(\.description) == [])
        let taken = try #require(snapshot)
        #expect(taken.registry.variables.count == 8)
        #expect(taken.entries.map(\.start.line) == [4, 14, 23, 29, 38, 41, 50, 58])
    }

    /// Edits a person makes, with whether the changed entries can be reloaded on their own.
    static let edits: [(name: String, edit: @Sendable (String) -> String, isReloaded: Bool)] = [
        ("a description reworded", { $0.replacingOccurrences(of: "How many.", with: "How many workers.") }, true),
        ("a description grown by two lines", { $0.replacingOccurrences(of: "      en: The server.", with: "      en: The server,\n        on two\n        more lines.") }, true),
        ("a description shrunk by two lines", { $0.replacingOccurrences(of: "en: >-\n        Tags, folded\n        over lines.", with: "en: Tags.") }, true),
        ("a kept trailing line removed, in a replacement", { $0.replacingOccurrences(of: "The folder.\n\n", with: "The folder.\n") }, true),
        ("a replacement's text shrunk by a line", { $0.replacingOccurrences(of: "\"Le dossier,\n        sur deux lignes.\"", with: "Le dossier.") }, true),
        ("a replacement's type changed", { $0.replacingOccurrences(of: "    type: path\n", with: "    type: string\n") }, false),
        ("a replacement made secret", { $0.replacingOccurrences(of: "    type: path\n", with: "    type: path\n    secret: true\n") }, false),
        ("a deprecated name and its replacement edited together", {
            $0.replacingOccurrences(of: "The folder.", with: "The data folder.").replacingOccurrences(of: "Use APP_DIR.", with: "Use APP_DIR now.")
        }, true),
        ("edits in the first and last entries", {
            $0.replacingOccurrences(of: "Où vont", with: "Où partent").replacingOccurrences(of: "The last one.", with: "The final one.")
        }, true),
        ("a type changed", { $0.replacingOccurrences(of: "    type: bool\n    default: false", with: "    type: string\n    default: \"false\"") }, true),
        ("a comment added between entries", { $0.replacingOccurrences(of: "  APP_TAGS:", with: "  # Tags.\n  APP_TAGS:") }, true),
        ("a variable renamed", { $0.replacingOccurrences(of: "APP_COUNT:", with: "APP_TOTAL:") }, false),
        ("a variable renamed to a name already used", { $0.replacingOccurrences(of: "APP_COUNT:", with: "APP_KEY:") }, false),
        ("a variable removed", { $0.replacingOccurrences(of: "  APP_COUNT:\n    type: int\n    default: 3\n    minimum: 1\n    maximum: 9\n    description: {en: How many., fr: Combien.}\n", with: "") }, false),
        ("a syntax error in an entry", { $0.replacingOccurrences(of: "secret: true", with: "secret: [true") }, false),
        ("a quote left open at the end of an entry", { $0.replacingOccurrences(of: "        untranslated: true", with: "        untranslated: \"true") }, false),
        ("a 'seeAlso' naming no variable", { $0.replacingOccurrences(of: "seeAlso: [APP_KEY, APP_MODE]", with: "seeAlso: [APP_KEY, APP_NOPE]") }, false),

        ("a deprecated name's text", { $0.replacingOccurrences(of: "Use APP_DIR.", with: "Use APP_DIR instead.") }, false),
        ("the languages", { $0.replacingOccurrences(of: "languages: [en, fr]", with: "languages: [en, fr, ja]") }, false),
        ("what follows the mapping", { $0.replacingOccurrences(of: "typeName: AppSettings", with: "typeName: Settings") }, false),
        ("an alias", { $0.replacingOccurrences(of: "default: 3", with: "default: *three") }, false),
        ("a tab for indentation", { $0.replacingOccurrences(of: "    swiftName: apiKey", with: "\tswiftName: apiKey") }, false),
        // The prefix is read before the first entry, so only a new name can bring its warning into a run.
        ("a name without the prefix, which warns", { $0.replacingOccurrences(of: "APP_LAST:", with: "LAST:") }, false),
        ("a comment after the last entry", { $0.replacingOccurrences(of: "Le dernier.}\n", with: "Le dernier.}\n  # The end.\n") }, true),
        ("a second document", { $0.replacingOccurrences(of: "  APP_URL:", with: "---\n  APP_URL:") }, false),
        // The first entry is the whole run: only the kept entries after it show the mapping's indentation.
        ("the first entry's key indented further", { $0.replacingOccurrences(of: "\n  APP_MODE:\n", with: "\n   APP_MODE:\n") }, false),
        ("an entry's key line indented differently", { $0.replacingOccurrences(of: "\n  APP_KEY:\n    type: string\n", with: "\n   APP_KEY:\n     type: string\n") }, false),
        ("a carriage return", { $0.replacingOccurrences(of: "How many.", with: "How\r many.") }, false),
        ("nothing", { $0 }, true),
    ]

    @Test("each edit loads as the whole file does", arguments: edits.map(\.name))
    func edit(name: String) throws {
        let edit = try #require(Self.edits.first { $0.name == name })
        let edited = edit.edit(Self.base)
        #expect(edited != Self.base || name == "nothing", "the edit applies")
        let snapshot = try #require(RegistryLoader.load(bytes: Array(Self.base.utf8), path: Self.path, reusing: nil).snapshot)
        #expect((snapshot.reloading(Array(edited.utf8), path: Self.path) != nil) == edit.isReloaded)
        try Self.expectSameLoad(Array(edited.utf8), reusing: snapshot)
    }

    @Test("a snapshot taken under another path is not reused")
    func otherPath() throws {
        let snapshot = try #require(RegistryLoader.load(bytes: Array(Self.base.utf8), path: "a/variables.yaml", reusing: nil).snapshot)
        #expect(snapshot.reloading(Array(Self.base.utf8), path: Self.path) == nil)
    }

    /// Thousands of random edits of a few bytes (characters YAML gives meaning to, line breaks, deletions),
    /// each loaded from the snapshot of the one before, so offsets the reload kept wrong would show later.
    @Test("random edits, one after another, load as the whole file does")
    func randomEdits() throws {
        var random = SplitMix64(seed: 0x5EED)
        let tokens = ["\n", " ", "  ", ":", "\"", "'", "#", "-", "[", "]", "{", "}", "|", ">", "&a", "*a", "!", ",", "x", "é", "\t", "\n  APP_NEW:\n", "\n    "]
        var reloaded = 0
        var total = 0
        for _ in 0..<40 {
            var current = Array(Self.base.utf8)
            var snapshot = RegistryLoader.load(bytes: current, path: Self.path, reusing: nil).snapshot
            for _ in 0..<40 {
                var edited = current
                let offset = Int(random.next() % UInt64(edited.count))
                switch random.next() % 5 {
                case 0: edited.insert(contentsOf: tokens[Int(random.next() % UInt64(tokens.count))].utf8, at: offset)
                case 1: edited.removeSubrange(offset..<min(edited.count, offset + 1 + Int(random.next() % 4)))
                case 2: edited[offset] = UInt8(ascii: "a") + UInt8(random.next() % 26)
                case 3:
                    // A line indented one space more or less: indentation is what YAML's structure rests on.
                    let lineStarts = [0] + edited.indices.filter { edited[$0] == UInt8(ascii: "\n") && $0 + 1 < edited.count }.map { $0 + 1 }
                    let start = lineStarts[Int(random.next() % UInt64(lineStarts.count))]
                    if random.next() % 2 == 0 { edited.insert(UInt8(ascii: " "), at: start) } else if edited[start] == UInt8(ascii: " ") { edited.remove(at: start) }
                default:
                    // A word added inside a description, the edit a reload exists for.
                    let text = String(decoding: edited, as: UTF8.self)
                    let marks = text.ranges(of: "en: ")
                    guard !marks.isEmpty else { continue }
                    let mark = marks[Int(random.next() % UInt64(marks.count))]
                    edited = Array(text.replacingCharacters(in: mark, with: "en: More ").utf8)
                }
                total += 1
                if let snapshot, snapshot.reloading(edited, path: Self.path) != nil { reloaded += 1 }
                snapshot = try Self.expectSameLoad(edited, reusing: snapshot)
                // Broken files are not kept: the next edit starts from the last file that loaded.
                if snapshot != nil { current = edited } else {
                    snapshot = RegistryLoader.load(bytes: current, path: Self.path, reusing: nil).snapshot
                }
            }
        }
        // The comparison must cover the reload, not only its fallback.
        #expect(reloaded * 5 >= total, "\(reloaded) of \(total) edits reloaded")
    }

    @Test("a snapshot archives to the same bytes every time and reads back whole")
    func archiveRoundTrip() throws {
        let snapshot = try #require(RegistryLoader.load(bytes: Array(Self.base.utf8), path: Self.path, reusing: nil).snapshot)
        let read = try #require(RegistrySnapshot(archived: ArchiveReader(snapshot.archived)))
        #expect(read == snapshot)
        #expect(read.archived == snapshot.archived)
        // Every field of the model is set somewhere in the base registry, so a field the archive drops shows here.
        let variables = snapshot.registry.variables
        #expect(variables.contains { !$0.deprecatedValues.isEmpty } && variables.contains { $0.deprecation != nil })
        #expect(variables.contains { $0.swiftName != nil && $0.example != nil && $0.isSecret && $0.constraints.pattern != nil })
        #expect(variables.contains { $0.descriptions.values.contains(where: \.isMarkedUntranslated) })
        #expect(snapshot.registry.updated != nil && snapshot.registry.swift.typeName != nil && snapshot.registry.prefix != nil)
    }

    @Test("an archive cut short or with a byte changed is refused or reads back as some valid snapshot, never traps")
    func damagedArchives() throws {
        let snapshot = try #require(RegistryLoader.load(bytes: Array(Self.base.utf8), path: Self.path, reusing: nil).snapshot)
        let archived = snapshot.archived
        for length in stride(from: 0, to: archived.count, by: 7) {
            #expect(RegistrySnapshot(archived: ArchiveReader(Array(archived[..<length]))) == nil, "cut at \(length)")
        }
        // The cache file's digest refuses changed bytes; here a changed snapshot must never crash the reader, nor
        // the reload of the file or of an edit of it, whatever marks and sizes it holds.
        let edited = Array(Self.base.replacingOccurrences(of: "How many.", with: "How many workers?").utf8)
        for offset in stride(from: 0, to: archived.count, by: 5) {
            var changed = archived
            changed[offset] ^= 0x41
            if let damaged = RegistrySnapshot(archived: ArchiveReader(changed)) {
                _ = damaged.reloading(Array(Self.base.utf8), path: Self.path)
                _ = damaged.reloading(edited, path: Self.path)
            }
        }
    }

    /// A registry as bytes, every text as it was read.
    private static func archived(_ registry: Registry?) -> [UInt8]? {
        guard let registry else { return nil }
        var archive = ArchiveWriter()
        registry.write(to: &archive)
        return archive.bytes
    }

    @Test("a replacement's values rewritten in another Unicode normalisation are loaded again for the old name too")
    func normalisation() throws {
        let text = """
            languages: [en]
            variables:
              A_LEVEL:
                type: enum
                values: [caf\u{E9}, low]
                description: {en: Level.}
              A_OTHER:
                type: string
                description: {en: Other.}
              A_OLD_LEVEL:
                deprecated: {replacement: A_LEVEL}
                description: {en: Old.}

            """
        let snapshot = try #require(RegistryLoader.load(bytes: Array(text.utf8), path: Self.path, reusing: nil).snapshot)
        let decomposed = Array(text.replacingOccurrences(of: "caf\u{E9}", with: "cafe\u{301}").utf8)
        #expect(decomposed != Array(text.utf8))
        try Self.expectSameLoad(decomposed, reusing: snapshot)
        #expect(snapshot.reloading(decomposed, path: Self.path) == nil, "the old name reads the values, so the file is loaded whole")
    }

    @Test("through a cache folder, the snapshot is rewritten only once the entries composed again reach one in 32")
    func rewrittenOnceWorthIt() throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "envref-snapshot-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var text = "languages: [en, fr]\nvariables:\n"
        for index in 0..<100 {
            text += "  V_\(index):\n    type: string\n    description:\n      en: Variable \(index).\n      fr: Variable \(index) en français.\n"
        }
        let file = directory.appending(path: "variables.yaml")
        let cache = CacheFolder(directory: directory.appending(path: "cache"), identity: "test")
        func load(_ text: String) throws -> (registry: Registry?, kept: RegistrySnapshot?) {
            try text.write(to: file, atomically: true, encoding: .utf8)
            let result = RegistryLoader.load(fileAt: file, displayPath: Self.path, cache: cache)
            #expect(result.diagnostics.isEmpty)
            #expect(result.variableDigests == result.registry.map(VariableDigest.of), "the digests come with the registry, reloaded or not")
            #expect(Self.archived(result.registry) == Self.archived(RegistryLoader.load(bytes: Array(text.utf8), path: Self.path).registry))
            return (result.registry, cache.read(RegistryLoader.snapshotFile, format: RegistryLoader.snapshotFormat).flatMap(RegistrySnapshot.init(archived:)))
        }
        let first = try load(text)
        #expect(first.kept?.registry == first.registry, "a first load composes every entry, and keeps them")

        // One description: the entry and the one before it are composed again, 2 of 100, so the file stays.
        let oneEdit = text.replacingOccurrences(of: "en: Variable 50.\n", with: "en: The fiftieth.\n")
        let edited = try load(oneEdit)
        #expect(edited.registry?.variables[50].descriptions["en"]?.text == "The fiftieth.")
        #expect(edited.kept == first.kept)
        // Loaded again, it composes the same two entries again, from the same snapshot.
        #expect(try load(oneEdit).kept == first.kept)

        // Another edit far from the first: the run from the entry before the first edit to the second is 42 entries
        // of 100, and the snapshot is replaced.
        let twoEdits = oneEdit.replacingOccurrences(of: "fr: Variable 90 en français.\n", with: "fr: La quatre-vingt-dixième.\n")
        let rewritten = try load(twoEdits)
        #expect(rewritten.kept?.registry == rewritten.registry)
        #expect(rewritten.kept != first.kept)
    }

    @Test("a run of more than a thousand entries is composed in groups, and loads as the whole file does")
    func longRun() throws {
        var text = "languages: [en, fr]\nvariables:\n"
        for index in 0..<1_100 {
            text += "  V_\(index):\n    type: string\n    description:\n      en: Variable \(index).\n      fr: Variable \(index) en français.\n"
        }
        let snapshot = try #require(RegistryLoader.load(bytes: Array(text.utf8), path: Self.path, reusing: nil).snapshot)
        let edited = text.replacingOccurrences(of: "en: Variable 1.\n", with: "en: The first variable.\n")
            .replacingOccurrences(of: "en: Variable 1099.\n", with: "en: The last variable,\n        on two lines.\n")
        #expect(snapshot.reloading(Array(edited.utf8), path: Self.path) != nil)
        try Self.expectSameLoad(Array(edited.utf8), reusing: snapshot)
    }

    @Test("a load through a cache folder reads the snapshot there, and updatingCache false leaves it as it was")
    func cacheFolder() throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "envref-snapshot-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appending(path: "variables.yaml")
        try Self.base.write(to: file, atomically: true, encoding: .utf8)
        let cache = CacheFolder(directory: directory.appending(path: "cache"), identity: "test")
        let first = RegistryLoader.load(fileAt: file, displayPath: Self.path, cache: cache)
        #expect(first.diagnostics.isEmpty)
        // A snapshot whose registry says something the file does not: only a load that reads it can return it.
        var planted = try #require(RegistryLoader.load(bytes: Array(Self.base.utf8), path: Self.path, reusing: nil).snapshot)
        var registry = planted.registry
        registry.variables[0].descriptions["en"]?.text = "Planted."
        planted = try #require(RegistrySnapshot(bytes: Array(Self.base.utf8), result: RegistryLoadResult(registry: registry, diagnostics: []),
                                                entries: RegistryLoader.loadWhole(bytes: Array(Self.base.utf8), path: Self.path).entries))
        cache.write(RegistryLoader.snapshotFile, format: RegistryLoader.snapshotFormat) { planted.write(to: &$0) }
        let second = RegistryLoader.load(fileAt: file, displayPath: Self.path, cache: cache)
        #expect(second.registry?.variables[0].descriptions["en"]?.text == "Planted.")
        // An edit read without updating the cache leaves the planted snapshot in place.
        try Self.base.replacingOccurrences(of: "How many.", with: "How many now?").write(to: file, atomically: true, encoding: .utf8)
        let edited = RegistryLoader.load(fileAt: file, displayPath: Self.path, cache: cache, updatingCache: false)
        #expect(edited.registry?.variables[2].descriptions["en"]?.text == "How many now?")
        let kept = try #require(cache.read(RegistryLoader.snapshotFile, format: RegistryLoader.snapshotFormat).flatMap(RegistrySnapshot.init(archived:)))
        #expect(kept == planted)
    }

    @discardableResult
    private static func expectSameLoad(_ bytes: [UInt8], reusing previous: RegistrySnapshot?,
                                       sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> RegistrySnapshot? {
        let (whole, entries) = RegistryLoader.loadWhole(bytes: bytes, path: path)
        let (result, snapshot, _) = RegistryLoader.load(bytes: bytes, path: path, reusing: previous)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(result.diagnostics.map(\.description) == whole.diagnostics.map(\.description), "\(text)", sourceLocation: sourceLocation)
        // Compared as bytes: `String` equality would take a value in another Unicode normalisation as the same.
        #expect(Self.archived(result.registry) == Self.archived(whole.registry), "\(text)", sourceLocation: sourceLocation)
        #expect(snapshot == RegistrySnapshot(bytes: bytes, result: whole, entries: entries), "\(text)", sourceLocation: sourceLocation)
        return snapshot
    }
}
