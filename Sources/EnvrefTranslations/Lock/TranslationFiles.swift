import EnvrefCore
import Foundation

/// The registry file and its lock, read and written together.
public struct TranslationFiles: Sendable {
    /// The registry as the user named it (diagnostics show this).
    public var registryPath: String
    /// The lock's display path, next to the registry.
    public var lockPath: String

    /// The files for a registry path.
    public init(registryPath: String) {
        self.registryPath = registryPath
        lockPath = TranslationLock.displayPath(besideRegistry: registryPath)
    }

    private var registryURL: URL { URL(fileURLWithPath: registryPath) }
    private var folder: URL { registryURL.deletingLastPathComponent() }

    /// Reads the lock, through `cache` when given (`LockFile.load(fileAt:displayPath:cache:)`); a missing lock is empty.
    public func loadLock(cache: CacheFolder? = nil, updatingCache: Bool = true) -> (lock: TranslationLock, diagnostics: [Diagnostic]) {
        LockFile.load(fileAt: TranslationLock.url(besideRegistry: registryURL), displayPath: lockPath, cache: cache, updatingCache: updatingCache)
    }

    /// The registry's text.
    public func registryText() throws -> String {
        try String(contentsOf: registryURL, encoding: .utf8)
    }

    /// Writes the lock and, when given, the registry text: only files whose bytes change, all or nothing.
    @discardableResult
    public func write(lock: TranslationLock, registryText: String? = nil) throws -> OutputPlan {
        var files = [OutputFile(path: TranslationLock.fileName, text: LockFile.serialize(lock))]
        if let registryText { files.append(OutputFile(path: registryURL.lastPathComponent, text: registryText)) }
        return try OutputWriter(root: folder).write(files)
    }
}
