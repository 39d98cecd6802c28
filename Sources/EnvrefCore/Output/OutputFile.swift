import Foundation

/// One file a stage wants to exist, with its exact bytes, relative to an output folder.
public struct OutputFile: Hashable, Sendable {
    /// Path relative to the output folder, with `/` separators.
    public var path: String
    /// The complete contents.
    public var contents: Data

    /// Creates a file from bytes.
    public init(path: String, contents: Data) {
        self.path = path
        self.contents = contents
    }

    /// Creates a file from text, encoded as UTF-8.
    public init(path: String, text: String) {
        self.init(path: path, contents: Data(text.utf8))
    }
}
