import EnvrefCore
import EnvrefRegistry

/// Marks translations as reviewed against the current source text: `envref translations accept`.
public enum TranslationReview {
    /// What accepting did.
    public struct Outcome: Sendable {
        /// The updated lock.
        public var lock: TranslationLock
        /// The translations now current, as (variable, language), in registry order.
        public var accepted: [(variable: String, language: LanguageCode)]
        /// Records dropped because their variable or language no longer exists.
        public var removedOrphans: [TranslationOrphan]
        /// Problems with the request; nothing should be written when any is an error.
        public var diagnostics: [Diagnostic]
    }

    /// Accepts the translations of `names` (every translated variable when `nil`) in each of `languages`.
    public static func accept(_ names: [String]?, languages: [LanguageCode], registry: Registry, lock: TranslationLock) -> Outcome {
        var outcome = Outcome(lock: lock, accepted: [], removedOrphans: [], diagnostics: [])
        let targets = registry.targetLanguages
        for language in languages where !targets.contains(language) {
            let reason = language == registry.sourceLanguage
                ? "'\(language)' is the source language; only translations are accepted"
                : "'\(language)' is not a language of the registry (translations: \(targets.map(\.rawValue).joined(separator: ", ")))"
            outcome.diagnostics.append(.error(reason))
        }
        var variables: [Variable] = []
        if let names {
            for name in names {
                if let variable = registry.variable(named: name) {
                    variables.append(variable)
                } else {
                    let hint = DidYouMean.suggestion(for: name, among: registry.variables.map(\.name)).map { "; did you mean '\($0)'?" } ?? ""
                    outcome.diagnostics.append(.error("'\(name)' is not a variable in \(registry.path)\(hint)"))
                }
            }
        } else {
            variables = registry.variables
        }
        guard !outcome.diagnostics.containsErrors else { return outcome }
        for language in languages {
            for variable in variables {
                guard let source = variable.descriptions[registry.sourceLanguage] else { continue }
                guard variable.descriptions[language] != nil else {
                    if names != nil {
                        outcome.diagnostics.append(.error("'\(variable.name)' has no \(language) translation to accept", at: variable.location))
                    }
                    continue
                }
                outcome.lock.record(variable.name, in: language, madeFrom: source.text)
                outcome.accepted.append((variable.name, language))
            }
        }
        outcome.removedOrphans = outcome.lock.removeOrphans(in: registry)
        return outcome
    }
}
