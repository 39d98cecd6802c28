import EnvrefCore
import EnvrefRegistry
import Foundation
import Yams

/// The tool-maintained record of which source text each translation was made from.
///
/// Kept in `translations.lock` next to the registry. For each variable and language it holds the
/// fingerprint of the source text the translation was last reviewed against, and it archives those
/// source texts by fingerprint so reports can show what the source said before it changed.
/// Translators never edit it: `envref translations accept`, `envref po import` and `envref import`
/// write it.
public struct TranslationLock: Hashable, Sendable {
    /// The file name, always next to the registry.
    public static let fileName = "translations.lock"

    /// One recorded translation.
    public struct Entry: Hashable, Sendable {
        /// The fingerprint of the source text the translation was made from.
        public var fingerprint: String
        /// Where the entry is written in the lock file, when it was read from one.
        public var location: SourceLocation?

        /// Creates an entry.
        public init(fingerprint: String, location: SourceLocation? = nil) {
            self.fingerprint = fingerprint
            self.location = location
        }
    }

    /// Recorded translations: variable name, then language.
    public var entries: [String: [LanguageCode: Entry]]
    /// Source texts by fingerprint, so a report can show the previous source beside the current one.
    public var sources: [String: String]
    /// The path diagnostics show.
    public var path: String

    /// An empty lock, as when no translation has been reviewed yet.
    public init(path: String, entries: [String: [LanguageCode: Entry]] = [:], sources: [String: String] = [:]) {
        self.path = path
        self.entries = entries
        self.sources = sources
    }

    /// The lock file that belongs to a registry file.
    public static func url(besideRegistry registry: URL) -> URL {
        registry.deletingLastPathComponent().appending(path: fileName)
    }

    /// The display path of the lock that belongs to a registry shown as `registryPath`.
    public static func displayPath(besideRegistry registryPath: String) -> String {
        let folder = (registryPath as NSString).deletingLastPathComponent
        return folder.isEmpty ? fileName : (folder as NSString).appendingPathComponent(fileName)
    }

    /// The fingerprint recorded for a translation.
    public func fingerprint(of variable: String, in language: LanguageCode) -> String? {
        entries[variable]?[language]?.fingerprint
    }

    /// The source text a fingerprint stands for, when the lock archived it.
    public func sourceText(for fingerprint: String) -> String? {
        sources[fingerprint]
    }

    /// Records that the translation of `variable` into `language` was made from `sourceText`.
    public mutating func record(_ variable: String, in language: LanguageCode, madeFrom sourceText: String) {
        let normalised = Fingerprint.normalised(sourceText)
        let fingerprint = Fingerprint.of(normalised: normalised)
        entries[variable, default: [:]][language] = Entry(fingerprint: fingerprint)
        sources[fingerprint] = normalised
    }

    /// Forgets a translation's record, so it counts as not reviewed.
    public mutating func forget(_ variable: String, in language: LanguageCode) {
        guard let fingerprint = entries[variable]?[language]?.fingerprint else { return }
        entries[variable]?[language] = nil
        if entries[variable]?.isEmpty == true { entries[variable] = nil }
        if !entries.values.contains(where: { $0.values.contains { $0.fingerprint == fingerprint } }) {
            sources[fingerprint] = nil
        }
    }

    /// Entries for variables or languages the registry does not have. The registry's names must be unique, as
    /// every loaded registry's are (a duplicate key is an error).
    public func orphans(in registry: Registry) -> [TranslationOrphan] {
        // When every recorded name is the registry's, as it is but for renames, counting them spares a set of
        // every name; targets are a handful, compared in turn rather than hashed for each of the lock's records.
        // Read by index, as elsewhere: iterating the variables copies each whole, every field retained.
        let recordedNames = registry.variables.indices.count { entries[registry.variables[$0].name] != nil }
        let allNames = { Set(registry.variables.indices.map { registry.variables[$0].name }) }
        assert(allNames().count == registry.variables.count, "duplicate names")
        let names = recordedNames == entries.count ? nil : allNames()
        let targets = registry.targetLanguages
        var orphans: [TranslationOrphan] = []
        for (variable, languages) in entries {
            for (language, entry) in languages {
                let reason: String
                if let names, !names.contains(variable) {
                    reason = "the registry has no variable '\(variable)'"
                } else if language == registry.sourceLanguage {
                    reason = "'\(language)' is the source language"
                } else if !targets.contains(language) {
                    reason = "the registry does not declare language '\(language)'"
                } else {
                    continue
                }
                orphans.append(TranslationOrphan(variable: variable, language: language, location: entry.location, reason: reason))
            }
        }
        return orphans.sorted()
    }

    /// Drops orphaned entries and returns them.
    @discardableResult
    public mutating func removeOrphans(in registry: Registry) -> [TranslationOrphan] {
        let orphans = orphans(in: registry)
        for orphan in orphans { forget(orphan.variable, in: orphan.language) }
        return orphans
    }
}

/// A translation recorded for a variable or language that the registry does not have.
public struct TranslationOrphan: Hashable, Sendable, Comparable {
    /// The variable name as recorded.
    public var variable: String
    /// The language as recorded.
    public var language: LanguageCode
    /// Where it was found.
    public var location: SourceLocation?
    /// Why it is an orphan.
    public var reason: String

    /// Creates an orphan.
    public init(variable: String, language: LanguageCode, location: SourceLocation?, reason: String) {
        self.variable = variable
        self.language = language
        self.location = location
        self.reason = reason
    }

    /// Orders by position (records with one first), then name and language.
    public static func < (lhs: TranslationOrphan, rhs: TranslationOrphan) -> Bool {
        func key(_ orphan: TranslationOrphan) -> (Int, String, Int, Int, String, String) {
            let location = orphan.location
            return (location == nil ? 1 : 0, location?.path ?? "", location?.line ?? 0, location?.column ?? 0,
                    orphan.variable, orphan.language.rawValue)
        }
        return key(lhs) < key(rhs)
    }
}
