import EnvrefCore
import Foundation
import Yams

/// What loading a registry produced: the registry when there were no errors, and every diagnostic.
public struct RegistryLoadResult: Sendable {
    /// The validated registry, or `nil` when any diagnostic is an error.
    public var registry: Registry?
    /// Every problem found, in file order.
    public var diagnostics: [Diagnostic]
    /// The digests of each variable, in registry order, when the load went through a cache and has a snapshot,
    /// which keeps them with the registry; `nil` otherwise, as when the load had a diagnostic.
    public var variableDigests: [VariableDigest]?

    /// A result with no digests.
    public init(registry: Registry?, diagnostics: [Diagnostic]) {
        self.registry = registry
        self.diagnostics = diagnostics
    }

    /// The registry, or an error carrying every diagnostic.
    public func get() throws(DiagnosticsError) -> Registry {
        guard let registry else { throw DiagnosticsError(diagnostics) }
        return registry
    }
}

/// Reads `variables.yaml` and turns it into a validated `Registry`, collecting every problem.
///
/// The stages are: decode the bytes as UTF-8, scan libyaml events (syntax, duplicates, aliases,
/// nesting), compose with Yams keeping node positions, then decode and validate the model.
public enum RegistryLoader {
    /// Where the registry lives, relative to the project folder.
    public static let defaultPath = "Content/variables.yaml"
    /// Larger files are refused without being read further: the W&B registry is about 60 KiB and a
    /// registry of 10,000 variables in five languages about 12 MiB.
    public static let maximumFileSize = 32 << 20

    /// Loads a registry file; `displayPath` is what diagnostics show (defaults to the path as given). With a
    /// `cache`, the snapshot of the last clean load kept there is reused, so that only the entries whose lines
    /// changed since are composed again (`RegistrySnapshot`); the result is the same as without one. With
    /// `updatingCache`, a new snapshot replaces the old one once enough entries changed
    /// (`CacheFolder.isWorthRewriting`): until then each load composes the few changed entries again.
    public static func load(fileAt url: URL, displayPath: String? = nil, cache: CacheFolder? = nil,
                            updatingCache: Bool = true) -> RegistryLoadResult {
        let shownPath = displayPath ?? url.relativePath
        let bytes: [UInt8]
        switch read(url, shownPath: shownPath) {
        case .success(let read): bytes = read
        case .failure(let problem): return failure(problem)
        }
        guard let cache else { return load(bytes: bytes, path: shownPath) }
        let previous = cache.read(snapshotFile, format: snapshotFormat).flatMap(RegistrySnapshot.init(archived:))
        var (result, snapshot, composed) = load(bytes: bytes, path: shownPath, reusing: previous)
        // Nothing composed means the snapshot is the one read; a whole load always differs from it.
        if updatingCache, let snapshot, CacheFolder.isWorthRewriting(missing: composed, of: snapshot.entries.count) {
            cache.write(snapshotFile, format: snapshotFormat) { snapshot.write(to: &$0) }
        }
        result.variableDigests = snapshot?.variableDigests
        return result
    }

    /// The cache file that keeps the last clean load.
    static let snapshotFile = "registry.snapshot"
    /// Bumped whenever the snapshot's layout changes, so older files are ignored.
    static let snapshotFormat = "envref registry snapshot 2"

    /// Loads `bytes`, reloading only what changed since `previous` when it can, and gives the snapshot of this
    /// load for the next one (`nil` when this load had a diagnostic or cannot be reloaded in part), and how many
    /// of its entries were composed: none when nothing changed, every one when the file was loaded whole.
    public static func load(bytes: [UInt8], path: String, reusing previous: RegistrySnapshot?)
        -> (result: RegistryLoadResult, snapshot: RegistrySnapshot?, composedEntries: Int) {
        if let previous, let reloaded = previous.reloading(bytes, path: path) {
            return (RegistryLoadResult(registry: reloaded.snapshot.registry, diagnostics: []), reloaded.snapshot, reloaded.composedEntries)
        }
        let (result, entries) = loadWhole(bytes: bytes, path: path)
        return (result, RegistrySnapshot(bytes: bytes, result: result, entries: entries), result.registry?.variables.count ?? 0)
    }

    /// The file's bytes, or the diagnostic saying why they cannot be read. Reading one byte past the limit
    /// tells an oversized file apart without holding all of it.
    private static func read(_ url: URL, shownPath: String) -> Result<[UInt8], Diagnostic> {
        FileBytes.read(url.path, limit: maximumFileSize + 1).mapError { failure in
            .error("cannot read the registry: \(failure.reason)", at: SourceLocation(path: shownPath, line: 1, column: 1))
        }
    }

    /// Loads a registry from bytes already in memory.
    public static func load(bytes: [UInt8], path: String) -> RegistryLoadResult {
        load(bytes: bytes, path: path, composingInGroupsFrom: minimumVariablesToComposeInGroups)
    }

    /// From this many variables, the registry's entries are composed in groups over the cores: below it,
    /// starting the threads costs more than composing on one.
    static let minimumVariablesToComposeInGroups = 1_024

    /// `load(bytes:path:)`, composing in groups from `threshold` variables; tests lower it to cut small files.
    static func load(bytes: [UInt8], path: String, composingInGroupsFrom threshold: Int) -> RegistryLoadResult {
        loadWhole(bytes: bytes, path: path, composingInGroupsFrom: threshold).result
    }

    /// Loads every byte of a registry, as `load(bytes:path:)` describes, and says where the entries of its
    /// `variables` block mapping lie, for a snapshot; `namesOutside` are variables that `seeAlso` may name
    /// although the text does not hold them.
    static func loadWhole(bytes: [UInt8], path: String, composingInGroupsFrom threshold: Int = minimumVariablesToComposeInGroups,
                          namesOutside: Set<String> = []) -> (result: RegistryLoadResult, entries: YAMLPrescan.VariableEntries?) {
        let start = SourceLocation(path: path, line: 1, column: 1)
        guard bytes.count <= maximumFileSize else {
            return (failure(.error("the registry is larger than \(maximumFileSize >> 20) MiB; this line crosses the limit, and the rest was not read",
                                   at: Self.location(ofLineContaining: maximumFileSize, in: bytes, path: path))), nil)
        }
        let source: SourceText
        switch SourceText.decode(bytes, path: path) {
        case .success(let decoded): source = decoded
        case .failure(let error): return (RegistryLoadResult(registry: nil, diagnostics: error.diagnostics), nil)
        }
        if source.isBlank {
            return (failure(.error("the registry is empty; expected at least 'languages' and 'variables'", at: start)), nil)
        }
        let prescan = YAMLPrescan(source)
        if prescan.isFatal {
            return (RegistryLoadResult(registry: nil, diagnostics: prescan.diagnostics.sorted()), nil)
        }
        let root: Node?
        let entries = prescan.variableEntries?.keyLines.count ?? 0
        // Any piece that does not compose sends the whole file through `compose()`, which reports the problem as
        // it always has.
        if entries >= threshold, let grouped = prescan.composeInGroups(min(entries, parallelChunkLimit)) {
            root = grouped
        } else {
            switch prescan.compose() {
            case .success(let composed): root = composed
            case .failure(let problem): return (RegistryLoadResult(registry: nil, diagnostics: (prescan.diagnostics + [problem]).sorted()), nil)
            }
        }
        guard let root else {
            return (failure(.error("the registry is empty; expected at least 'languages' and 'variables'", at: start)), nil)
        }
        var decoder = RegistryDecoder(path: path, namesOutside: namesOutside)
        let registry = decoder.decode(root)
        let diagnostics = (prescan.diagnostics + decoder.diagnostics).sorted()
        return (RegistryLoadResult(registry: diagnostics.containsErrors ? nil : registry, diagnostics: diagnostics), prescan.variableEntries)
    }

    /// The start of the line holding byte `offset`, with line breaks counted as YAML counts them: LF, CRLF or
    /// a lone CR. This runs on files too large to walk byte by byte, so line feeds are found with `memchr`,
    /// and only text that has a carriage return before the offset is walked.
    private static func location(ofLineContaining offset: Int, in bytes: [UInt8], path: String) -> SourceLocation {
        var line = 1
        bytes.prefix(offset).withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            guard memchr(base, Int32(UInt8(ascii: "\r")), buffer.count) != nil else {
                var cursor = UnsafeRawPointer(base)
                let end = UnsafeRawPointer(base + buffer.count)
                while cursor < end, let newline = memchr(cursor, Int32(UInt8(ascii: "\n")), end - cursor) {
                    line += 1
                    cursor = UnsafeRawPointer(newline) + 1
                }
                return
            }
            // Only the line is read, so advancing byte by byte over multi-byte characters does no harm.
            var position = TextPosition()
            for byte in buffer { position.advance(over: Unicode.Scalar(byte)) }
            line = position.line
        }
        return SourceLocation(path: path, line: line, column: 1)
    }

    private static func failure(_ diagnostic: Diagnostic) -> RegistryLoadResult {
        RegistryLoadResult(registry: nil, diagnostics: [diagnostic])
    }
}
