import EnvrefCore
import EnvrefRegistry

/// Where one translation stands.
public enum TranslationState: String, CaseIterable, Hashable, Sendable, Comparable {
    /// Present, reviewed against the current source text.
    case translated
    /// Present, but the source text changed since (or it was never reviewed against it).
    case stale
    /// Present but still in the source language: identical to it, flagged, or obviously not translated.
    case untranslated
    /// Absent.
    case missing

    /// Orders as listed: translated first, missing last.
    public static func < (lhs: TranslationState, rhs: TranslationState) -> Bool {
        lhs.index < rhs.index
    }

    /// The state's place in `allCases`.
    var index: Int {
        switch self {
        case .translated: 0
        case .stale: 1
        case .untranslated: 2
        case .missing: 3
        }
    }
}

/// Why a translation counts as untranslated.
public enum UntranslatedReason: Hashable, Sendable {
    /// The text is the source text.
    case identicalToSource
    /// The registry flags it with `untranslated: true`.
    case marked
    /// The text is evidently in another language (see `SourceLanguageCheck`).
    case wrongLanguage(String)

    /// What is wrong, phrased to follow "the fr text": "is identical to the source text".
    public var explanation: String {
        switch self {
        case .identicalToSource: "is identical to the source text"
        case .marked: "is marked untranslated in the registry"
        case .wrongLanguage(let detail): detail
        }
    }
}

/// Why a translation counts as stale.
public enum Staleness: Hashable, Sendable {
    /// The lock has no record for it: it was never reviewed against the current source text.
    case neverReviewed
    /// The source text changed since; the previous text when the lock archived it.
    case sourceChanged(previous: String?)
}

/// The state of one variable in one language.
public struct TranslationCell: Hashable, Sendable {
    /// The variable.
    public var variable: String
    /// The translation's language.
    public var language: LanguageCode
    /// Its state.
    public var state: TranslationState
    /// For untranslated texts, why.
    public var untranslatedReason: UntranslatedReason?
    /// For stale texts, why.
    public var staleness: Staleness?
    /// Code spans naming values, variables or defaults that the source text and registry do not have.
    public var valueDrift: [DriftTerm]
    /// The translation's position in the registry, or the variable's when the translation is missing.
    public var location: SourceLocation
    /// The translation, when present.
    public var text: String?

    /// The source text the translation was made from, when it is stale and the lock archived it.
    public var previousSource: String? {
        if case .sourceChanged(let previous)? = staleness { return previous }
        return nil
    }
}

/// One row of the matrix: a variable and its state in every target language.
public struct TranslationRow: Hashable, Sendable {
    /// The variable's name.
    public var variable: String
    /// Whether it is a deprecated name.
    public var isDeprecated: Bool
    /// The current source text.
    public var sourceText: String
    /// Where the variable is declared.
    public var location: SourceLocation
    /// One cell per target language, in registry order.
    public var cells: [TranslationCell]
}

/// Counts and names for one language.
public struct LanguageSummary: Hashable, Sendable {
    /// The language.
    public var language: LanguageCode
    /// How many variables the registry has (every one needs a translation).
    public var total: Int
    /// The variables in each state, in registry order.
    public var variables: [TranslationState: [String]]
    /// The variables whose translation drifts from the registry's values, in registry order.
    public var valueDrift: [String]

    /// How many variables are in `state`.
    public func count(_ state: TranslationState) -> Int { variables[state]?.count ?? 0 }

    /// The share of variables translated and current, from 0 to 100.
    public var coverage: Double {
        total == 0 ? 100 : Double(count(.translated)) * 100 / Double(total)
    }

    /// Coverage with one decimal, as reports print it: `83.3%`.
    public var coverageText: String {
        let tenths = Int((coverage * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }
}

/// The translation state of a whole registry: the variable × language matrix, per-language
/// summaries and orphans. A pure function of the registry and the lock; the docs build renders it
/// as the translations page, `envref diff` as reports.
public struct TranslationStatus: Hashable, Sendable {
    /// The registry's path, as diagnostics show it.
    public var registryPath: String
    /// The language translations are made from.
    public var sourceLanguage: LanguageCode
    /// The target languages reported on, in registry order.
    public var languages: [LanguageCode]
    /// One row per variable, in registry order.
    public var rows: [TranslationRow]
    /// One summary per reported language.
    public var summaries: [LanguageSummary]
    /// Recorded translations for variables or languages the registry does not have.
    public var orphans: [TranslationOrphan]

    /// Computes the status; `languages` limits it to some target languages (all when `nil`). With a `cache`, the
    /// verdicts of every variable whose inputs are those of an earlier run are taken from it, and (with
    /// `updatingCache`) this run's are kept there once enough of them are new (`CacheFolder.isWorthRewriting`);
    /// the status is the same as without one (`StatusVerdicts`). `variableDigests` must be the registry's,
    /// `VariableDigest.of(registry)`, as its load through the cache gives them: they spare the status working them
    /// out, and verdicts are kept under them.
    public init(registry: Registry, lock: TranslationLock, languages: [LanguageCode]? = nil, cache: CacheFolder? = nil,
                updatingCache: Bool = true, variableDigests: [VariableDigest]? = nil) {
        registryPath = registry.path
        sourceLanguage = registry.sourceLanguage
        let wanted = languages.map(Set.init)
        let reported = registry.targetLanguages.filter { wanted?.contains($0) ?? true }
        let cached = cache.map { cache -> (stored: StatusVerdicts, keys: [ContentDigest]) in
            // Digests the caller gives are checked whole in debug builds; those worked out here need no check.
            assert(variableDigests.map { $0 == VariableDigest.of(registry) } ?? true, "the digests of another registry")
            let digests = variableDigests ?? VariableDigest.of(registry)
            let stored = StatusVerdicts(registry: registry, variableDigests: digests, reported: reported, cache: cache)
            return (stored, Array(registry.variables.indices).parallelMap { stored.key(ofVariableNamed: registry.variables[$0].name, digest: digests[$0], lock: lock) })
        }
        let cachedVerdicts = cached.map { cached in cached.keys.map { cached.stored.verdicts[$0] } }
            ?? Array(repeating: nil, count: registry.variables.count)
        // Indexing every variable's name and facts is worth it only when some row is worked out.
        let drift = cachedVerdicts.contains { $0 == nil } ? ValueDriftCheck(registry: registry) : nil
        // Every row is independent of the others; at 10,000 variables this is most of `envref diff`.
        let rows = Array(registry.variables.indices).parallelMap { index -> TranslationRow in
            // The variable is passed in place: a copy of each would retain and release its every field.
            Self.row(of: registry.variables[index], verdicts: cachedVerdicts[index], reported: reported,
                     sourceLanguage: registry.sourceLanguage, lock: lock, drift: drift)
        }
        let reused = cachedVerdicts.count { $0 != nil }
        if updatingCache, let (kept, keys) = cached,
           CacheFolder.isWorthRewriting(missing: rows.count - reused + kept.verdicts.count - reused, of: rows.count) {
            var stored = kept
            stored.verdicts = Dictionary(zip(keys, rows.map { $0.cells.map(StatusVerdicts.Verdict.init) }), uniquingKeysWith: { first, _ in first })
            stored.store()
        }
        self.languages = reported
        self.rows = rows
        summaries = reported.enumerated().map { index, language in
            // Gathered by the state's place among the cases, then keyed: hashing a state for each of 50,000 cells
            // cost more than the gathering.
            var byState = Array(repeating: [String](), count: TranslationState.allCases.count)
            var drifting: [String] = []
            // Each cell read in place, not copied out of its row: there are 50,000 of them at 10,000 variables.
            for row in rows.indices {
                byState[rows[row].cells[index].state.index].append(rows[row].variable)
                if !rows[row].cells[index].valueDrift.isEmpty { drifting.append(rows[row].variable) }
            }
            let variables = Dictionary(uniqueKeysWithValues: zip(TranslationState.allCases, byState).filter { !$0.1.isEmpty })
            return LanguageSummary(language: language, total: rows.count, variables: variables, valueDrift: drifting)
        }
        orphans = lock.orphans(in: registry)
    }

    /// The row of `variable`: from its kept `verdicts` when there are some, worked out otherwise (`drift` is
    /// then the registry's value-drift check).
    private static func row(of variable: Variable, verdicts: [StatusVerdicts.Verdict]?, reported: [LanguageCode], sourceLanguage: LanguageCode,
                            lock: TranslationLock, drift: ValueDriftCheck?) -> TranslationRow {
        let sourceText = variable.descriptions[sourceLanguage]?.text ?? ""
        if let verdicts {
            let cells = zip(reported, verdicts).map { language, verdict in verdict.cell(of: variable, in: language) }
            return row(variable, source: sourceText, cells: cells)
        }
        // Made whenever a row has no verdicts.
        let drift = drift!
        let source = SourceText(sourceText)
        let cells = reported.map { language in
            cell(variable, language: language, source: source, sourceLanguage: sourceLanguage, lock: lock, drift: drift)
        }
        return row(variable, source: source.text, cells: cells)
    }

    private static func row(_ variable: Variable, source: String, cells: [TranslationCell]) -> TranslationRow {
        TranslationRow(variable: variable.name, isDeprecated: variable.isDeprecated, sourceText: source, location: variable.location, cells: cells)
    }

    /// What every language's check reads from the source text, worked out once per variable rather than
    /// once per translation: the fingerprint and the word set dominate a large registry's status.
    private final class SourceText {
        let text: String
        lazy var trimmed = text.trimmingWhitespace()
        lazy var fingerprint = Fingerprint.of(text)
        lazy var words = ValueDriftCheck.wordSet(of: text)

        init(_ text: String) { self.text = text }
    }

    private static func cell(_ variable: Variable, language: LanguageCode, source: SourceText, sourceLanguage: LanguageCode,
                             lock: TranslationLock, drift: ValueDriftCheck) -> TranslationCell {
        guard let translation = variable.descriptions[language] else {
            return TranslationCell(variable: variable.name, language: language, state: .missing, valueDrift: [],
                                   location: variable.location, text: nil)
        }
        var cell = TranslationCell(variable: variable.name, language: language, state: .translated, valueDrift: [],
                                   location: translation.location, text: translation.text)
        let isIdentical = translation.text.trimmingWhitespace() == source.trimmed
        if !isIdentical {
            cell.valueDrift = drift.terms(in: translation.text, sourceWords: source.words, of: variable)
        }
        if isIdentical {
            cell.untranslatedReason = .identicalToSource
        } else if translation.isMarkedUntranslated {
            cell.untranslatedReason = .marked
        } else if let detail = SourceLanguageCheck.leftUntranslated(translation.text, language: language, sourceLanguage: sourceLanguage) {
            cell.untranslatedReason = .wrongLanguage(detail)
        }
        if cell.untranslatedReason != nil {
            cell.state = .untranslated
            return cell
        }
        let current = source.fingerprint
        switch lock.fingerprint(of: variable.name, in: language) {
        case current?:
            break
        case let recorded?:
            cell.state = .stale
            cell.staleness = .sourceChanged(previous: lock.sourceText(for: recorded))
        case nil:
            cell.state = .stale
            cell.staleness = .neverReviewed
        }
        return cell
    }

    /// The summary of one language.
    public func summary(for language: LanguageCode) -> LanguageSummary? {
        summaries.first { $0.language == language }
    }

    /// Every cell of one language, in registry order.
    public func cells(for language: LanguageCode) -> [TranslationCell] {
        guard let index = languages.firstIndex(of: language) else { return [] }
        return rows.map { $0.cells[index] }
    }
}
