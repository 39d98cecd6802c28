import EnvrefCore

/// A finding that can make `envref diff` fail, for CI.
public enum FailureCondition: String, CaseIterable, Hashable, Sendable, Comparable {
    /// A translation is absent.
    case missing
    /// A translation was made from an older source text.
    case stale
    /// A translation is still in the source language.
    case untranslated
    /// A translation names values or variables the registry no longer has.
    case drift
    /// The lock records translations of unknown variables or languages.
    case orphans

    /// Orders as declared.
    public static func < (lhs: FailureCondition, rhs: FailureCondition) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// Parses `missing,stale` (commas or spaces); the error names the unknown word and suggests a fix.
    public static func parseList(_ text: String) throws(FailureConditionError) -> Set<FailureCondition> {
        var result = Set<FailureCondition>()
        for word in text.split(whereSeparator: { $0 == "," || $0 == " " }).map({ String($0).lowercased() }) {
            if let condition = FailureCondition(rawValue: word) ?? (word == "valuedrift" || word == "value-drift" ? .drift : nil)
                ?? (word == "orphan" ? .orphans : nil)
            {
                result.insert(condition)
            } else {
                throw FailureConditionError(word: word)
            }
        }
        return result
    }
}

/// An unknown word in `--fail-on`.
public struct FailureConditionError: Error, CustomStringConvertible, Sendable {
    /// The word as given.
    public var word: String

    /// `unknown condition 'stail'; did you mean 'stale'? expected missing, stale, ...`
    public var description: String {
        let names = FailureCondition.allCases.map(\.rawValue)
        let hint = DidYouMean.suggestion(for: word, among: names).map { "did you mean '\($0)'? " } ?? ""
        return "unknown condition '\(word)'; \(hint)expected a comma-separated list of \(names.joined(separator: ", "))"
    }
}

/// Decides whether a translation status fails a CI check.
public struct FailurePolicy: Hashable, Sendable {
    /// Findings that fail the check.
    public var conditions: Set<FailureCondition>
    /// The lowest acceptable coverage, in percent, for every reported language.
    public var minimumCoverage: Double?

    /// Creates a policy.
    public init(conditions: Set<FailureCondition> = [], minimumCoverage: Double? = nil) {
        self.conditions = conditions
        self.minimumCoverage = minimumCoverage
    }

    /// One line per reason the check fails; empty when it passes.
    public func failures(in status: TranslationStatus) -> [String] {
        var reasons: [String] = []
        for summary in status.summaries {
            let language = summary.language.rawValue
            for condition in conditions.sorted() {
                let count: Int
                switch condition {
                case .missing: count = summary.count(.missing)
                case .stale: count = summary.count(.stale)
                case .untranslated: count = summary.count(.untranslated)
                case .drift: count = summary.valueDrift.count
                case .orphans: continue
                }
                if count > 0 {
                    let noun = condition == .drift ? "with value drift" : condition.rawValue
                    reasons.append("\(language): \(count) \(count == 1 ? "translation" : "translations") \(noun) (--fail-on \(condition.rawValue))")
                }
            }
            if let minimumCoverage, summary.coverage < minimumCoverage {
                reasons.append("\(language): coverage \(summary.coverageText) is below --min-coverage \(Self.percent(minimumCoverage))")
            }
        }
        if conditions.contains(.orphans), !status.orphans.isEmpty {
            let count = status.orphans.count
            reasons.append("\(count) orphaned translation \(count == 1 ? "record" : "records") (--fail-on orphans)")
        }
        return reasons
    }

    /// Whether a finding of this kind is one that fails the check (reports show it as an error).
    public func fails(on condition: FailureCondition) -> Bool { conditions.contains(condition) }

    static func percent(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value))%" : "\(value)%"
    }
}
