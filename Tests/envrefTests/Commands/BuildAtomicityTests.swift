import Foundation
import Testing

/// `Site/` is always a whole site, and the same inputs give the same bytes everywhere.
@Suite("envref build: atomic and reproducible", .serialized)
struct BuildAtomicityTests {
    /// A registry large enough that a debug build takes seconds, so kills land in every stage.
    static func largeRegistry(wording: String) -> String {
        var yaml = "languages: [en, fr, es, ja, ko]\nupdated: \"2026-11-22\"\nvariables:\n"
        for number in 0..<1_000 {
            yaml += "  APP_SETTING_\(number):\n    type: string\n    description:\n"
            for language in ["en", "fr", "es", "ja", "ko"] {
                yaml += "      \(language): \(wording) \(number) (\(language)) with `code`, *emphasis* and a [link](https://example.com/\(number)).\n"
            }
        }
        return yaml
    }

    static func stagingFolders(_ project: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: project.path)) ?? []).filter { $0.hasPrefix(".Site.envref-") }
    }

    static func startBuild(in project: URL) throws -> Process {
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = ["build"]
        process.currentDirectoryURL = project
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test("SIGKILL at any moment of a build leaves Site/ wholly old or wholly new")
    func killedBuildLeavesWholeSite() throws {
        let project = try CommandRunner.projectCopy()
        defer { try? FileManager.default.removeItem(at: project) }
        try? FileManager.default.removeItem(at: project.appending(path: "Content/translations.lock"))
        let registry = project.appending(path: "Content/variables.yaml")
        let site = project.appending(path: "Site")
        let wordings = ["First wording of setting", "Second wording of setting"]

        try Data(Self.largeRegistry(wording: wordings[0]).utf8).write(to: registry)
        #expect(try CommandRunner.run(["build"], in: project).status == 0)
        let firstSite = try CommandRunner.files(in: site)
        try Data(Self.largeRegistry(wording: wordings[1]).utf8).write(to: registry)
        let started = Date()
        #expect(try CommandRunner.run(["build"], in: project).status == 0)
        let fullBuild = Date().timeIntervalSince(started)
        let secondSite = try CommandRunner.files(in: site)
        try #require(firstSite != secondSite)

        // Kills spread over the whole build, then kills aimed at the write stage, once its staging folder appears.
        let moments: [(fraction: Double?, afterStaging: Double?)] =
            stride(from: 0.05, through: 1.0, by: 0.1).map { ($0, nil) } + [0, 0.001, 0.003, 0.01, 0.03].map { (nil, $0) }
        var killsDuringWrite = 0
        for (round, moment) in moments.enumerated() {
            try Data(Self.largeRegistry(wording: wordings[round % 2]).utf8).write(to: registry)
            let build = try Self.startBuild(in: project)
            if let fraction = moment.fraction {
                Thread.sleep(forTimeInterval: fullBuild * fraction)
            } else if let delay = moment.afterStaging {
                let deadline = Date().addingTimeInterval(fullBuild * 3)
                while build.isRunning, Self.stagingFolders(project).isEmpty, Date() < deadline { usleep(200) }
                Thread.sleep(forTimeInterval: delay)
            }
            kill(build.processIdentifier, SIGKILL)
            build.waitUntilExit()
            if Self.stagingFolders(project).contains(".Site.envref-\(build.processIdentifier)") { killsDuringWrite += 1 }

            let afterKill = try CommandRunner.files(in: site)
            #expect(afterKill == firstSite || afterKill == secondSite, "round \(round): Site/ is a mix of two builds")
        }
        #expect(killsDuringWrite >= 1, "no kill landed while the new tree was being written")

        let finished = try CommandRunner.run(["build"], in: project)
        #expect(finished.status == 0)
        #expect(Self.stagingFolders(project).isEmpty)
        #expect(try CommandRunner.files(in: site) == (moments.count % 2 == 0 ? secondSite : firstSite))
    }

    @Test("builds under different locales, time zones and working directories are byte-identical")
    func reproducibleAcrossEnvironments() throws {
        let project = try CommandRunner.projectCopy()
        defer { try? FileManager.default.removeItem(at: project) }
        let elsewhere = FileManager.default.temporaryDirectory.appending(path: "envref-elsewhere-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        try FileManager.default.removeItem(at: project.appending(path: "Site"))

        let plain = try CommandRunner.run(["build"], in: project, environment: ["LANG": "C", "LC_ALL": "C", "TZ": "UTC"])
        #expect(plain.status == 0)
        let paths = ["--content", project.appending(path: "Content").path, "--templates", project.appending(path: "Templates").path]
        let japanese = try CommandRunner.run(
            ["build"] + paths + ["--output", elsewhere.appending(path: "ja").path], in: elsewhere,
            environment: ["LANG": "ja_JP.UTF-8", "LC_ALL": "ja_JP.UTF-8", "TZ": "Asia/Tokyo"])
        #expect(japanese.status == 0)
        let turkish = try CommandRunner.run(
            ["build"] + paths + ["--output", "../tr"], in: project.appending(path: "Templates"),
            environment: ["LANG": "tr_TR.UTF-8", "LC_ALL": "tr_TR.UTF-8", "TZ": "Pacific/Kiritimati"])
        #expect(turkish.status == 0)
        // The cache the first build left in the project, read under another locale and time zone: every row,
        // the registry, the lock and the verdicts are taken from it, and the site must not change.
        let warm = try CommandRunner.run(
            ["build", "--output", "warm", "--timings"], in: project,
            environment: ["LANG": "ja_JP.UTF-8", "LC_ALL": "ja_JP.UTF-8", "TZ": "Asia/Tokyo"])
        #expect(warm.status == 0)
        #expect(warm.errorLines.last?.hasSuffix(" reused, 0 rendered, 0 shapes") == true)

        let reference = try CommandRunner.files(in: project.appending(path: "Site"))
        #expect(reference.count > 10)
        #expect(try CommandRunner.files(in: elsewhere.appending(path: "ja")) == reference)
        #expect(try CommandRunner.files(in: project.appending(path: "tr")) == reference)
        #expect(try CommandRunner.files(in: project.appending(path: "warm")) == reference)
        #expect(try CommandRunner.files(in: CommandRunner.repositoryRoot.appending(path: "Site")) == reference)
    }
}
