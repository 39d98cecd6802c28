import Foundation

/// The machine-readable report. Its core keys are a contract:
/// `{"sourceLanguage", "languages": {L: {"total", "translated", "missing", "stale", "untranslated", "valueDrift"}}, "orphans"}`;
/// the other keys add details. Keys are sorted so output is deterministic.
enum JSONReport {
    struct Document: Encodable {
        var registry: String
        var sourceLanguage: String
        var languages: [String: Language]
        var orphans: [Orphan]
    }

    struct Language: Encodable {
        var total: Int
        var translated: Int
        var coverage: Double
        var missing: [String]
        var stale: [String]
        var untranslated: [String]
        var valueDrift: [String]
        var staleDetails: [Stale]
        var untranslatedDetails: [Untranslated]
        var valueDriftDetails: [Drift]
    }

    struct Stale: Encodable {
        var variable: String
        var location: String
        var neverReviewed: Bool
        var previousSource: String?
        var currentSource: String

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(variable, forKey: .variable)
            try container.encode(location, forKey: .location)
            try container.encode(neverReviewed, forKey: .neverReviewed)
            // Always present, `null` when the lock has no archived text.
            try container.encode(previousSource, forKey: .previousSource)
            try container.encode(currentSource, forKey: .currentSource)
        }

        enum CodingKeys: String, CodingKey { case variable, location, neverReviewed, previousSource, currentSource }
    }

    struct Untranslated: Encodable {
        var variable: String
        var location: String
        var reason: String
    }

    struct Drift: Encodable {
        var variable: String
        var location: String
        var term: String
        var explanation: String
    }

    struct Orphan: Encodable {
        var variable: String
        var language: String
        var location: String?
        var reason: String
    }

    static func render(_ status: TranslationStatus) -> String {
        var languages: [String: Language] = [:]
        for (index, summary) in status.summaries.enumerated() {
            var stale: [Stale] = [], untranslated: [Untranslated] = [], drift: [Drift] = []
            // One pass over the rows, reading each cell in place: at 10,000 variables, copying every row and cell
            // into pairs first took most of the report's time, for a report that is mostly counts.
            for row in status.rows.indices where status.rows[row].cells[index].state != .translated || !status.rows[row].cells[index].valueDrift.isEmpty {
                let variable = status.rows[row].variable, cell = status.rows[row].cells[index]
                if cell.state == .stale {
                    stale.append(Stale(variable: variable, location: cell.location.description, neverReviewed: cell.staleness == .neverReviewed,
                                       previousSource: cell.previousSource, currentSource: status.rows[row].sourceText))
                }
                if let reason = cell.untranslatedReason {
                    untranslated.append(Untranslated(variable: variable, location: cell.location.description, reason: reason.explanation))
                }
                drift += cell.valueDrift.map {
                    Drift(variable: variable, location: cell.location.description, term: $0.term, explanation: $0.explanation)
                }
            }
            languages[summary.language.rawValue] = Language(
                total: summary.total,
                translated: summary.count(.translated),
                coverage: (summary.coverage * 10).rounded() / 10,
                missing: summary.variables[.missing] ?? [],
                stale: summary.variables[.stale] ?? [],
                untranslated: summary.variables[.untranslated] ?? [],
                valueDrift: summary.valueDrift,
                staleDetails: stale, untranslatedDetails: untranslated, valueDriftDetails: drift)
        }
        let document = Document(
            registry: status.registryPath, sourceLanguage: status.sourceLanguage.rawValue, languages: languages,
            orphans: status.orphans.map {
                Orphan(variable: $0.variable, language: $0.language.rawValue, location: $0.location?.description, reason: $0.reason)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding these plain structs cannot fail.
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
