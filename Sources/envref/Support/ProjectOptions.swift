import ArgumentParser
import EnvrefCore
import EnvrefRegistry
import EnvrefTranslations
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

    /// Loads the registry, printing every diagnostic to stderr. Exits with `failureCode` when any is
    /// an error, or any is a warning and `strict` is set; commands whose 1 means "findings" pass 2.
    func loadRegistry(strict: Bool = false, failureCode: Int32 = 1) throws -> Registry {
        let path = resolvedRegistryPath
        let result = RegistryLoader.load(fileAt: URL(fileURLWithPath: path), displayPath: path)
        Console.report(result.diagnostics)
        guard let registry = result.registry, !(strict && !result.diagnostics.isEmpty) else {
            throw ExitCode(failureCode)
        }
        return registry
    }

    /// The registry and its lock, read at once on two cores; reports and exits as `loadRegistry` followed by
    /// `loadLock` would, so the lock's problems are shown only for a registry that loaded.
    func loadRegistryAndLock(failureCode: Int32) throws -> (registry: Registry, files: TranslationFiles, lock: TranslationLock) {
        let path = resolvedRegistryPath
        let files = TranslationFiles(registryPath: path)
        let (loaded, lock) = concurrently(
            { RegistryLoader.load(fileAt: URL(fileURLWithPath: path), displayPath: path) },
            { files.loadLock() })
        Console.report(loaded.diagnostics)
        guard let registry = loaded.registry else { throw ExitCode(failureCode) }
        Console.report(lock.diagnostics)
        if lock.diagnostics.containsErrors { throw ExitCode(failureCode) }
        return (registry, files, lock.lock)
    }

    /// The registry's translation files and its lock, printing the lock's diagnostics; exits with
    /// `failureCode` when the lock cannot be used.
    func loadLock(failureCode: Int32 = 1) throws -> (files: TranslationFiles, lock: TranslationLock) {
        let files = TranslationFiles(registryPath: resolvedRegistryPath)
        let (lock, diagnostics) = files.loadLock()
        Console.report(diagnostics)
        if diagnostics.containsErrors { throw ExitCode(failureCode) }
        return (files, lock)
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
