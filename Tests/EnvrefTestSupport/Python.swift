import Foundation
import Testing

/// The `python3` that `make test` installs PyYAML and jsonschema into: the first on the PATH.
public enum Python {
    /// What a script printed, and how it ended.
    public struct Run: Sendable {
        /// The exit status.
        public var status: Int32
        /// Standard output.
        public var output: String
        /// Standard error, for the failure message.
        public var errors: String
    }

    /// Whether a test that needs `python3` with every module in `modules` should run: when they import, and
    /// always under CI (`CI=true`), where `make test` has installed them, so a missing one fails the test loudly
    /// instead of skipping it quietly. For `.enabled(if:)`, so a local run without them shows the test as skipped.
    public static func isReady(_ modules: [String]) -> Bool {
        ProcessInfo.processInfo.environment["CI"] == "true" || (try? run("import " + modules.joined(separator: ", ")).status) == 0
    }

    /// Why a test that needs Python was skipped.
    public static let missingReason: Comment = "python3 with PyYAML and jsonschema is not installed; `make test` installs them"

    /// Runs `script` with `arguments`, with `input` on standard input.
    public static func run(_ script: String, arguments: [String] = [], input: Data = Data()) throws -> Run {
        // A file, not a pipe, so a large input cannot wait on a script that is waiting to print.
        let inputFile = FileManager.default.temporaryDirectory.appending(path: "envref-python-\(UUID().uuidString)")
        try input.write(to: inputFile)
        defer { try? FileManager.default.removeItem(at: inputFile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        process.standardInput = try FileHandle(forReadingFrom: inputFile)
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        let complaints = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: printed, as: UTF8.self),
                   errors: String(decoding: complaints, as: UTF8.self))
    }
}
