import Foundation

/// The terminal report: a table per language, then the details a translator acts on.
enum TextReport {
    static let width = 100

    static func render(_ status: TranslationStatus) -> String {
        var out = "Translations of \(status.registryPath): \(status.rows.count) variables, source language \(status.sourceLanguage).\n"
        if status.languages.isEmpty { out += "\nNo target languages to report on.\n" }
        for (index, summary) in status.summaries.enumerated() {
            out += "\n" + languageTable(summary)
            let details = self.details(status.rows.map { ($0, $0.cells[index]) }, sourceLanguage: status.sourceLanguage.rawValue)
            if !details.isEmpty { out += "\n" + details }
        }
        if !status.orphans.isEmpty {
            out += "\nOrphaned translation records (\(status.orphans.count)):\n"
            for orphan in status.orphans {
                let place = orphan.location.map { "\($0): " } ?? ""
                out += "  \(place)\(orphan.variable) (\(orphan.language)): \(orphan.reason)\n"
            }
        }
        return out
    }

    private static func languageTable(_ summary: LanguageSummary) -> String {
        var out = "\(summary.language)  \(summary.coverageText) translated (\(summary.count(.translated)) of \(summary.total))\n"
        let rows: [(String, [String])] = TranslationState.allCases.map { ($0.rawValue, summary.variables[$0] ?? []) }
            + [("value drift", summary.valueDrift)]
        for (label, names) in rows {
            let prefix = "  " + label.padding(toLength: 13, withPad: " ", startingAt: 0) + leftPadded(String(names.count), to: 4) + "  "
            out += prefix + wrapped(names, indent: prefix.count) + "\n"
        }
        return out
    }

    private static func details(_ cells: [(TranslationRow, TranslationCell)], sourceLanguage: String) -> String {
        var out = ""
        for (row, cell) in cells {
            switch cell.state {
            case .stale:
                switch cell.staleness {
                case .sourceChanged(let previous)?:
                    out += "  stale \(cell.variable) (\(cell.location)): the \(sourceLanguage) text changed\n"
                    out += block("previous \(sourceLanguage): ", previous ?? "(not recorded)")
                    out += block("current \(sourceLanguage):  ", row.sourceText)
                case .neverReviewed?, nil:
                    // Nothing to compare with: the translator reviews it against the current text in the registry.
                    out += "  stale \(cell.variable) (\(cell.location)): never reviewed against the current \(sourceLanguage) text\n"
                }
            case .untranslated:
                out += "  untranslated \(cell.variable) (\(cell.location)): the \(cell.language) text \(cell.untranslatedReason?.explanation ?? "")\n"
            case .translated, .missing:
                break
            }
            for term in cell.valueDrift {
                out += "  value drift \(cell.variable) (\(cell.location)): \(term.explanation)\n"
            }
        }
        return out
    }

    /// `label` then the text, every line after the first aligned under the first.
    private static func block(_ label: String, _ text: String) -> String {
        let indent = String(repeating: " ", count: 4 + label.count)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.enumerated().map { index, line in
            (index == 0 ? "    " + label : indent) + line
        }.joined(separator: "\n") + "\n"
    }

    /// Names separated by commas, wrapped at `width` with continuation lines indented.
    static func wrapped(_ names: [String], indent: Int) -> String {
        guard !names.isEmpty else { return "-" }
        var lines: [String] = []
        var current = ""
        // Kept alongside the line: counting its characters for every name made a long list quadratic per line.
        var currentLength = 0
        for (index, name) in names.enumerated() {
            let piece = name + (index < names.count - 1 ? "," : "")
            let pieceLength = piece.count
            if !current.isEmpty, indent + currentLength + 1 + pieceLength > width {
                lines.append(current)
                current = piece
                currentLength = pieceLength
            } else {
                if !current.isEmpty {
                    current += " "
                    currentLength += 1
                }
                current += piece
                currentLength += pieceLength
            }
        }
        lines.append(current)
        return lines.joined(separator: "\n" + String(repeating: " ", count: indent))
    }

    private static func leftPadded(_ text: String, to length: Int) -> String {
        String(repeating: " ", count: max(0, length - text.count)) + text
    }
}
