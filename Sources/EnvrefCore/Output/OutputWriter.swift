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
/// Every new file is first written beside its target under a temporary name; only when all of
/// them are on disk are they renamed into place, so a failure part-way leaves the folder as it was.
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
