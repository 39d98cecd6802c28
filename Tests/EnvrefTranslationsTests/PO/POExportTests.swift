import EnvrefCore
import EnvrefRegistry
import Foundation
import SnapshotTesting
import Testing

@testable import EnvrefTranslations

@Suite("gettext PO export")
struct POExportTests {
    static func export(_ language: LanguageCode) throws -> POFile {
        let registry = try Demo.registry()
        return POExport.file(for: language, registry: registry, lock: Demo.lock(for: registry))
    }

    @Test("msgctxt is the name, msgid the source, msgstr the translation; stale is fuzzy with the previous msgid")
    func frenchFile() throws {
        assertSnapshot(of: try Self.export("fr").text(), as: .lines)
    }

    @Test("the exported text parses back to the same file")
    func parsesBack() throws {
        for language: LanguageCode in ["fr", "ja"] {
            let file = try Self.export(language)
            let parsed = POParser.parse(file.text(), path: "\(language).po")
            #expect(parsed.diagnostics.isEmpty)
            var expected = file
            expected.entries = expected.entries.map { entry in
                var copy = entry
                copy.location = parsed.file?.entries.first { $0.context == entry.context }?.location
                return copy
            }
            #expect(parsed.file == expected)
        }
    }

    @Test("msgfmt --check accepts every exported file and counts what envref diff counts",
          .enabled(if: Msgfmt.isAvailable, Msgfmt.missingReason))
    func msgfmtAgrees() throws {
        let status = try Demo.status()
        for summary in status.summaries {
            let result = try Msgfmt.check(try Self.export(summary.language).text())
            #expect(result.status == 0, "msgfmt rejected \(summary.language).po: \(result.output)")
            let expected = Msgfmt.Statistics(
                translated: summary.count(.translated), fuzzy: summary.count(.stale),
                untranslated: summary.count(.missing) + summary.count(.untranslated))
            #expect(result.statistics == expected, "\(summary.language): \(result.output)")
            #expect(!result.output.contains("warning"), "msgfmt warned about \(summary.language).po: \(result.output)")
        }
    }

    @Test("msgfmt accepts the export of a registry with awkward texts: quotes, backslashes, tabs, blank lines",
          .enabled(if: Msgfmt.isAvailable, Msgfmt.missingReason))
    func awkwardTexts() throws {
        let yaml = #"""
            languages: [en, de]
            variables:
              A_B:
                type: string
                description:
                  en: "Say \"hi\" \\ then\ttab.\n\nSecond paragraph.\n"
                  de: "Sag \"hallo\" \\ dann\ttab.\n\nZweiter Absatz."

            """#
        let registry = try #require(RegistryLoader.load(bytes: Array(yaml.utf8), path: "v.yaml").registry)
        var lock = TranslationLock(path: "l")
        lock.record("A_B", in: "de", madeFrom: registry.variables[0].descriptions["en"]!.text)
        let file = POExport.file(for: "de", registry: registry, lock: lock)
        let result = try Msgfmt.check(file.text())
        #expect(result.status == 0, "\(result.output)")
        #expect(result.statistics == Msgfmt.Statistics(translated: 1))
        #expect(POParser.parse(file.text(), path: "de.po").file?.entries.first?.translation == "Sag \"hallo\" \\ dann\ttab.\n\nZweiter Absatz.")
    }
}
