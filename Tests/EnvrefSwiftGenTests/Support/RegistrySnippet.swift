import EnvrefCore
import EnvrefRegistry
import EnvrefSwiftGen
import Foundation
import Testing

/// Registries written inline, so each test shows the YAML it is about.
enum RegistrySnippet {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

    /// A registry with `languages: [en]`, the prefix, and the given `variables:` body (indented by four spaces).
    static func registry(_ variables: String, prefix: String? = "WANDB_", typeName: String? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Registry {
        var yaml = "languages: [en]\n"
        if let prefix { yaml += "prefix: \(prefix)\n" }
        if let typeName { yaml += "swift:\n  typeName: \(typeName)\n" }
        yaml += "variables:\n" + variables
        return try load(yaml, sourceLocation: sourceLocation)
    }

    /// Loads YAML text, failing the test with the loader's diagnostics when it is not valid.
    static func load(_ yaml: String, path: String = "variables.yaml", sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Registry {
        let result = RegistryLoader.load(bytes: Array(yaml.utf8), path: path)
        return try #require(result.registry, "\(result.diagnostics.rendered)", sourceLocation: sourceLocation)
    }

    /// A fixture registry file, loaded with a stable display path.
    static func fixture(_ relativePath: String, displayPath: String) throws -> Registry {
        let url = testsDirectory.appending(path: relativePath)
        let result = RegistryLoader.load(fileAt: url, displayPath: displayPath)
        return try #require(result.registry, "\(result.diagnostics.rendered)")
    }

    /// The generated source, requiring that generation succeeded.
    static func source(for registry: Registry, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String {
        let generated = SwiftGenerator().generate(registry)
        return try #require(generated.source, "\(generated.diagnostics.rendered)", sourceLocation: sourceLocation)
    }
}
