import EnvrefCore
import Foundation

/// GitHub Actions workflow commands: one annotation per finding, on the registry line it concerns.
/// Findings the failure policy fails on are errors, the others warnings.
enum GitHubReport {
    static func render(_ status: TranslationStatus, policy: FailurePolicy) -> String {
        var out = ""
        let source = status.sourceLanguage.rawValue
        for (index, language) in status.languages.enumerated() {
            for row in status.rows {
                let cell = row.cells[index]
                switch cell.state {
                case .translated:
                    break
                case .missing:
                    out += annotation(policy.fails(on: .missing), cell, title: "Missing translation (\(language))",
                                      "\(row.variable) has no \(language) description.")
                case .untranslated:
                    out += annotation(policy.fails(on: .untranslated), cell, title: "Untranslated (\(language))",
                                      "\(row.variable): the \(language) text \(cell.untranslatedReason?.explanation ?? "is untranslated").")
                case .stale:
                    var message: String
                    switch cell.staleness {
                    case .sourceChanged(let previous)?:
                        message = "\(row.variable): the \(source) text changed since this \(language) translation was made."
                        message += "\nPrevious \(source): " + (previous ?? "(not recorded)")
                        message += "\nCurrent \(source): " + row.sourceText
                    case .neverReviewed?, nil:
                        message = "\(row.variable): this \(language) translation was never reviewed against the current \(source) text."
                    }
                    message += "\nAfter review: envref translations accept --lang \(language) \(row.variable)"
                    out += annotation(policy.fails(on: .stale), cell, title: "Stale translation (\(language))", message)
                }
                for term in cell.valueDrift {
                    out += annotation(policy.fails(on: .drift), cell, title: "Value drift (\(language))", "\(row.variable): \(term.explanation)")
                }
            }
        }
        for orphan in status.orphans {
            let level = policy.fails(on: .orphans) ? "error" : "warning"
            out += "::\(level) \(properties(orphan.location, title: "Orphaned translation record"))::"
                + escapeData("\(orphan.variable) (\(orphan.language)): \(orphan.reason)") + "\n"
        }
        for summary in status.summaries {
            out += "\(summary.language): \(summary.coverageText) translated (\(summary.count(.translated)) of \(summary.total)); "
                + "\(summary.count(.stale)) stale, \(summary.count(.untranslated)) untranslated, \(summary.count(.missing)) missing, "
                + "\(summary.valueDrift.count) with value drift\n"
        }
        return out
    }

    private static func annotation(_ isError: Bool, _ cell: TranslationCell, title: String, _ message: String) -> String {
        "::\(isError ? "error" : "warning") \(properties(cell.location, title: title))::\(escapeData(message))\n"
    }

    private static func properties(_ location: SourceLocation?, title: String) -> String {
        var parts: [String] = []
        if let location {
            parts.append("file=\(escapeProperty(location.path))")
            parts.append("line=\(location.line)")
            if let column = location.column { parts.append("col=\(column)") }
        }
        parts.append("title=\(escapeProperty(title))")
        return parts.joined(separator: ",")
    }

    /// Escapes a message the way the Actions runner reads it back.
    static func escapeData(_ text: String) -> String {
        escape(text, property: false)
    }

    /// Escapes a property value, which also may not contain `:` or `,`.
    static func escapeProperty(_ text: String) -> String {
        escape(text, property: true)
    }

    /// Works on bytes, as the runner reads them: a comma or colon with a combining mark after it is one
    /// `Character`, which Foundation's `replacingOccurrences` does not match, so it reached the runner raw.
    private static func escape(_ text: String, property: Bool) -> String {
        text.replacingASCII { byte in
            switch byte {
            case UInt8(ascii: "%"): "%25"
            case UInt8(ascii: "\r"): "%0D"
            case UInt8(ascii: "\n"): "%0A"
            case UInt8(ascii: ":") where property: "%3A"
            case UInt8(ascii: ",") where property: "%2C"
            default: nil
            }
        }
    }
}
