import Foundation

/// One file a stage wants to exist, with its exact bytes, relative to an output folder.
public struct OutputFile: Hashable, Sendable {
    /// Path relative to the output folder, with `/` separators.
    public var path: String { didSet { isReadFromOutputFolder = false } }
    /// The complete contents.
    public var contents: Data { didSet { isReadFromOutputFolder = false } }
    /// Whether the output folder held exactly these bytes at `path` when the file was made, as a cache that read
    /// them from there found: the writer then takes the file as unchanged without reading it a second time. A
    /// hint about the folder, not part of the file: equality and hashing leave it out, and changing the path or
    /// the bytes drops it.
    public var isReadFromOutputFolder: Bool

    /// Creates a file from bytes; `readFromOutputFolder` says the output folder was found to hold them at `path`.
    public init(path: String, contents: Data, readFromOutputFolder: Bool = false) {
        self.path = path
        self.contents = contents
        isReadFromOutputFolder = readFromOutputFolder
    }

    /// Creates a file from text, encoded as UTF-8.
    public init(path: String, text: String) {
        self.init(path: path, contents: Data(text.utf8))
    }

    /// Whether the two are the same file: the same path and bytes.
    public static func == (lhs: OutputFile, rhs: OutputFile) -> Bool {
        lhs.path == rhs.path && lhs.contents == rhs.contents
    }

    /// Hashes the path and the bytes, as `==` compares them.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(path)
        hasher.combine(contents)
    }
}
