import EnvrefCore
import EnvrefRegistry

/// A hand-written page compared with the registry: `envref diff --against PAGE.md`.
public struct PageComparison: Sendable {
    /// The page as read.
    public var page: ImportedPage
    /// The page's language.
    public var language: LanguageCode
    /// The registry's path.
    public var registryPath: String
    /// How many variables the registry has.
    public var total: Int
    /// Registry variables the page does not document, in registry order, with their positions.
    public var lacking: [(name: String, location: SourceLocation)]
    /// Page entries the registry does not have, in page order.
    public var unknown: [PageEntry]

    /// Compares a page with the registry.
    public init(page: ImportedPage, language: LanguageCode, registry: Registry) {
        self.page = page
        self.language = language
        registryPath = registry.path
        total = registry.variables.count
        let documented = Set(page.names)
        let declared = Set(registry.variables.map(\.name))
        lacking = registry.variables.filter { !documented.contains($0.name) }.map { ($0.name, $0.location) }
        unknown = page.entries.filter { !declared.contains($0.name) }
    }

    /// The reasons a `--fail-on` policy fails: `missing` for lacking variables, `orphans` for unknown ones.
    public func failures(for policy: FailurePolicy) -> [String] {
        var reasons: [String] = []
        if policy.fails(on: .missing), !lacking.isEmpty {
            reasons.append("\(page.path): lacks \(lacking.count) of the registry's variables (--fail-on missing)")
        }
        if policy.fails(on: .orphans), !unknown.isEmpty {
            reasons.append("\(page.path): documents \(unknown.count) variables the registry does not have (--fail-on orphans)")
        }
        return reasons
    }
}
