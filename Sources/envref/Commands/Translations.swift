import ArgumentParser
import EnvrefCore
import EnvrefRegistry
import EnvrefTranslations

/// `envref translations`: manage the review state of translations.
struct Translations: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage translation review state (translations.lock).",
        subcommands: [Accept.self])

    /// `envref translations accept`: record translations as reviewed against the current source text.
    struct Accept: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Mark translations as current after reviewing them against the source text.",
            discussion: """
                Records, in <content>/translations.lock, the fingerprint of each variable's current source text
                for the given translations, so `envref diff` reports them as translated until the source text
                changes again. Records for variables or languages the registry no longer has are removed.

                Examples:
                  envref translations accept --lang fr WANDB_MODE WANDB_TAGS
                  envref translations accept --lang fr --lang ja --all
                """)

        @OptionGroup var content: ContentOptions

        @Option(name: .customLong("lang"), help: ArgumentHelp("The translation's language; repeat for more.", valueName: "language"))
        var languages: [String]

        @Flag(help: "Accept every existing translation in the given languages.")
        var all = false

        @Argument(help: ArgumentHelp("The variables whose translations were reviewed.", valueName: "NAME"))
        var names: [String] = []

        func validate() throws {
            if languages.isEmpty { throw ValidationError("give the translations' language with --lang") }
            if all == !names.isEmpty { throw ValidationError(all ? "give either --all or variable names, not both" : "give variable names, or --all") }
        }

        func run() throws {
            let loaded = try content.loadRegistryAndLock()
            let (registry, files, lock) = (loaded.registry, loaded.files, loaded.lock)
            let outcome = TranslationReview.accept(all ? nil : names, languages: languages.map(LanguageCode.init(rawValue:)),
                                                   registry: registry, lock: lock)
            Console.report(outcome.diagnostics)
            if outcome.diagnostics.containsErrors { throw ExitCode.failure }
            try files.write(lock: outcome.lock)
            let grouped = Dictionary(grouping: outcome.accepted, by: \.language)
            for language in languages.map(LanguageCode.init(rawValue:)) {
                let accepted = grouped[language] ?? []
                print("Accepted \(accepted.count) \(language) \(accepted.count == 1 ? "translation" : "translations")"
                    + (all || accepted.isEmpty ? "." : ": " + accepted.map(\.variable).joined(separator: ", ")))
            }
            if !outcome.removedOrphans.isEmpty {
                print("Removed \(outcome.removedOrphans.count) records for variables or languages the registry no longer has.")
            }
        }
    }
}
