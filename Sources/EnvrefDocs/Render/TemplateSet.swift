import EnvrefCore
import Foundation
import Mustache

/// The Mustache templates of a `Templates/` folder, parsed up front so every syntax error is
/// reported with its file, line and column before anything renders.
public struct TemplateSet: Sendable {
    /// Templates every site build needs, by name (file name without `.mustache`).
    public static let requiredTemplates = [
        "reference.html", "reference.md", "_variable.html", "_variable.md", "index.html", "translations.html", "translations.md",
        "_translation.html", "_translation.md",
        "404.html", "sitemap.xml",
    ]
    /// The folder of static files copied to `Site/assets/`.
    public static let assetsFolder = "assets"

    private let library: MustacheLibrary
    /// Static files to copy, by path relative to the assets folder.
    public let assets: [String: Data]
    /// The digest of every template's name and text, so work cached from these templates is told apart
    /// from work cached from any others.
    public let sourceDigest: ContentDigest
    /// Each template's text, by name.
    private let texts: [String: String]
    /// The templates that read their values only by name (`rendersTextAsIs(_:)`), worked out once at load.
    private let textAsIsTemplates: Set<String>

    /// The line put before every template, so one without a content type of its own escapes with
    /// `HTMLEscaping`: swift-mustache's default escaper is built in and cannot be swapped. Being alone on its
    /// line, the tag writes nothing, and a template's own `{{%CONTENT_TYPE: ...}}` takes over where it stands.
    static let contentTypeLine = "{{%CONTENT_TYPE: HTML}}\n"

    /// Makes the `HTML` content type escape with `HTMLEscaping`, once per process and before any template is
    /// parsed, since the parser looks a content type up by name. Templates written for swift-mustache that
    /// name `HTML` themselves get the same escaping.
    private static let htmlEscapingRegistration: Void = MustacheContentTypes.register(HTMLEscaping(), named: "HTML")

    /// Parses every `*.mustache` file in `directory` and reads its assets.
    public static func load(from directory: String) -> (templates: TemplateSet?, diagnostics: [Diagnostic]) {
        _ = htmlEscapingRegistration
        var diagnostics: [Diagnostic] = []
        var templates: [String: MustacheTemplate] = [:]
        var texts: [String: String] = [:]
        let manager = FileManager.default
        let names = ((try? manager.contentsOfDirectory(atPath: directory)) ?? []).sorted()
        if !manager.fileExists(atPath: directory) {
            return (nil, [.error("the templates folder does not exist", at: SourceLocation(path: directory, line: 1))])
        }
        for file in names where file.hasSuffix(".mustache") {
            let path = "\(directory)/\(file)"
            let name = String(file.dropLast(".mustache".count))
            guard let data = manager.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                diagnostics.append(.error("cannot read the template as UTF-8 text", at: SourceLocation(path: path, line: 1, column: 1)))
                continue
            }
            texts[name] = text
            do {
                templates[name] = try MustacheTemplate(string: contentTypeLine + text)
            } catch let error as MustacheTemplate.ParserError {
                // Lines are counted in the file, without the content type line put before it.
                diagnostics.append(.error(
                    "template syntax error: \(describe(error.error))",
                    at: SourceLocation(path: path, line: max(1, error.context.lineNumber - 1), column: max(1, error.context.columnNumber))))
            } catch {
                diagnostics.append(.error("template syntax error: \(error)", at: SourceLocation(path: path, line: 1, column: 1)))
            }
        }
        for required in requiredTemplates where templates[required] == nil && !names.contains("\(required).mustache") {
            diagnostics.append(.error("missing template '\(required).mustache'", at: SourceLocation(path: directory, line: 1)))
        }
        var assets: [String: Data] = [:]
        let assetsDirectory = "\(directory)/\(assetsFolder)"
        for file in ((try? manager.contentsOfDirectory(atPath: assetsDirectory)) ?? []).sorted() where !file.hasPrefix(".") {
            if let data = manager.contents(atPath: "\(assetsDirectory)/\(file)") { assets[file] = data }
        }
        guard !diagnostics.containsErrors else { return (nil, diagnostics) }
        // Every template's name and text, in name order.
        var sources = ArchiveWriter()
        sources.write(texts.sorted { $0.key < $1.key }) { archive, template in
            archive.write(template.key)
            archive.write(template.value)
        }
        return (TemplateSet(library: MustacheLibrary(templates: templates), assets: assets, sourceDigest: ContentDigest(of: sources.bytes),
                            texts: texts, textAsIsTemplates: Set(texts.filter { readsValuesOnlyByName($0.value) }.keys)),
                diagnostics)
    }

    /// Whether the template `name` places the list `field` only as lines of their own: `{{#field}}`, then
    /// `{{{.}}}` (or `{{.}}` in a template of plain text), then `{{/field}}`, each alone on its line, and the
    /// field nowhere else but in an inverted section. Such a template writes each item on a line of its own
    /// and nothing around it, so the renderer may place the items itself (`SiteRenderer`); any other use of the
    /// field, a changed delimiter, or a template without its own text, gets the list.
    public func placesEachItemOnItsOwnLine(_ field: String, in name: String) -> Bool {
        guard let text = texts[name], !text.contains("{{=") else { return false }
        let name = NSRegularExpression.escapedPattern(for: field)
        let whole = NSRange(text.startIndex..., in: text)
        // Every tag that names the field, by its sigil.
        let tags = try! NSRegularExpression(pattern: "\\{\\{\\{?\\s*([#^/&>!]?)\\s*\(name)\\s*\\}?\\}\\}")
        let sigils = tags.matches(in: text, range: whole).map { match in Range(match.range(at: 1), in: text).map { text[$0] } ?? "" }
        guard sigils.filter({ $0 == "#" }).count == 1, sigils.allSatisfy({ $0 == "#" || $0 == "/" || $0 == "^" }) else { return false }
        // `{{.}}` escapes in a template that has not declared itself plain text.
        let item = text.hasPrefix("{{%CONTENT_TYPE: TEXT}}") ? "\\{\\{(\\{\\s*\\.\\s*\\}|&?\\s*\\.\\s*)\\}\\}" : "\\{\\{(\\{\\s*\\.\\s*\\}|&\\s*\\.\\s*)\\}\\}"
        let block = try! NSRegularExpression(
            pattern: "(?m)^[ \\t]*\\{\\{#\\s*\(name)\\s*\\}\\}[ \\t]*\\n\(item)\\n[ \\t]*\\{\\{/\\s*\(name)\\s*\\}\\}[ \\t]*(\\n|$)")
        return block.firstMatch(in: text, range: whole) != nil
    }

    /// Whether the template `name` reads its values only by name, through variables (`{{name}}`, `{{{name}}}`,
    /// `{{&name}}`, dotted or `.`), sections, inverted sections, comments and the `HTML` or `TEXT` content type.
    /// Such a template decides nothing on what a text says, and writes it, escaped or not, or leaves it out, so
    /// its output for one `TemplateShape` can be rendered once and filled in (`TemplateSkeleton`). A variable
    /// that names a list or a struct writes its texts spelled as Swift does, which the skeleton finds and
    /// refuses. Partials (which indent after a text's line breaks), transforms, changed delimiters and other
    /// pragmas make it `false`.
    public func rendersTextAsIs(_ name: String) -> Bool {
        textAsIsTemplates.contains(name)
    }

    /// A tag that names a value: `.`, or dot-separated names.
    private static let plainName = try! NSRegularExpression(pattern: "^\\s*(\\.|[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*)\\s*$")
    /// The content-type pragmas that only choose an escaper.
    private static let contentType = try! NSRegularExpression(pattern: "^%\\s*CONTENT_TYPE\\s*:\\s*(HTML|TEXT)\\s*$")

    /// Whether every tag of `text` is one `rendersTextAsIs(_:)` allows.
    private static func readsValuesOnlyByName(_ text: String) -> Bool {
        func matches(_ expression: NSRegularExpression, _ text: Substring) -> Bool {
            let text = String(text)
            return expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
        }
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            rest = rest[open.upperBound...]
            if rest.first == "{" {
                guard let close = rest.range(of: "}}}"), matches(plainName, rest[rest.index(after: rest.startIndex)..<close.lowerBound])
                else { return false }
                rest = rest[close.upperBound...]
                continue
            }
            guard let close = rest.range(of: "}}") else { return false }
            let tag = rest[..<close.lowerBound]
            rest = rest[close.upperBound...]
            switch tag.first {
            case "!": continue
            case "%": guard matches(contentType, tag) else { return false }
            case "#", "^", "/", "&": guard matches(plainName, tag.dropFirst()) else { return false }
            default: guard matches(plainName, tag) else { return false }
            }
        }
        return true
    }

    /// Renders a context with a named template; `nil` if the template is missing.
    ///
    /// Structs render slowly: pass what `TemplateValueEncoder` makes of them.
    public func render(_ context: Any, with name: String) -> String? {
        library.render(context, withTemplate: name)
    }

    private static func describe(_ error: any Error) -> String {
        let text = String(describing: error)
        // Parser errors are enum cases such as `sectionCloseNameIncorrect`; spell them out.
        var words = ""
        for character in text {
            if character.isUppercase, !words.isEmpty { words += " " }
            words += character.lowercased()
        }
        return words
    }
}
