import ArgumentParser
import CEnvrefHeap
import EnvrefCore
import EnvrefDocs
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
    /// `cache` keeps the last clean load, so the next one composes only the entries that changed.
    func loadRegistry(strict: Bool = false, failureCode: Int32 = 1, cache: CacheFolder? = nil) throws -> Registry {
        try reported(loadedRegistry(cache: cache), strict: strict, failureCode: failureCode)
    }

    /// The registry, its translation files and its lock, read at once on two cores; prints every diagnostic
    /// and exits as `loadRegistry` does, showing the lock's problems only for a registry that loaded and
    /// exiting with `failureCode` when the lock cannot be used. With a `cache`, the registry comes with its
    /// variables' digests, for the translation status.
    func loadRegistryAndLock(failureCode: Int32 = 1, cache: CacheFolder? = nil) throws -> LoadedTranslations {
        let files = TranslationFiles(registryPath: resolvedRegistryPath)
        let (loaded, lock) = concurrently({ loadedRegistry(cache: cache) }, { files.loadLock(cache: cache) })
        let registry = try reported(loaded, strict: false, failureCode: failureCode)
        return LoadedTranslations(registry: registry, files: files, lock: try reported(lock, failureCode: failureCode),
                                  variableDigests: loaded.variableDigests)
    }

    private func loadedRegistry(cache: CacheFolder?) -> RegistryLoadResult {
        RegistryLoader.load(fileAt: URL(fileURLWithPath: resolvedRegistryPath), displayPath: resolvedRegistryPath, cache: cache)
    }

    /// The registry, once its diagnostics are printed; exits as `loadRegistry` describes.
    private func reported(_ result: RegistryLoadResult, strict: Bool, failureCode: Int32) throws -> Registry {
        Console.report(result.diagnostics)
        guard let registry = result.registry, !(strict && !result.diagnostics.isEmpty) else { throw ExitCode(failureCode) }
        return registry
    }

    /// The lock, once its diagnostics are printed; exits when any is an error.
    private func reported(_ loaded: (lock: TranslationLock, diagnostics: [Diagnostic]), failureCode: Int32) throws -> TranslationLock {
        Console.report(loaded.diagnostics)
        if loaded.diagnostics.containsErrors { throw ExitCode(failureCode) }
        return loaded.lock
    }
}

/// A registry and its translation lock, as the translation commands load them (`loadRegistryAndLock`).
struct LoadedTranslations {
    /// The registry.
    var registry: Registry
    /// Where its translation files are.
    var files: TranslationFiles
    /// Its lock.
    var lock: TranslationLock
    /// Its variables' digests, when it came through the cache (`RegistryLoadResult.variableDigests`).
    var variableDigests: [VariableDigest]?
}

/// Writes diagnostics and messages where users and editors expect them.
enum Console {
    /// Prints each diagnostic on its own line to standard error.
    static func report(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { printError(diagnostic.description) }
    }

    /// The line `--timings` starts with: how the C allocator's heaps are padded (`CEnvrefHeap`), which every
    /// time below depends on, and which the environment can change.
    static var heapPaddingLine: String {
        let padding = envref_heap_padding()
        return padding == 0 ? "heap padding: as the C library or the environment sets it" : "heap padding: \(padding >> 20) MiB"
    }

    /// Prints a line to standard error.
    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// Where commands keep work between runs: rendered rows, the pages written, the loaded registry and lock, the
/// translation status.
struct CacheOptions: ParsableArguments {
    @Option(name: .customLong("cache"), help: "The folder that keeps work between runs: rendered rows, the pages written, the loaded registry and lock, the translation status.")
    var cacheDirectory = ".envref-cache"

    @Flag(name: .customLong("no-cache"), help: "Do all the work, and neither read nor write the cache.")
    var noCache = false

    /// The folder, or `nil` with `--no-cache`.
    var folder: CacheFolder? {
        noCache ? nil : CacheFolder(directory: URL(fileURLWithPath: cacheDirectory), identity: Self.programIdentity)
    }

    /// The cache, or `nil` with `--no-cache`.
    var rowCache: RowCache? {
        folder.map(RowCache.init(folder:))
    }

    /// The version and the executable's identity: a rebuilt envref may render rows differently without a new
    /// version number, and must not reuse the rows an older build left.
    static var programIdentity: String {
        "envref \(Envref.configuration.version) \(ExecutableIdentity.current)"
    }
}
