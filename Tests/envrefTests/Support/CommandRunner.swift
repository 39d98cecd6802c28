import Foundation

/// Runs the built `envref` executable as a user would, capturing everything it prints.
struct CommandRunner {
    struct Output {
        var status: Int32
        var standardOutput: String
        var standardError: String
        /// Standard error split into lines, without the trailing empty one.
        var errorLines: [String] { standardError.split(separator: "\n").map(String.init) }
    }

    /// The padding, in bytes, that `CEnvrefHeap` gives the heaps of a process inheriting this environment: 48 MiB
    /// on glibc, none where the environment chose one or the C library is another.
    static var expectedHeapPadding: Int {
        #if canImport(Glibc)
        let environment = ProcessInfo.processInfo.environment
        let chosen = environment["MALLOC_TOP_PAD_"] != nil || environment["GLIBC_TUNABLES"]?.contains("glibc.malloc.top_pad") == true
        return chosen ? 0 : 48 << 20
        #else
        return 0
        #endif
    }

    /// The line `--timings` starts with when `CEnvrefHeap` set no padding.
    static let heapPaddingLeftAlone = "heap padding: as the C library or the environment sets it"

    /// The line `--timings` starts with in an `envref` that inherits this process's environment.
    static var heapPaddingLine: String {
        expectedHeapPadding == 0 ? heapPaddingLeftAlone : "heap padding: \(expectedHeapPadding >> 20) MiB"
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "../../..").standardized

    /// The executable next to the test bundle, where SwiftPM builds every product.
    static var executable: URL {
        let bundleDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [bundleDirectory, Bundle.main.bundleURL.deletingLastPathComponent(), bundleDirectory.deletingLastPathComponent()]
        return candidates.map { $0.appending(path: "envref") }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
            ?? bundleDirectory.appending(path: "envref")
    }

    /// Runs `envref` with arguments in a working directory, with extra environment variables if given.
    static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Read both pipes before waiting so a chatty command cannot fill a pipe and block.
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, standardOutput: String(decoding: outData, as: UTF8.self),
                      standardError: String(decoding: errData, as: UTF8.self))
    }

    /// A copy of the project's Content/, Templates/ and Site/ in a fresh folder.
    static func projectCopy() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appending(path: "envref-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for folder in ["Content", "Templates", "Site"] {
            try FileManager.default.copyItem(at: repositoryRoot.appending(path: folder), to: directory.appending(path: folder))
        }
        return directory
    }

    /// Every file under `folder`, by relative path, with its bytes.
    static func files(in folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return files }
        for case let url as URL in enumerator where !url.hasDirectoryPath {
            files[String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))] = try Data(contentsOf: url)
        }
        return files
    }
}
