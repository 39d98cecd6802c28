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

    /// Where the not-found page is written; static hosts such as GitHub Pages and Netlify look for this name.
    public static let notFoundPath = "404.html"
    /// Where the sitemap is written.
    public static let sitemapPath = "sitemap.xml"

    /// Every output file, sorted by path.
    public func render(_ contexts: SiteContexts) throws(DiagnosticsError) -> [OutputFile] {
        var files: [OutputFile] = []
        for page in contexts.pages {
            // Encoded once for both of the page's templates.
            let values = try Self.templateValues(of: page)
            files.append(OutputFile(path: "\(page.language)/\(SiteContextBuilder.htmlFileName)", text: try render(values, "reference.html")))
            files.append(OutputFile(path: "\(page.language)/\(SiteContextBuilder.markdownFileName)", text: try render(values, "reference.md")))
        }
        files.append(OutputFile(path: "index.html", text: try render(try Self.templateValues(of: contexts.index), "index.html")))
        if let translations = contexts.translations {
            let values = try Self.templateValues(of: translations)
            files.append(OutputFile(path: TranslationsPageBuilder.htmlPath, text: try render(values, "translations.html")))
            files.append(OutputFile(path: TranslationsPageBuilder.markdownPath, text: try render(values, "translations.md")))
        }
        files.append(OutputFile(path: Self.notFoundPath, text: try render(try Self.templateValues(of: contexts.notFound), "404.html")))
        if let sitemap = contexts.sitemap {
            files.append(OutputFile(path: Self.sitemapPath, text: try render(try Self.templateValues(of: sitemap), "sitemap.xml")))
        }
        for (name, data) in templates.assets {
            files.append(OutputFile(path: "\(TemplateSet.assetsFolder)/\(name)", contents: data))
        }
        return files.sorted { $0.path < $1.path }
    }

    /// What the templates read: `TemplateValueEncoder` says why they do not get the structs themselves.
    private static func templateValues(of context: some Encodable) throws(DiagnosticsError) -> Any {
        do {
            return try TemplateValueEncoder.encode(context)
        } catch {
            throw DiagnosticsError([.error("cannot encode the template context: \(error)")])
        }
    }

    private func render(_ values: Any, _ template: String) throws(DiagnosticsError) -> String {
        guard let text = templates.render(values, with: template) else {
            throw DiagnosticsError([.error("missing template '\(template).mustache'")])
        }
        return Self.normalised(text)
    }

    /// Ends the file with exactly one newline and drops trailing spaces, so output does not depend
    /// on how a template's last line was typed.
    static func normalised(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count + 1)
        // Blank lines are held back until a line with text follows, so the ones at the end are dropped.
        var heldBackBlankLines = 0
        for var line in lines(of: text) {
            while line.last == " " || line.last == "\t" { line.removeLast() }
            if line.isEmpty {
                heldBackBlankLines += 1
                continue
            }
            result += String(repeating: "\n", count: heldBackBlankLines)
            heldBackBlankLines = 0
            result += line
            result += "\n"
        }
        return result.isEmpty ? "\n" : result
    }

    /// The lines of `text`, split where `split(separator: "\n")` splits but found byte by byte, which
    /// is several times faster than comparing Characters. A line feed after a carriage return is not
    /// a separator, as "\r\n" is a single Character.
    private static func lines(of text: String) -> [Substring] {
        let bytes = text.utf8
        var lines: [Substring] = []
        var lineStart = bytes.startIndex
        var offset = 0
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == UInt8(ascii: "\n"), previous != UInt8(ascii: "\r") {
                let lineEnd = bytes.index(bytes.startIndex, offsetBy: offset)
                lines.append(text[lineStart..<lineEnd])
                lineStart = bytes.index(after: lineEnd)
            }
            previous = byte
            offset += 1
        }
        lines.append(text[lineStart...])
        return lines
    }
}
