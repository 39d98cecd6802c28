import EnvrefCore
import EnvrefRegistry
import Foundation
import Yams

/// Reads `Content/strings/<lang>.yaml` and `Content/pages/<lang>/{intro,after}.md` for every language.
public struct SiteContentLoader: Sendable {
    /// The content folder, as diagnostics show it.
    public var contentDirectory: String

    /// Creates a loader for a content folder.
    public init(contentDirectory: String) {
        self.contentDirectory = contentDirectory
    }

    /// Loads the page content for every language of `registry`, collecting every problem.
    public func load(for registry: Registry) -> (content: SiteContent?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var tables: [LanguageCode: [String: String]] = [:]
        for language in registry.languages {
            tables[language] = loadStrings(language, isSource: language == registry.sourceLanguage, into: &diagnostics)
        }
        let source = registry.sourceLanguage
        let sourceTable = tables[source] ?? [:]
        let sourceIntro = readSection("intro", language: source)
        let sourceAfter = readSection("after", language: source)
        var languages: [LanguageContent] = []
        for language in registry.languages {
            let own = tables[language] ?? [:]
            var merged: [String: String] = [:]
            var fallbackKeys: [String] = []
            for key in InterfaceStrings.keys {
                if let text = own[key] {
                    merged[key] = text
                } else {
                    merged[key] = sourceTable[key] ?? key
                    if language != source { fallbackKeys.append(key) }
                }
            }
            if !fallbackKeys.isEmpty, tables[language] != nil {
                diagnostics.append(.warning(
                    "\(fallbackKeys.count) interface string(s) missing, the \(source) text is shown: \(fallbackKeys.joined(separator: ", "))",
                    at: SourceLocation(path: stringsPath(language), line: 1, column: 1)))
            }
            languages.append(LanguageContent(
                language: language, strings: InterfaceStrings(texts: merged),
                intro: language == source ? sourceIntro : readSection("intro", language: language) ?? sourceIntro,
                after: language == source ? sourceAfter : readSection("after", language: language) ?? sourceAfter))
        }
        let settings = SiteSettings.load(from: settingsPath)
        diagnostics += settings.diagnostics
        guard !diagnostics.containsErrors else { return (nil, diagnostics) }
        return (SiteContent(registry: registry, languages: languages, settings: settings.settings), diagnostics)
    }

    /// Where the site settings live.
    public var settingsPath: String { "\(contentDirectory)/site.yaml" }

    /// Where a language's strings live.
    public func stringsPath(_ language: LanguageCode) -> String {
        "\(contentDirectory)/strings/\(language).yaml"
    }

    /// Where a language's page section lives.
    public func sectionPath(_ name: String, _ language: LanguageCode) -> String {
        "\(contentDirectory)/pages/\(language)/\(name).md"
    }

    private func readSection(_ name: String, language: LanguageCode) -> MarkdownSection? {
        let path = sectionPath(name, language)
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            return nil
        }
        return MarkdownSection(markdown: text, language: language, path: path)
    }

    private func loadStrings(_ language: LanguageCode, isSource: Bool, into diagnostics: inout [Diagnostic]) -> [String: String]? {
        let path = stringsPath(language)
        let start = SourceLocation(path: path, line: 1, column: 1)
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.append(isSource
                ? .error("missing interface strings for the source language '\(language)'", at: start)
                : .warning("missing interface strings for '\(language)'; the source-language strings are shown", at: start))
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            diagnostics.append(.error("the file is not valid UTF-8", at: start))
            return nil
        }
        let root: Node?
        switch GuardedYAML.compose(text, path: path, documentName: "the interface strings") {
        case .success(let node):
            root = node
        case .failure(let error):
            diagnostics += error.diagnostics
            return nil
        }
        var table: [String: String] = [:]
        flatten(root, prefix: "", path: path, into: &table, diagnostics: &diagnostics)
        if isSource {
            let missing = InterfaceStrings.keys.filter { table[$0] == nil }
            if !missing.isEmpty {
                diagnostics.append(.error("the source language must define every interface string; missing: \(missing.joined(separator: ", "))", at: start))
            }
        }
        return table
    }

    private func flatten(_ node: Node?, prefix: String, path: String, into table: inout [String: String], diagnostics: inout [Diagnostic]) {
        guard case .mapping(let mapping)? = node else {
            if node != nil {
                diagnostics.append(.error("interface strings must be a mapping of keys to text", at: location(of: node, path: path)))
            }
            return
        }
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else { continue }
            let dotted = prefix.isEmpty ? key : "\(prefix).\(key)"
            switch value {
            case .mapping:
                flatten(value, prefix: dotted, path: path, into: &table, diagnostics: &diagnostics)
            case .scalar(let scalar):
                guard InterfaceStrings.keys.contains(dotted) else {
                    let hint = DidYouMean.suggestion(for: dotted, among: InterfaceStrings.keys).map { "; did you mean '\($0)'?" } ?? ""
                    diagnostics.append(.warning("unknown interface string '\(dotted)'\(hint)", at: location(of: keyNode, path: path)))
                    continue
                }
                let found = InterfaceStrings.placeholderNames(in: scalar.string)
                if dotted == "date.format" {
                    let hasMonth = found.contains("month") || found.contains("monthName")
                    if !found.isSubset(of: InterfaceStrings.datePlaceholders) || !found.contains("year") || !found.contains("day") || !hasMonth {
                        diagnostics.append(.error(
                            "interface string 'date.format' must use {year}, {day} and {month} or {monthName}, and nothing else",
                            at: location(of: value, path: path)))
                    }
                } else if dotted == "date.monthNames", InterfaceStrings.monthNames(in: scalar.string).count != 12 {
                    diagnostics.append(.error(
                        "interface string 'date.monthNames' must list 12 month names separated by commas",
                        at: location(of: value, path: path)))
                }
                let expected = InterfaceStrings.placeholders[dotted] ?? []
                if dotted != "date.format", found != expected {
                    let list = expected.sorted().map { "{\($0)}" }.joined(separator: ", ")
                    diagnostics.append(.error(
                        "interface string '\(dotted)' must use the placeholders \(list.isEmpty ? "(none)" : list); found \(found.isEmpty ? "none" : found.sorted().map { "{\($0)}" }.joined(separator: ", "))",
                        at: location(of: value, path: path)))
                }
                table[dotted] = scalar.string
            default:
                diagnostics.append(.error("interface string '\(dotted)' must be text", at: location(of: value, path: path)))
            }
        }
    }

    private func location(of node: Node?, path: String) -> SourceLocation {
        SourceLocation(path: path, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1)
    }
}
