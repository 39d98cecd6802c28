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
        var plan = OutputPlan()
        for file in files.sorted(by: { $0.path < $1.path }) {
            let url = root.appending(path: file.path)
            if let existing = FileManager.default.contents(atPath: url.path) {
                if existing == file.contents {
                    plan.unchanged.append(file.path)
                } else {
                    plan.modified.append(file.path)
                }
            } else {
                plan.created.append(file.path)
            }
        }
        if ownsFolder {
            let wanted = Set(files.map(\.path))
            plan.removed = try existingFiles().filter { !wanted.contains($0) }.sorted()
        }
        return plan
    }

    /// Brings the folder in line with `files` and returns what changed.
    @discardableResult
    public func write(_ files: [OutputFile]) throws -> OutputPlan {
        let plan = try plan(files)
        if ownsFolder {
            try removeLeftoversOfInterruptedWrites()
            if !plan.isUpToDate { try replaceTree(with: files, plan: plan) }
            return plan
        }
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
                let code = errno
                for pending in staged { try? FileManager.default.removeItem(at: pending.temporary) }
                throw CocoaError(.fileWriteUnknown, userInfo: [
                    NSFilePathErrorKey: item.final.path,
                    NSUnderlyingErrorKey: POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO),
                ])
            }
        }
        for path in plan.removed {
            try FileManager.default.removeItem(at: root.appending(path: path))
        }
        return plan
    }

    /// The prefix of the hidden sibling folders a write assembles trees in.
    private var stagingPrefix: String { ".\(root.lastPathComponent).envref-" }

    private func replaceTree(with files: [OutputFile], plan: OutputPlan) throws {
        let fileManager = FileManager.default
        let staging = root.deletingLastPathComponent()
            .appending(path: "\(stagingPrefix)\(ProcessInfo.processInfo.processIdentifier)")
        try? fileManager.removeItem(at: staging)
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
            let unchanged = Set(plan.unchanged)
            for file in files {
                let target = staging.appending(path: file.path)
                try fileManager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                if unchanged.contains(file.path), link(root.appending(path: file.path).path, target.path) == 0 { continue }
                try file.contents.write(to: target)
            }
            if fileManager.fileExists(atPath: root.path) {
                guard envref_exchange_paths(staging.path, root.path) == 0 else { throw Self.posixError(at: root) }
            } else {
                guard rename(staging.path, root.path) == 0 else { throw Self.posixError(at: root) }
                return
            }
        } catch {
            try? fileManager.removeItem(at: staging)
            throw error
        }
        // The staging name now holds the old tree.
        try? fileManager.removeItem(at: staging)
    }

    /// Removes staging folders left by a write that was killed, unless their process still runs.
    private func removeLeftoversOfInterruptedWrites() throws {
        let parent = root.deletingLastPathComponent()
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names where name.hasPrefix(stagingPrefix) {
            if let pid = Int32(name.dropFirst(stagingPrefix.count)), pid != ProcessInfo.processInfo.processIdentifier,
                kill(pid, 0) == 0
            {
                continue
            }
            try FileManager.default.removeItem(at: parent.appending(path: name))
        }
    }

    private static func posixError(at url: URL) -> CocoaError {
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
