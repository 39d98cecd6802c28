import EnvrefCore
import EnvrefRegistry
import Foundation
import Yams

/// Where the site is published, read from the optional `Content/site.yaml`.
public struct SiteSettings: Hashable, Sendable {
    /// The absolute URL of the site's root folder, ending in `/`; `nil` keeps every link relative
    /// and leaves out `sitemap.xml`, which needs absolute addresses.
    public var baseURL: String?

    /// Creates settings.
    public init(baseURL: String? = nil) {
        self.baseURL = baseURL
    }

    /// The keys `site.yaml` may hold.
    public static let keys = ["baseURL"]

    /// Reads `path`; a missing file means default settings.
    public static func load(from path: String) -> (settings: SiteSettings, diagnostics: [Diagnostic]) {
        let start = SourceLocation(path: path, line: 1, column: 1)
        guard let data = FileManager.default.contents(atPath: path) else { return (SiteSettings(), []) }
        guard let text = String(data: data, encoding: .utf8) else {
            return (SiteSettings(), [.error("the file is not valid UTF-8", at: start)])
        }
        let root: Node?
        switch GuardedYAML.compose(text, path: path, documentName: "the site settings") {
        case .success(let node): root = node
        case .failure(let error): return (SiteSettings(), error.diagnostics)
        }
        guard let root else { return (SiteSettings(), []) }
        guard case .mapping(let mapping) = root else {
            return (SiteSettings(), [.error("site settings must be a mapping, for example 'baseURL: https://example.com/env/'", at: location(of: root, path: path))])
        }
        var settings = SiteSettings()
        var diagnostics: [Diagnostic] = []
        for (keyNode, value) in mapping {
            switch keyNode.string {
            case "baseURL":
                switch validatedBaseURL(value.string) {
                case .success(let url): settings.baseURL = url
                case .failure(let invalid): diagnostics.append(.error(invalid.message, at: location(of: value, path: path)))
                }
            default:
                let key = keyNode.string ?? "?"
                let hint = DidYouMean.suggestion(for: key, among: keys).map { "; did you mean '\($0)'?" } ?? ""
                diagnostics.append(.error("unknown key '\(key)' in site settings\(hint)", at: location(of: keyNode, path: path)))
            }
        }
        return (settings, diagnostics)
    }

    /// Why a base URL is refused.
    public struct InvalidBaseURL: Error, Hashable {
        /// The sentence a diagnostic shows.
        public var message: String
    }

    /// Checks that `text` is an absolute http(s) URL and gives it the trailing `/` links are built on.
    public static func validatedBaseURL(_ text: String?) -> Result<String, InvalidBaseURL> {
        guard let text, let components = URLComponents(string: text),
              let scheme = components.scheme?.lowercased(), scheme == "https" || scheme == "http",
              let host = components.host, !host.isEmpty, components.query == nil, components.fragment == nil
        else {
            return .failure(InvalidBaseURL(message: "'baseURL' must be an absolute http or https URL without a query or fragment, not '\(text ?? "")'"))
        }
        return .success(text.hasSuffix("/") ? text : text + "/")
    }

    private static func location(of node: Node, path: String) -> SourceLocation {
        SourceLocation(path: path, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }
}

extension SiteSettings.InvalidBaseURL: CustomStringConvertible {
    /// The message.
    public var description: String { message }
}
