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
        TestEnvironment.isCI || (try? run("import " + modules.joined(separator: ", ")).status) == 0
    }

    /// Why a test that needs Python was skipped.
    public static let missingReason: Comment = "python3 with PyYAML and jsonschema is not installed; `make test` installs them"

    /// Runs `script` with `arguments`, with `input` on standard input.
    public static func run(_ script: String, arguments: [String] = [], input: Data = Data()) throws -> Run {
        // Files, not pipes, for input and errors: only standard output is read while the script runs, so a large
        // input, or a script printing many warnings, cannot leave both sides waiting on each other.
        let inputFile = FileManager.default.temporaryDirectory.appending(path: "envref-python-\(UUID().uuidString)")
        let errorsFile = inputFile.appendingPathExtension("errors")
        try input.write(to: inputFile)
        try Data().write(to: errorsFile)
        defer {
            try? FileManager.default.removeItem(at: inputFile)
            try? FileManager.default.removeItem(at: errorsFile)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        process.standardInput = try FileHandle(forReadingFrom: inputFile)
        process.standardError = try FileHandle(forWritingTo: errorsFile)
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let complaints = try Data(contentsOf: errorsFile)
        return Run(status: process.terminationStatus, output: String(decoding: printed, as: UTF8.self),
                   errors: String(decoding: complaints, as: UTF8.self))
    }
}
