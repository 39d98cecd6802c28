import ArgumentParser
import EnvrefRegistry

/// `envref validate`: load the registry and report every problem.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the registry and print every problem as path:line:col: error: message.",
        discussion: "Exits 0 when the registry is valid (warnings allowed), 1 when it has errors.")

    @OptionGroup var content: ContentOptions
    @OptionGroup var cache: CacheOptions

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func run() throws {
        let registry = try content.loadRegistry(strict: strict, cache: cache.folder)
        print("\(content.resolvedRegistryPath): \(registry.variables.count) variables in \(registry.languages.count) languages")
    }
}
