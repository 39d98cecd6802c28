import ArgumentParser
import EnvrefCore
import EnvrefRegistry
import Foundation

/// Where the registry and its companion content live; shared by every command that loads them.
struct ContentOptions: ParsableArguments {
    @Option(name: .customLong("content"), help: "The content folder.")
    var contentDirectory = "Content"

    @Option(name: .customLong("registry"), help: "The registry file (default: <content>/variables.yaml).")
    var registryPath: String?

    /// The registry path as the user should see it in diagnostics.
    var resolvedRegistryPath: String {
        registryPath ?? (contentDirectory as NSString).appendingPathComponent("variables.yaml")
    }

    /// Loads the registry, printing every diagnostic to stderr; exits 1 when any is an error,
    /// or when any is a warning and `strict` is set.
    func loadRegistry(strict: Bool = false) throws -> Registry {
        let path = resolvedRegistryPath
        let result = RegistryLoader.load(fileAt: URL(fileURLWithPath: path), displayPath: path)
        Console.report(result.diagnostics)
        guard let registry = result.registry, !(strict && !result.diagnostics.isEmpty) else { throw ExitCode.failure }
        return registry
    }
}

/// Writes diagnostics and messages where users and editors expect them.
enum Console {
    /// Prints each diagnostic on its own line to standard error.
    static func report(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { printError(diagnostic.description) }
    }

    /// Prints a line to standard error.
    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
