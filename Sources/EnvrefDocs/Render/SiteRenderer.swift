import EnvrefCore
import Foundation

/// Renders site contexts through the templates into the files of `Site/`.
public struct SiteRenderer: Sendable {
    /// The parsed templates.
    public var templates: TemplateSet

    /// Creates a renderer.
    public init(templates: TemplateSet) {
        self.templates = templates
    }

    /// Every output file, sorted by path.
    public func render(_ contexts: SiteContexts) throws(DiagnosticsError) -> [OutputFile] {
        var files: [OutputFile] = []
        for page in contexts.pages {
            files.append(OutputFile(path: "\(page.language)/\(SiteContextBuilder.htmlFileName)", text: try render(page, "reference.html")))
            files.append(OutputFile(path: "\(page.language)/\(SiteContextBuilder.markdownFileName)", text: try render(page, "reference.md")))
        }
        files.append(OutputFile(path: "index.html", text: try render(contexts.index, "index.html")))
        for (name, data) in templates.assets {
            files.append(OutputFile(path: "\(TemplateSet.assetsFolder)/\(name)", contents: data))
        }
        return files.sorted { $0.path < $1.path }
    }

    private func render(_ context: Any, _ template: String) throws(DiagnosticsError) -> String {
        guard let text = templates.render(context, with: template) else {
            throw DiagnosticsError([.error("missing template '\(template).mustache'")])
        }
        return Self.normalised(text)
    }

    /// Ends the file with exactly one newline and drops trailing spaces, so output does not depend
    /// on how a template's last line was typed.
    static func normalised(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            var line = line
            while line.last == " " || line.last == "\t" { line.removeLast() }
            return line
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }
}
