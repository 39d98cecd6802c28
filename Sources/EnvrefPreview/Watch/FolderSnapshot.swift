import Foundation

/// What a set of folders looks like on disk, cheaply enough to take several times a second: every
/// regular file's path, size and modification time. Two equal snapshots mean nothing was edited.
public struct FolderSnapshot: Hashable, Sendable {
    /// Size and modification time (nanoseconds) by path.
    public var files: [String: FileStamp]

    /// A file's size and modification time.
    public struct FileStamp: Hashable, Sendable {
        /// Bytes.
        public var size: Int64
        /// Nanoseconds since the epoch.
        public var modified: Int64
    }

    /// Reads every file under `folders`, skipping hidden files, which editors use for swap and backup copies.
    public static func take(of folders: [String]) -> FolderSnapshot {
        var files: [String: FileStamp] = [:]
        for folder in folders {
            visit(folder, into: &files)
        }
        return FolderSnapshot(files: files)
    }

    private static func visit(_ folder: String, into files: inout [String: FileStamp]) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where !name.hasPrefix(".") && !name.hasSuffix("~") {
            let path = folder + "/" + name
            var status = stat()
            guard stat(path, &status) == 0 else { continue }
            if (status.st_mode & S_IFMT) == S_IFDIR {
                visit(path, into: &files)
            } else if (status.st_mode & S_IFMT) == S_IFREG {
                let modified = Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec)
                files[path] = FileStamp(size: Int64(status.st_size), modified: modified)
            }
        }
    }
}
