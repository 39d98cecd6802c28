import EnvrefCore
import Foundation

/// Renders a `PageComparison` in the `envref diff` formats.
public enum PageComparisonReport {
    /// The report text.
    public static func render(_ comparison: PageComparison, as format: ReportFormat, policy: FailurePolicy = FailurePolicy()) -> String {
        switch format {
        case .text: text(comparison)
        case .json: json(comparison)
        case .markdown: markdown(comparison)
        case .github: github(comparison, policy: policy)
        }
    }

    private static func documentedCount(_ comparison: PageComparison) -> Int {
        comparison.total - comparison.lacking.count
    }

    private static func text(_ comparison: PageComparison) -> String {
        var out = "\(comparison.page.path) (\(comparison.language)) against \(comparison.registryPath): "
        out += "documents \(documentedCount(comparison)) of \(comparison.total) variables.\n"
        let lackingPrefix = "  missing from the page (\(comparison.lacking.count)): "
        out += lackingPrefix + TextReport.wrapped(comparison.lacking.map(\.name), indent: lackingPrefix.count) + "\n"
        out += "  not in the registry (\(comparison.unknown.count)):" + (comparison.unknown.isEmpty ? " -" : "") + "\n"
        for entry in comparison.unknown {
            out += "    \(entry.name) (\(entry.location))\n"
        }
        return out
    }

    private struct Document: Encodable {
        struct Unknown: Encodable {
            var variable: String
            var location: String
        }

        var page: String
        var language: String
        var registry: String
        var total: Int
        var documented: Int
        var missing: [String]
        var notInRegistry: [Unknown]
    }

    private static func json(_ comparison: PageComparison) -> String {
        let document = Document(
            page: comparison.page.path, language: comparison.language.rawValue, registry: comparison.registryPath,
            total: comparison.total, documented: documentedCount(comparison), missing: comparison.lacking.map(\.name),
            notInRegistry: comparison.unknown.map { .init(variable: $0.name, location: $0.location.description) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private static func markdown(_ comparison: PageComparison) -> String {
        var out = "# `\(comparison.page.path)` against the registry\n\n"
        out += "Language `\(comparison.language)` · documents \(documentedCount(comparison)) of \(comparison.total) variables in `\(comparison.registryPath)`\n\n"
        out += "## Missing from the page (\(comparison.lacking.count))\n\n"
        out += comparison.lacking.isEmpty ? "None.\n" : comparison.lacking.map { "- `\($0.name)`\n" }.joined()
        out += "\n## Not in the registry (\(comparison.unknown.count))\n\n"
        out += comparison.unknown.isEmpty ? "None.\n" : comparison.unknown.map { "- `\($0.name)` (`\($0.location)`)\n" }.joined()
        return out
    }

    private static func github(_ comparison: PageComparison, policy: FailurePolicy) -> String {
        var out = ""
        let missingLevel = policy.fails(on: .missing) ? "error" : "warning"
        for (name, location) in comparison.lacking {
            out += "::\(missingLevel) \(properties(location, "Not on \(comparison.page.path)"))::"
                + GitHubReport.escapeData("\(name) is not documented on \(comparison.page.path) (\(comparison.language)).") + "\n"
        }
        let unknownLevel = policy.fails(on: .orphans) ? "error" : "warning"
        for entry in comparison.unknown {
            out += "::\(unknownLevel) \(properties(entry.location, "Not in the registry"))::"
                + GitHubReport.escapeData("\(entry.name) is documented here but is not in \(comparison.registryPath).") + "\n"
        }
        out += "\(comparison.page.path): documents \(documentedCount(comparison)) of \(comparison.total) variables; "
            + "\(comparison.lacking.count) missing, \(comparison.unknown.count) not in the registry\n"
        return out
    }

    private static func properties(_ location: SourceLocation, _ title: String) -> String {
        var parts = ["file=\(GitHubReport.escapeProperty(location.path))", "line=\(location.line)"]
        if let column = location.column { parts.append("col=\(column)") }
        parts.append("title=\(GitHubReport.escapeProperty(title))")
        return parts.joined(separator: ",")
    }
}
