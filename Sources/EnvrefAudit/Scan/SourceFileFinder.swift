import EnvrefCore
import Foundation

/// A source file to audit: where it is, and the path to show for it.
public struct SourceFile: Hashable, Sendable {
    /// The file.
    public var url: URL
    /// The path as diagnostics show it, built from the path the user gave.
    public var displayPath: String
}

/// Scan stage: turns the paths given on the command line into the Swift, Python, Go and shell files under them.
public struct SourceFileFinder: Sendable {
    /// File name extensions that are audited.
    public static let extensions: Set<String> = ["swift", "py", "pyi", "go", "sh", "bash", "zsh", "ksh"]
    /// Interpreters whose extensionless scripts are audited, recognised by their `#!` line.
    public static let interpreters = ["sh", "bash", "zsh", "ksh", "dash", "python", "python3"]
    /// Folders never entered: build output, dependencies and caches.
    public static let skippedFolders: Set<String> = ["node_modules", "__pycache__", "vendor"]

    /// Creates a finder.
    public init() {}

    /// Every auditable file under `paths`, sorted by display path; a path that does not exist is an error.
    ///
    /// A file named directly is always audited; inside folders, hidden entries, `.build*` folders and the
    /// `skippedFolders` are not entered.
    public func files(under paths: [String], relativeTo base: URL) -> (files: [SourceFile], diagnostics: [Diagnostic]) {
        var files: [SourceFile] = []
        var diagnostics: [Diagnostic] = []
        for path in paths {
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : base.appending(path: path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                diagnostics.append(.error("cannot audit '\(path)': no such file or folder"))
                continue
            }
            if isDirectory.boolValue {
                collect(in: url, displayPrefix: path, into: &files)
            } else {
                files.append(SourceFile(url: url, displayPath: path))
            }
        }
        var seen: Set<String> = []
        let unique = files.filter { seen.insert($0.url.standardizedFileURL.path).inserted }
        return (unique.sorted { $0.displayPath < $1.displayPath }, diagnostics)
    }

    private func collect(in directory: URL, displayPrefix: String, into files: inout [SourceFile]) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        for name in names.sorted() where !name.hasPrefix(".") {
            let url = directory.appending(path: name)
            let display = displayPrefix == "." ? name : (displayPrefix.hasSuffix("/") ? displayPrefix + name : displayPrefix + "/" + name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                if Self.skippedFolders.contains(name) { continue }
                collect(in: url, displayPrefix: display, into: &files)
            } else if isAuditable(url) {
                files.append(SourceFile(url: url, displayPath: display))
            }
        }
    }

    private func isAuditable(_ url: URL) -> Bool {
        let pathExtension = url.pathExtension.lowercased()
        if !pathExtension.isEmpty { return Self.extensions.contains(pathExtension) }
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 128)) ?? Data()
        guard let firstLine = String(decoding: head, as: UTF8.self).split(whereSeparator: \.isNewline).first, firstLine.hasPrefix("#!") else { return false }
        let words = firstLine.dropFirst(2).split(whereSeparator: { $0 == " " || $0 == "/" })
        return words.contains { Self.interpreters.contains(String($0)) }
    }
}
