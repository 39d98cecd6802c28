import Foundation
import Testing

/// `wandb-settings` run as a process, in a temporary project with its own home folder and environment.
@Suite struct WandbSettingsCommandTests {
    static let secret = "process-secret-0123456789abcdef0123456789"

    struct Output {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    struct Project {
        let root = FileManager.default.temporaryDirectory.appending(path: "wandb-settings-\(UUID().uuidString)")
        var workingDirectory: URL { root.appending(path: "project") }
        var home: URL { root.appending(path: "home") }

        init() throws {
            try FileManager.default.createDirectory(at: workingDirectory, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        }

        func write(_ text: String, to relativePath: String) throws {
            let url = root.appending(path: relativePath)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }

        /// Runs `wandb-settings` with only `HOME` and the given variables in its environment.
        func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Output {
            let process = Process()
            process.executableURL = try WandbSettingsCommandTests.executable()
            process.arguments = arguments
            process.currentDirectoryURL = workingDirectory
            process.environment = environment.merging(["HOME": home.path]) { own, _ in own }
            let output = Pipe(), error = Pipe()
            process.standardOutput = output
            process.standardError = error
            try process.run()
            let outData = output.fileHandleForReading.readDataToEndOfFile()
            let errData = error.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return Output(status: process.terminationStatus, standardOutput: String(decoding: outData, as: UTF8.self),
                          standardError: String(decoding: errData, as: UTF8.self))
        }
    }

    /// The executable next to the test bundle, where SwiftPM builds every product.
    static func executable() throws -> URL {
        let bundleDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [bundleDirectory, Bundle.main.bundleURL.deletingLastPathComponent(), bundleDirectory.deletingLastPathComponent()]
        return try #require(candidates.map { $0.appending(path: "wandb-settings") }.first { FileManager.default.isExecutableFile(atPath: $0.path) })
    }

    @Test func jsonShowsEveryValueWithItsSource() throws {
        let project = try Project()
        try project.write("[default]\nentity = from-project\n", to: "project/wandb/settings")
        try project.write("[default]\nnotes = from-user\n", to: "home/.config/wandb/settings")
        let output = try project.run(["--json", "--set", "WANDB_PROJECT=from-override"],
                                     environment: ["WANDB_MODE": "offline", "WANDB_API_KEY": Self.secret, "WANDB_TAGS": "a, b"])
        #expect(output.status == 0, "\(output.standardError)")
        #expect(output.standardError.isEmpty)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: [String: Any]])
        #expect(object["WANDB_MODE"]?["value"] as? String == "offline")
        #expect(object["WANDB_MODE"]?["source"] as? String == "environment")
        #expect(object["WANDB_PROJECT"]?["source"] as? String == "override")
        #expect(object["WANDB_ENTITY"]?["value"] as? String == "from-project")
        #expect(object["WANDB_ENTITY"]?["source"] as? String == "project-settings")
        #expect(object["WANDB_NOTES"]?["source"] as? String == "user-settings")
        #expect(object["WANDB_ANONYMOUS"]?["source"] as? String == "default")
        #expect(object["WANDB_TAGS"]?["value"] as? [String] == ["a", "b"])
        #expect(object["WANDB_QUIET"]?["value"] as? Bool == false)
        #expect(object["WANDB_API_KEY"]?["value"] as? String == "<REDACTED>")
        #expect(object["WANDB_DESCRIPTION"] == nil)
        #expect(!output.standardOutput.contains(Self.secret))
    }

    @Test func textShowsTheOriginOfEachSetValue() throws {
        let project = try Project()
        try project.write("[default]\nentity = from-project\n", to: "project/wandb/settings")
        let output = try project.run([], environment: ["WANDB_MODE": "offline", "WANDB_API_KEY": Self.secret])
        #expect(output.status == 0)
        let lines = output.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.contains("environment\tWANDB_MODE=offline"))
        #expect(lines.contains("environment\tWANDB_API_KEY=<REDACTED>"))
        #expect(lines.contains("project-settings:\(project.workingDirectory.path)/wandb/settings\tWANDB_ENTITY=from-project"))
        #expect(lines.contains("default\tWANDB_CONFIG_DIR=\(project.home.path)/.config/wandb"))
        #expect(!lines.contains { $0.contains("WANDB_PROJECT=") })
        #expect(!output.standardOutput.contains(Self.secret))
    }

    @Test func invalidSettingsPrintEveryErrorAndExit1() throws {
        let project = try Project()
        let output = try project.run(
            ["--set", "WANDB_QUIET=maybe", "--set", "WANDB_API_KEY=\(Self.secret)"],
            environment: ["WANDB_MODE": "bogus", "WANDB_RUN_ID": String(repeating: "x", count: 65), "WANDB_BASE_URL": "nowhere"])
        #expect(output.status == 1)
        #expect(output.standardOutput.isEmpty)
        #expect(output.standardError == """
            error: WANDB_BASE_URL='nowhere' (environment): expected an absolute URL such as https://example.com
            error: WANDB_MODE='bogus' (environment): expected one of online, offline, disabled
            error: WANDB_QUIET='maybe' (override): expected true, false, 1, 0, yes or no
            error: WANDB_RUN_ID='\(String(repeating: "x", count: 65))' (environment): expected at most 64 characters

            """)
        #expect(!output.standardError.contains(Self.secret))
    }

    @Test func deprecatedNamesAndValuesPrintWarningsNamingTheReplacement() throws {
        let project = try Project()
        let output = try project.run(["--json"], environment: ["WANDB_DESCRIPTION": "baseline", "WANDB_MODE": "dryrun"])
        #expect(output.status == 0)
        #expect(output.standardError == """
            warning: WANDB_MODE='dryrun' (environment) is deprecated; use 'offline' instead
            warning: WANDB_DESCRIPTION (environment) is deprecated; use WANDB_NAME instead

            """)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: [String: Any]])
        #expect(object["WANDB_NAME"]?["value"] as? String == "baseline")
        #expect(object["WANDB_NAME"]?["deprecatedName"] as? String == "WANDB_DESCRIPTION")
        #expect(object["WANDB_MODE"]?["value"] as? String == "offline")
    }

    @Test func unknownOverrideIsAnError() throws {
        let output = try Project().run(["--set", "WANDB_MODEE=offline"])
        #expect(output.status == 1)
        #expect(output.standardError == "error: WANDB_MODEE (override): not a setting of WandbSettings\n")
    }

    @Test func malformedSetIsAUsageError() throws {
        let output = try Project().run(["--set", "novalue"])
        #expect(output.status == 64)
        #expect(output.standardError.contains("--set expects NAME=VALUE, not 'novalue'"))
    }
}
