import ArgumentParser
import EnvrefCore
import EnvrefRegistry
import EnvrefTranslations
import Foundation

/// `envref po`: the gettext round trip for translators' tools.
struct PO: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "po",
        abstract: "Exchange translations with gettext PO files.",
        subcommands: [Export.self, Import.self])

    /// `envref po export`: one PO file per language.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a PO file per target language (fr.po, ...).",
            discussion: """
                msgctxt is the variable name, msgid the source text and msgstr the translation. Stale translations
                are marked '#, fuzzy' with the previous source text as '#| msgid'; missing and untranslated ones
                have an empty msgstr. GNU gettext's `msgfmt --check --statistics` accepts the files, and its
                translated / fuzzy / untranslated counts are envref diff's translated / stale /
                missing + untranslated.

                Example:
                  envref po export --lang fr --output po/
                """)

        @OptionGroup var content: ContentOptions

        @Option(name: .customLong("lang"), help: ArgumentHelp("The language to export; repeat for more (default: every target language).", valueName: "language"))
        var languages: [String] = []

        @Option(help: ArgumentHelp("The folder to write the PO files into.", valueName: "DIR"))
        var output = "."

        func run() throws {
            let loaded = try content.loadRegistryAndLock()
            let (registry, lock) = (loaded.registry, loaded.lock)
            var selected = registry.targetLanguages
            if !languages.isEmpty {
                selected = languages.map(LanguageCode.init(rawValue:))
                for language in selected where !registry.targetLanguages.contains(language) {
                    Console.printError("error: '\(language)' is not a target language of \(registry.path) (\(registry.targetLanguages.map(\.rawValue).joined(separator: ", ")))")
                    throw ExitCode.failure
                }
            }
            let files = selected.map { language in
                OutputFile(path: POExport.fileName(for: language), text: POExport.file(for: language, registry: registry, lock: lock).text())
            }
            try OutputWriter(root: URL(fileURLWithPath: output)).write(files)
            let status = TranslationStatus(registry: registry, lock: lock, languages: selected)
            for summary in status.summaries {
                let path = (output as NSString).appendingPathComponent(POExport.fileName(for: summary.language))
                print("Wrote \(path): \(summary.count(.translated)) translated, \(summary.count(.stale)) fuzzy, "
                    + "\(summary.count(.missing) + summary.count(.untranslated)) untranslated.")
            }
        }
    }

    /// `envref po import`: translated PO files back into the registry.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read translated PO files back into the registry and the lock.",
            discussion: """
                Each file's Language header names the language. Non-empty msgstr texts are written into
                variables.yaml in place, keeping the rest of the file (comments, order, layout) as it is. Entries
                that are not fuzzy count as reviewed against their msgid: current when the msgid is today's source
                text, stale otherwise. Fuzzy entries are imported but stay stale. Entries whose msgctxt is not a
                variable are reported as orphans and skipped. Problems are printed as file:line:col: error: ...;
                when there is any error, nothing is written.

                Example:
                  envref po import po/fr.po po/ja.po
                """)

        @OptionGroup var content: ContentOptions

        @Argument(help: ArgumentHelp("The translated PO files.", valueName: "FILE"))
        var files: [String]

        @Flag(name: .customLong("dry-run"), help: "Report what would change without writing anything.")
        var dryRun = false

        func run() throws {
            let loaded = try content.loadRegistryAndLock()
            let (registry, translationFiles, lock) = (loaded.registry, loaded.files, loaded.lock)
            var inputs: [POImport.Input] = []
            var parseFailed = false
            for path in files {
                let parsed = POParser.parse(fileAt: URL(fileURLWithPath: path), displayPath: path)
                Console.report(parsed.diagnostics)
                if let file = parsed.file { inputs.append(POImport.Input(file: file, path: path)) } else { parseFailed = true }
            }
            if parseFailed { throw ExitCode.failure }
            let plan = POImport.plan(inputs, registry: registry, lock: lock)
            Console.report(plan.diagnostics)
            if plan.diagnostics.containsErrors { throw ExitCode.failure }
            let original = try translationFiles.registryText()
            let edited: String
            switch RegistryEditor.apply(plan.edits, to: original, path: content.resolvedRegistryPath) {
            case .success(let text): edited = text
            case .failure(let error):
                Console.report(error.diagnostics)
                throw ExitCode.failure
            }
            var updatedLock = plan.lock
            updatedLock.removeOrphans(in: registry)
            if !dryRun { try translationFiles.write(lock: updatedLock, registryText: edited) }
            let reviewed = plan.reviewed.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            print("\(dryRun ? "Would change" : "Changed") \(plan.edits.count) \(plan.edits.count == 1 ? "description" : "descriptions") in \(content.resolvedRegistryPath); "
                + "reviewed translations: \(reviewed.isEmpty ? "none" : reviewed)"
                + (plan.orphans.isEmpty ? "." : "; \(plan.orphans.count) orphaned \(plan.orphans.count == 1 ? "entry" : "entries") skipped."))
        }
    }
}
