import EnvrefTestSupport
import Foundation
import Testing

/// GNU gettext's `msgfmt`, run as a process to check exported PO files.
enum Msgfmt {
    /// The executable, found on PATH.
    static let executable: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appending(path: "msgfmt")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }()

    /// Whether the tests that need it run: when it is installed, and always under CI (`CI=true`), where
    /// `make test` has installed it, so a missing one fails loudly instead of skipping quietly.
    static let isAvailable = executable != nil || TestEnvironment.isCI
    /// Where a missing `msgfmt` is looked for under CI, so running it fails with "no such file".
    private static let path = executable ?? URL(fileURLWithPath: "/usr/bin/msgfmt")
    static let missingReason: Comment = "GNU gettext's msgfmt is not installed (apt-get install gettext); `make test` installs it"

    /// Counts from `msgfmt --statistics`.
    struct Statistics: Equatable, CustomStringConvertible {
        var translated = 0
        var fuzzy = 0
        var untranslated = 0

        var description: String { "\(translated) translated, \(fuzzy) fuzzy, \(untranslated) untranslated" }
    }

    /// Runs `msgfmt --check --statistics` on PO text; returns the exit status, the statistics and stderr.
    static func check(_ text: String) throws -> (status: Int32, statistics: Statistics, output: String) {
        let folder = FileManager.default.temporaryDirectory.appending(path: "envref-msgfmt-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appending(path: "messages.po")
        try Data(text.utf8).write(to: file)
        let errors = Pipe()
        let process = try launch(["--check", "--statistics", "-o", "/dev/null", file.path], errors: errors)
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let output = String(decoding: data, as: UTF8.self)
        return (process.terminationStatus, statistics(in: output), output)
    }

    /// Compiles a PO file, fuzzy entries included, into a `.mo` file; returns the exit status.
    static func compile(_ file: URL, to compiled: URL) throws -> Int32 {
        let process = try launch(["--use-fuzzy", "-o", compiled.path, file.path], errors: FileHandle.nullDevice)
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Starts msgfmt with `arguments` in the C locale, its messages in English; standard error goes to `errors`.
    private static func launch(_ arguments: [String], errors: Any) throws -> Process {
        let process = Process()
        process.executableURL = path
        process.arguments = arguments
        process.environment = ["LC_ALL": "C", "PATH": ProcessInfo.processInfo.environment["PATH"] ?? ""]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        return process
    }

    /// The translations of a little-endian `.mo` file as the bytes it holds, which need not be UTF-8, keyed as
    /// gettext keys them: context, U+0004, then the msgid.
    static func catalog(_ data: Data) throws -> [String: [UInt8]] {
        let bytes = [UInt8](data)
        func word(_ offset: Int) -> Int {
            Int(bytes[offset]) | Int(bytes[offset + 1]) << 8 | Int(bytes[offset + 2]) << 16 | Int(bytes[offset + 3]) << 24
        }
        func string(_ table: Int, _ index: Int) -> [UInt8] {
            let length = word(table + index * 8), offset = word(table + index * 8 + 4)
            return Array(bytes[offset..<(offset + length)])
        }
        try #require(word(0) == 0x9504_12DE, "not a little-endian .mo file")
        let count = word(8), originals = word(12), translations = word(16)
        var catalog: [String: [UInt8]] = [:]
        for index in 0..<count { catalog[String(decoding: string(originals, index), as: UTF8.self)] = string(translations, index) }
        return catalog
    }

    /// Reads "2 translated messages, 1 fuzzy translation, 3 untranslated messages."
    static func statistics(in output: String) -> Statistics {
        var statistics = Statistics()
        for part in output.split(whereSeparator: { $0 == "," || $0 == "." || $0 == "\n" }) {
            let words = part.split(separator: " ")
            guard words.count >= 2, let number = Int(words[0]) else { continue }
            switch words[1] {
            case "translated": statistics.translated = number
            case "fuzzy": statistics.fuzzy = number
            case "untranslated": statistics.untranslated = number
            default: break
            }
        }
        return statistics
    }
}
