import EnvrefCore

/// A report to paste into a pull request or an issue: a summary table, then a section per language.
enum MarkdownReport {
    static func render(_ status: TranslationStatus) -> String {
        var out = "# Translation status\n\n"
        out += "Registry `\(status.registryPath)` · source language `\(status.sourceLanguage)` · \(status.rows.count) variables\n\n"
        out += "| Language | Coverage | Translated | Stale | Untranslated | Missing | Value drift |\n"
        out += "| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n"
        for summary in status.summaries {
            out += "| \(summary.language) | \(summary.coverageText) | \(summary.count(.translated)) | \(summary.count(.stale)) | "
                + "\(summary.count(.untranslated)) | \(summary.count(.missing)) | \(summary.valueDrift.count) |\n"
        }
        for (index, summary) in status.summaries.enumerated() {
            out += "\n## \(summary.language)\n\n"
            out += "| State | Count | Variables |\n| --- | ---: | --- |\n"
            for state in TranslationState.allCases {
                out += "| \(state.rawValue) | \(summary.count(state)) | \(codeList(summary.variables[state] ?? [])) |\n"
            }
            out += "| value drift | \(summary.valueDrift.count) | \(codeList(summary.valueDrift)) |\n"
            out += details(status.rows.map { ($0, $0.cells[index]) }, sourceLanguage: status.sourceLanguage.rawValue)
        }
        if !status.orphans.isEmpty {
            out += "\n## Orphaned translation records\n\n"
            for orphan in status.orphans {
                let place = orphan.location.map { " at `\($0)`" } ?? ""
                out += "- `\(orphan.variable)` (\(orphan.language))\(place): \(orphan.reason)\n"
            }
        }
        return out
    }

    private static func details(_ pairs: [(TranslationRow, TranslationCell)], sourceLanguage: String) -> String {
        var out = ""
        let stale = pairs.filter { $0.1.state == .stale }
        if !stale.isEmpty {
            out += "\n### Stale\n"
            for (row, cell) in stale {
                out += "\n#### `\(row.variable)`\n\n"
                switch cell.staleness {
                case .sourceChanged(let previous?)?:
                    out += "The \(sourceLanguage) text changed since this translation was made (`\(cell.location)`):\n\n"
                    out += diffBlock(previous: previous, current: row.sourceText)
                case .sourceChanged(nil)?:
                    out += "The \(sourceLanguage) text changed since this translation was made (`\(cell.location)`); the previous text was not recorded. Current text:\n\n"
                    out += diffBlock(previous: nil, current: row.sourceText)
                case .neverReviewed?, nil:
                    out += "Never reviewed against the current \(sourceLanguage) text (`\(cell.location)`).\n"
                }
            }
        }
        let untranslated = pairs.filter { $0.1.state == .untranslated }
        if !untranslated.isEmpty {
            out += "\n### Untranslated\n\n"
            for (row, cell) in untranslated {
                out += "- `\(row.variable)` (`\(cell.location)`): the \(cell.language) text \(cell.untranslatedReason?.explanation ?? "")\n"
            }
        }
        let drifting = pairs.filter { !$0.1.valueDrift.isEmpty }
        if !drifting.isEmpty {
            out += "\n### Value drift\n\n"
            for (row, cell) in drifting {
                for term in cell.valueDrift {
                    out += "- `\(row.variable)` (`\(cell.location)`): \(term.explanation)\n"
                }
            }
        }
        return out
    }

    /// A `diff` code block: previous lines with `-`, current lines with `+`, fenced safely.
    static func diffBlock(previous: String?, current: String) -> String {
        // Split at every line break a Markdown reader sees, a lone CR included, so each line keeps its marker.
        func lines(_ text: String, marker: String) -> [String] {
            text.lineSlices().map { marker + $0 }
        }
        let body = ((previous.map { lines($0, marker: "- ") } ?? []) + lines(current, marker: "+ ")).joined(separator: "\n")
        let fence = String(repeating: "`", count: max(3, MarkdownCode.longestBacktickRun(in: body) + 1))
        return "\(fence)diff\n\(body)\n\(fence)\n"
    }

    private static func codeList(_ names: [String]) -> String {
        names.isEmpty ? "–" : names.map { "`\($0)`" }.joined(separator: ", ")
    }
}
