import EnvrefCore
import EnvrefRegistry
import Foundation

/// What an audit found, as diagnostics, and the exit status CI should see.
public struct AuditReport: Sendable {
    /// `file:line:col: warning: WANDB_FOO is not in the registry`, one per reference, in file order.
    public var unknownNames: [Diagnostic]
    /// `file:line:col: warning: WANDB_OLD is deprecated; use WANDB_NEW`, one per reference.
    public var deprecatedNames: [Diagnostic]
    /// `registry:line:col: note: WANDB_X is not read by any scanned file`, one per current variable.
    public var unreadVariables: [Diagnostic]
    /// Paths that could not be audited.
    public var errors: [Diagnostic]
    /// How many files were scanned.
    public var scannedFileCount: Int

    /// Every diagnostic: errors, then references in file order, then unread variables in registry order.
    public var diagnostics: [Diagnostic] {
        errors + (unknownNames + deprecatedNames).sorted() + unreadVariables
    }

    /// 2 when a path could not be audited; 1 on drift (an unknown name, or with `strict` also a deprecated
    /// name in use or an unread registry variable); 0 otherwise.
    public func exitStatus(strict: Bool) -> Int32 {
        if !errors.isEmpty { return 2 }
        if !unknownNames.isEmpty { return 1 }
        if strict, !deprecatedNames.isEmpty || !unreadVariables.isEmpty { return 1 }
        return 0
    }

    /// One line for people: how many files, names and variables.
    public var summary: String {
        func count(_ number: Int, _ singular: String, _ plural: String) -> String {
            "\(number) \(number == 1 ? singular : plural)"
        }
        return "audited \(count(scannedFileCount, "file", "files")): "
            + "\(count(unknownNames.count, "reference", "references")) to names not in the registry, "
            + "\(count(deprecatedNames.count, "reference", "references")) to deprecated names, "
            + "\(count(unreadVariables.count, "registry variable", "registry variables")) not read"
    }
}

/// Compares the names source files use with the registry, in both directions.
public struct Auditor: Sendable {
    /// The registry to compare with.
    public var registry: Registry
    /// The prefix that marks a name as belonging to the registry's family.
    public var prefix: String

    /// Creates an auditor; `prefix` defaults to the registry's.
    public init(registry: Registry, prefix: String? = nil) {
        self.registry = registry
        self.prefix = prefix ?? registry.prefix ?? ""
    }

    /// Audits every Swift, Python, Go and shell file under `paths`, resolved against `base`.
    public func audit(paths: [String], relativeTo base: URL) -> AuditReport {
        let (files, errors) = SourceFileFinder().files(under: paths, relativeTo: base)
        var texts: [(SourceFile, String)] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file.url.path) else { continue }
            texts.append((file, String(decoding: data, as: UTF8.self)))
        }
        var report = audit(texts.map { ($0.0.displayPath, $0.1) })
        report.errors = errors
        return report
    }

    /// Audits texts already in memory, each with the path to show.
    public func audit(_ sources: [(path: String, text: String)]) -> AuditReport {
        let matcher = NameMatcher(prefix: prefix)
        var unknown: [Diagnostic] = []
        var deprecated: [Diagnostic] = []
        var read: Set<String> = []
        for (path, text) in sources {
            for reference in matcher.references(in: text) {
                let location = SourceLocation(path: path, line: reference.line, column: reference.column)
                guard let variable = registry.variable(named: reference.name) else {
                    unknown.append(.warning("\(reference.name) is not in the registry", at: location))
                    continue
                }
                read.insert(variable.deprecation?.replacement ?? variable.name)
                if let deprecation = variable.deprecation {
                    let advice = deprecation.replacement.map { "; use \($0)" } ?? ""
                    deprecated.append(.warning("\(reference.name) is deprecated\(advice)", at: location))
                }
            }
        }
        let unread = registry.variables
            .filter { !$0.isDeprecated && !read.contains($0.name) }
            .map { Diagnostic.note("\($0.name) is not read by any scanned file", at: $0.location) }
        return AuditReport(unknownNames: unknown, deprecatedNames: deprecated, unreadVariables: unread, errors: [],
                           scannedFileCount: sources.count)
    }
}
