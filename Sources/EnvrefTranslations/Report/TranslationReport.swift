/// The formats `envref diff` writes.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// A table per language with counts, coverage and the variables in each state, then details.
    case text
    /// The JSON contract, for tools.
    case json
    /// Markdown for pull requests and issues.
    case markdown
    /// GitHub Actions annotations on registry lines.
    case github
}

/// Renders a `TranslationStatus` in one of the report formats.
public enum TranslationReport {
    /// The report text; `policy` decides which GitHub annotations are errors.
    public static func render(_ status: TranslationStatus, as format: ReportFormat, policy: FailurePolicy = FailurePolicy()) -> String {
        switch format {
        case .text: TextReport.render(status)
        case .json: JSONReport.render(status)
        case .markdown: MarkdownReport.render(status)
        case .github: GitHubReport.render(status, policy: policy)
        }
    }
}
