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
            let pairs = status.rows.map { ($0, $0.cells[index]) }
            languages[summary.language.rawValue] = Language(
                total: summary.total,
                translated: summary.count(.translated),
                coverage: (summary.coverage * 10).rounded() / 10,
                missing: summary.variables[.missing] ?? [],
                stale: summary.variables[.stale] ?? [],
                untranslated: summary.variables[.untranslated] ?? [],
                valueDrift: summary.valueDrift,
                staleDetails: pairs.filter { $0.1.state == .stale }.map { row, cell in
                    Stale(variable: row.variable, location: cell.location.description, neverReviewed: cell.staleness == .neverReviewed,
                          previousSource: cell.previousSource, currentSource: row.sourceText)
                },
                untranslatedDetails: pairs.compactMap { row, cell in
                    cell.untranslatedReason.map {
                        Untranslated(variable: row.variable, location: cell.location.description, reason: $0.explanation)
                    }
                },
                valueDriftDetails: pairs.flatMap { row, cell in
                    cell.valueDrift.map {
                        Drift(variable: row.variable, location: cell.location.description, term: $0.term, explanation: $0.explanation)
                    }
                })
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
