import CEnvrefSystem
import Foundation

/// What writing a set of files into a folder would change.
public struct OutputPlan: Sendable, Equatable {
    /// Files that do not exist yet.
    public var created: [String] = []
    /// Files whose bytes differ.
    public var modified: [String] = []
    /// Files in the folder that the new set no longer contains.
    public var removed: [String] = []
    /// Files already byte-for-byte identical.
    public var unchanged: [String] = []

    /// Every path that is out of date, sorted.
    public var outOfDate: [String] { (created + modified + removed).sorted() }

    /// Whether the folder already matches.
    public var isUpToDate: Bool { created.isEmpty && modified.isEmpty && removed.isEmpty }
}

/// Writes generated files: only the ones whose bytes change, and all-or-nothing.
///
/// In a folder it does not own, every new file is first written beside its target under a temporary
/// name; only when all of them are on disk are they renamed into place, so a failure part-way leaves
/// the folder as it was.
///
/// A folder it owns (`Site/`) is replaced as a whole: the new tree is assembled in a hidden sibling
/// folder (unchanged files hard-linked, so they keep their inode and modification time), then the two
/// folders are exchanged with one atomic `renameat2(RENAME_EXCHANGE)`. Even a `SIGKILL` at any moment
/// leaves either the whole old tree or the whole new one; leftovers of a killed build are removed by the
/// next one.
public struct OutputWriter: Sendable {
    /// The folder the files belong to.
    public var root: URL
    /// Whether files in `root` that are not in the set are removed (the folder is owned by the writer).
    public var ownsFolder: Bool

    /// Creates a writer for a folder.
    public init(root: URL, ownsFolder: Bool = false) {
        self.root = root
        self.ownsFolder = ownsFolder
    }

    /// Compares the files with what is on disk, without writing anything.
    public func plan(_ files: [OutputFile]) throws -> OutputPlan {
        try transact(files, dryRun: true)
    }

    /// Brings the folder in line with `files` and returns what changed.
    @discardableResult
    public func write(_ files: [OutputFile]) throws -> OutputPlan {
        if ownsFolder { return try transact(files, dryRun: false) }
        let plan = try plan(files)
        let changed = Set(plan.created + plan.modified)
        let pending = files.filter { changed.contains($0.path) }
        var staged: [(temporary: URL, final: URL)] = []
        do {
            for file in pending {
                let final = root.appending(path: file.path)
                try FileManager.default.createDirectory(
                    at: final.deletingLastPathComponent(), withIntermediateDirectories: true)
                let temporary = final.deletingLastPathComponent()
                    .appending(path: ".\(final.lastPathComponent).envref-\(ProcessInfo.processInfo.processIdentifier).tmp")
                try file.contents.write(to: temporary)
                staged.append((temporary, final))
            }
        } catch {
            for item in staged { try? FileManager.default.removeItem(at: item.temporary) }
            throw error
        }
        for item in staged {
            // rename(2) replaces the target atomically, so readers never see a partial file.
            guard rename(item.temporary.path, item.final.path) == 0 else {
                let error = Self.posixError(at: item.final)
                for pending in staged { try? FileManager.default.removeItem(at: pending.temporary) }
                throw error
            }
        }
        return plan
    }

    /// Starts replacing the owned folder file by file, so a large site never has to be held whole in
    /// memory; `dryRun` only compares (and works on any folder).
    public func begin(dryRun: Bool = false) throws -> OutputTransaction {
        precondition(ownsFolder || dryRun, "only a folder the writer owns is replaced as a whole")
        if !dryRun { try removeLeftoversOfInterruptedWrites() }
        // A folder the writer does not own may be large (the package root) and loses nothing, so it is not listed.
        return OutputTransaction(root: root, staging: dryRun ? nil : stagingFolder, existing: ownsFolder ? Set(try existingFiles()) : nil)
    }

    private func transact(_ files: [OutputFile], dryRun: Bool) throws -> OutputPlan {
        let transaction = try begin(dryRun: dryRun)
        for file in files { try transaction.add(file) }
        return try transaction.commit()
    }

    /// The hidden sibling folder this process assembles a new tree in.
    private var stagingFolder: URL {
        root.deletingLastPathComponent().appending(path: "\(stagingPrefix)\(ProcessInfo.processInfo.processIdentifier)")
    }

    /// The prefix of the hidden sibling folders a write assembles trees in.
    private var stagingPrefix: String { ".\(root.lastPathComponent).envref-" }

    /// Removes staging folders left by a write that was killed, unless their process still runs.
    private func removeLeftoversOfInterruptedWrites() throws {
        let parent = root.deletingLastPathComponent()
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names where name.hasPrefix(stagingPrefix) {
            if let pid = Int32(name.dropFirst(stagingPrefix.count)), !EndedProcess.hasEnded(pid) {
                continue
            }
            try FileManager.default.removeItem(at: parent.appending(path: name))
        }
    }

    static func posixError(at url: URL) -> CocoaError {
        let code = errno
        return CocoaError(.fileWriteUnknown, userInfo: [
            NSFilePathErrorKey: url.path,
            NSUnderlyingErrorKey: POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO),
        ])
    }

    private func existingFiles() throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [])
        else { return [] }
        let prefix = root.standardizedFileURL.path.count + 1
        var paths: [String] = []
        for case let url as URL in enumerator {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            paths.append(String(url.standardizedFileURL.path.dropFirst(prefix)))
        }
        return paths
    }
}

/// One replacement of an owned folder, or for a dry run a comparison with any folder, fed a file at a time.
///
/// Each file is compared with the one on disk as it arrives. Unchanged files are hard-linked into the
/// staging folder, so they keep their inode and modification time; others are written there. `commit`
/// swaps the staging folder with the old one in one atomic `renameat2(RENAME_EXCHANGE)`, or discards it
/// when nothing changed; `cancel` (or a failure) discards it and leaves the folder as it was.
public final class OutputTransaction {
    private let root: URL
    private let staging: URL?
    /// Every file in an owned folder; `nil` for a folder the writer does not own, where nothing is removed.
    private let existing: Set<String>?
    private var plan = OutputPlan()
    private var added: Set<String> = []
    private var isOpen = true

    init(root: URL, staging: URL?, existing: Set<String>?) {
        self.root = root
        self.staging = staging
        self.existing = existing
        if let staging { try? FileManager.default.removeItem(at: staging) }
    }

    deinit { cancel() }

    /// Compares `file` with the folder's copy and, unless this is a dry run, stages it.
    public func add(_ file: OutputFile) throws {
        precondition(isOpen, "the transaction is already committed or cancelled")
        guard added.insert(file.path).inserted else { return }
        let current = root.appending(path: file.path)
        let isUnchanged: Bool
        if existing?.contains(file.path) ?? FileManager.default.fileExists(atPath: current.path) {
            // A page the cache read from this folder is not read again: at 10,000 variables a rebuild takes eight
            // pages of several megabytes each whole.
            isUnchanged = file.isReadFromOutputFolder || Self.file(at: current, holds: file.contents)
            if isUnchanged { plan.unchanged.append(file.path) } else { plan.modified.append(file.path) }
        } else {
            isUnchanged = false
            plan.created.append(file.path)
        }
        guard let staging else { return }
        do {
            let target = staging.appending(path: file.path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            if isUnchanged, link(current.path, target.path) == 0 { return }
            try file.contents.write(to: target)
        } catch {
            cancel()
            throw error
        }
    }

    /// Whether the file at `url` holds exactly `contents`, read in small chunks: a large site's pages are
    /// megabytes each, and holding the old copy beside the new one would raise the build's peak memory.
    static func file(at url: URL, holds contents: Data) -> Bool {
        guard let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int, size == contents.count,
            let handle = try? FileHandle(forReadingFrom: url)
        else { return false }
        defer { try? handle.close() }
        return contents.withUnsafeBytes { expected in
            var offset = 0
            while offset < expected.count {
                guard let chunk = try? handle.read(upToCount: 1 << 16), !chunk.isEmpty, chunk.count <= expected.count - offset else { return false }
                let same = chunk.withUnsafeBytes { memcmp($0.baseAddress!, expected.baseAddress! + offset, chunk.count) == 0 }
                guard same else { return false }
                offset += chunk.count
            }
            return (try? handle.read(upToCount: 1))?.isEmpty ?? true
        }
    }

    /// Puts the new tree in place (unless nothing changed or this is a dry run) and returns what changed.
    @discardableResult
    public func commit() throws -> OutputPlan {
        precondition(isOpen, "the transaction is already committed or cancelled")
        isOpen = false
        plan.removed = existing?.subtracting(added).sorted() ?? []
        plan.created.sort()
        plan.modified.sort()
        plan.unchanged.sort()
        guard let staging else { return plan }
        let fileManager = FileManager.default
        guard !plan.isUpToDate else {
            try? fileManager.removeItem(at: staging)
            return plan
        }
        if !fileManager.fileExists(atPath: staging.path) {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
        }
        let swapped = fileManager.fileExists(atPath: root.path)
        let moved = swapped ? envref_exchange_paths(staging.path, root.path) : rename(staging.path, root.path)
        guard moved == 0 else {
            let error = OutputWriter.posixError(at: root)
            try? fileManager.removeItem(at: staging)
            throw error
        }
        // After a swap the staging name holds the old tree; after a rename there is nothing left to remove.
        if swapped { try? fileManager.removeItem(at: staging) }
        return plan
    }

    /// Discards whatever was staged; the folder stays as it was.
    public func cancel() {
        guard isOpen else { return }
        isOpen = false
        if let staging { try? FileManager.default.removeItem(at: staging) }
    }
}
