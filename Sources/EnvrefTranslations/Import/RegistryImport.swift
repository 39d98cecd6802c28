import EnvrefCore
import EnvrefRegistry

/// Builds a new registry from hand-written pages, one per language: `envref import`.
///
/// Variables come in the source page's order, then those only other pages document. Every
/// variable gets `type: string` (pages do not state types reliably; refine them afterwards) and
/// the default the source page states as a single code span. Translations made next to the
/// source text they describe are recorded in the lock as current.
public enum RegistryImport {
    /// What an import produces.
    public struct Result: Sendable {
        /// The new registry.
        public var registry: Registry
        /// Its YAML text, as the loader reads it.
        public var yaml: String
        /// The lock to write next to it.
        public var lock: TranslationLock
        /// Warnings from the pages and from assembling them.
        public var diagnostics: [Diagnostic]
    }

    /// The banner of an imported registry.
    static let banner = [
        "yaml-language-server: $schema=variables.schema.json",
        "Imported by `envref import` from hand-written pages. From now on this file is the source:",
        "edit it by hand (refine each variable's type, values and default), then run `envref validate`.",
    ]

    /// Assembles the pages into a registry at `outputPath`; fails with every error found.
    public static func build(_ pages: [ImportedPage], sourceLanguage requested: LanguageCode? = nil,
                             outputPath: String) -> Swift.Result<Result, DiagnosticsError> {
        var diagnostics = pages.flatMap(\.diagnostics)
        var byLanguage: [LanguageCode: ImportedPage] = [:]
        for page in pages {
            let start = SourceLocation(path: page.path, line: 1, column: 1)
            guard let language = page.language else {
                diagnostics.append(.error("cannot tell the page's language; name the file like fr.md or fr-FR.md, add 'lang: fr' to its front matter, or pass --lang", at: start))
                continue
            }
            if let first = byLanguage[language] {
                diagnostics.append(.error("a second page in '\(language)' (the first is \(first.path)); import one page per language", at: start))
                continue
            }
            byLanguage[language] = page
        }
        guard !byLanguage.isEmpty, !diagnostics.containsErrors else {
            if byLanguage.isEmpty, !diagnostics.containsErrors { diagnostics.append(.error("no pages to import")) }
            return .failure(DiagnosticsError(diagnostics))
        }
        let source: LanguageCode
        if let requested {
            guard byLanguage[requested] != nil else {
                let found = byLanguage.keys.sorted().map(\.rawValue).joined(separator: ", ")
                return .failure(DiagnosticsError(diagnostics + [.error("no page is in the source language '\(requested)' (pages: \(found))")]))
            }
            source = requested
        } else {
            source = defaultSourceLanguage(among: Array(byLanguage.keys), firstPage: pages.first { $0.language != nil }?.language)
        }
        let languages = [source] + byLanguage.keys.filter { $0 != source }.sorted()

        var order: [String] = []
        var entries: [String: [LanguageCode: PageEntry]] = [:]
        for language in languages {
            for entry in byLanguage[language]!.entries {
                if entries[entry.name] == nil { order.append(entry.name) }
                entries[entry.name, default: [:]][language] = entry
            }
        }

        var variables: [Variable] = []
        var lock = TranslationLock(path: TranslationLock.displayPath(besideRegistry: outputPath))
        let nowhere = SourceLocation(path: outputPath, line: 1, column: 1)
        for name in order {
            let documented = entries[name]!
            var descriptions: [LanguageCode: LocalizedText] = [:]
            let sourceText: String
            if let entry = documented[source], !entry.description.isEmpty {
                sourceText = entry.description
            } else if let entry = documented[source] {
                sourceText = "No description yet."
                diagnostics.append(.warning("'\(name)' has no description text on the \(source) page; wrote a placeholder", at: entry.location))
            } else {
                let first = languages.compactMap { documented[$0] }.first!
                let language = languages.first { documented[$0] != nil }!
                sourceText = "No \(source) description yet; see the \(language) text."
                diagnostics.append(.warning("'\(name)' is documented in \(language) but not on the \(source) page; wrote a placeholder \(source) description", at: first.location))
            }
            descriptions[source] = LocalizedText(text: sourceText, location: nowhere)
            for language in languages.dropFirst() {
                guard let entry = documented[language] else { continue }
                guard !entry.description.isEmpty else {
                    diagnostics.append(.warning("'\(name)' has no description text on the \(language) page; left its translation missing", at: entry.location))
                    continue
                }
                descriptions[language] = LocalizedText(text: entry.description, location: nowhere)
                if documented[source].map({ !$0.description.isEmpty }) == true, entry.description != sourceText {
                    lock.record(name, in: language, madeFrom: sourceText)
                }
            }
            let defaultValue = documented[source]?.defaultValue.map(Value.string)
            variables.append(Variable(name: name, type: .string, defaultValue: defaultValue, descriptions: descriptions, location: nowhere))
        }
        let registry = Registry(languages: languages, prefix: commonPrefix(order), variables: variables, path: outputPath)
        let yaml = RegistryEmitter.yaml(for: registry, comments: banner)
        let reloaded = RegistryLoader.load(bytes: Array(yaml.utf8), path: outputPath)
        guard let loaded = reloaded.registry else {
            return .failure(DiagnosticsError(diagnostics + reloaded.diagnostics))
        }
        return .success(Result(registry: loaded, yaml: yaml, lock: lock, diagnostics: diagnostics.sorted()))
    }

    /// `en` when a page is in English (`en`, then `en-US` and the like), otherwise the first page's language.
    static func defaultSourceLanguage(among languages: [LanguageCode], firstPage: LanguageCode?) -> LanguageCode {
        if languages.contains("en") { return "en" }
        if let english = languages.sorted().first(where: { $0.rawValue.hasPrefix("en-") }) { return english }
        return firstPage ?? languages.sorted()[0]
    }

    /// The `PREFIX_` every name shares, when there are at least two names.
    static func commonPrefix(_ names: [String]) -> String? {
        guard names.count >= 2, let first = names.first, let underscore = first.firstIndex(of: "_") else { return nil }
        let prefix = String(first[...underscore])
        guard RegistrySchema.isValidName(prefix), names.allSatisfy({ $0.hasPrefix(prefix) && $0.count > prefix.count }) else { return nil }
        return prefix
    }
}
