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

    /// Whether `python3` runs and can import every module; under CI a missing one is recorded as a failure,
    /// since `make test` installs them, while locally the test that needs it is skipped.
    public static func canImport(_ modules: [String]) -> Bool {
        let available = (try? run("import " + modules.joined(separator: ", ")).status) == 0
        if !available, ProcessInfo.processInfo.environment["CI"] == "true" {
            Issue.record("python3 with \(modules.joined(separator: ", ")) is not installed")
        }
        return available
    }

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
