import Foundation
import Testing

@Suite("envref build, as a process")
struct BuildCommandTests {
    func snapshotOfSite(_ project: URL) throws -> [String: Data] {
        try CommandRunner.files(in: project.appending(path: "Site"))
    }

    func modificationDate(_ url: URL) throws -> Date {
        try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date)
    }

    @Test("the committed Site/ is up to date with Content/ and Templates/")
    func committedSiteIsCurrent() throws {
        let result = try CommandRunner.run(["build", "--check"], in: CommandRunner.repositoryRoot)
        #expect(result.status == 0, "\(result.standardError)")
    }

    @Test("a build from scratch writes every page; a second build writes nothing")
    func incremental() throws {
        let project = try CommandRunner.projectCopy()
        defer { try? FileManager.default.removeItem(at: project) }
        try FileManager.default.removeItem(at: project.appending(path: "Site"))
        let first = try CommandRunner.run(["build"], in: project)
        #expect(first.status == 0)
        #expect(first.standardOutput == "Site: 20 created, 0 updated, 0 removed, 0 unchanged\n")
        let page = project.appending(path: "Site/fr/index.html")
        let before = try modificationDate(page)
        let second = try CommandRunner.run(["build"], in: project)
        #expect(second.standardOutput == "Site: 0 created, 0 updated, 0 removed, 20 unchanged\n")
        #expect(try modificationDate(page) == before)
    }

    @Test("--timings prints each stage's wall time to standard error, then the total")
    func timings() throws {
        let project = try CommandRunner.projectCopy()
        defer { try? FileManager.default.removeItem(at: project) }
        let result = try CommandRunner.run(["build", "--timings"], in: project)
        #expect(result.status == 0)
        #expect(result.standardOutput == "Site: 0 created, 0 updated, 0 removed, 20 unchanged\n")
        let languageStages: [String] = ["en", "fr", "es", "ja", "ko"].flatMap { ["translate \($0)", "render \($0)"] }
        let stages: [String] = ["open the site folder", "load registry, lock and templates", "load content"]
            + languageStages + ["translation status", "translate site-wide pages", "render site-wide pages"]
        // The heap padding first: the environment can change it, and every time below depends on it.
        #expect(result.errorLines.first == CommandRunner.heapPaddingLine)
        let table = result.errorLines.dropFirst().dropLast()
        let names: [String] = table.map { $0.split(separator: " ").dropLast(2).joined(separator: " ") }
        #expect(names == stages + ["commit", "total"])
        #expect(table.allSatisfy { $0.hasSuffix(" ms") })
        // The first build in a fresh folder has no cache yet: every row is rendered, 36 variables on each of the five
        // reference pages and in the translation matrix.
        #expect(result.errorLines.last == "rows: 0 reused, 216 rendered, 103 shapes")
        // --check writes nothing, so its last stage is named for what it does; it reads the rows the build kept.
        let check = try CommandRunner.run(["build", "--check", "--timings"], in: project)
        #expect(check.status == 0)
        #expect(check.errorLines.dropFirst().dropLast().map { $0.split(separator: " ").dropLast(2).joined(separator: " ") }
            == stages + ["compare with the site folder", "total"])
        #expect(check.errorLines.last == "rows: 216 reused, 0 rendered, 0 shapes")
    }

    @Test("rows, the registry, the lock and the status are kept in .envref-cache, or in the --cache folder, and --no-cache neither reads nor writes one")
    func rowCacheLocation() throws {
        let project = try CommandRunner.projectCopy()
        defer { try? FileManager.default.removeItem(at: project) }
        let manager = FileManager.default
        let uncached = try CommandRunner.run(["build", "--no-cache", "--timings"], in: project)
        #expect(uncached.errorLines.last == "rows: 0 reused, 216 rendered, 103 shapes")
        #expect(!manager.fileExists(atPath: project.appending(path: ".envref-cache").path))

        _ = try CommandRunner.run(["build"], in: project)
        let cache = project.appending(path: ".envref-cache")
        #expect(try manager.contentsOfDirectory(atPath: cache.path).sorted()
            == [".gitignore", "CACHEDIR.TAG", "pages", "reference-en.rows", "reference-es.rows", "reference-fr.rows", "reference-ja.rows",
               "reference-ko.rows", "registry.snapshot", "translations.rows", "translations.snapshot", "translations.status"])
        let again = try CommandRunner.run(["build", "--no-cache", "--timings"], in: project)
        #expect(again.errorLines.last == "rows: 0 reused, 216 rendered, 103 shapes")

        let elsewhere = try CommandRunner.run(["build", "--cache", "rows", "--timings"], in: project)
        #expect(elsewhere.errorLines.last == "rows: 0 reused, 216 rendered, 103 shapes")
        #expect(manager.fileExists(atPath: project.appending(path: "rows/reference-ja.rows").path))
    }

    @Test("two builds are byte-for-byte identical")
    func deterministic() throws {
        let one = try CommandRunner.projectCopy(), two = try CommandRunner.projectCopy()
        defer {
            try? FileManager.default.removeItem(at: one)
            try? FileManager.default.removeItem(at: two)
        }
        for project in [one, two] {
            try FileManager.default.removeItem(at: project.appending(path: "Site"))
            #expect(try CommandRunner.run(["build"], in: project).status == 0)
        }
        #expect(try snapshotOfSite(one) == snapshotOfSite(two))
    }

    @Test("--check names every out-of-date file and writes nothing")
    func check() throws {
        let project = try CommandRunner.projectCopy()
        defer { try? FileManager.default.removeItem(at: project) }
        try Data("stale\n".utf8).write(to: project.appending(path: "Site/ja/index.html"))
        try FileManager.default.removeItem(at: project.appending(path: "Site/ko/environment-variables.md"))
        try Data("old\n".utf8).write(to: project.appending(path: "Site/de.html"))
        let before = try snapshotOfSite(project)
        let result = try CommandRunner.run(["build", "--check"], in: project)
        #expect(result.status == 1)
        #expect(result.errorLines == [
            "Site/ko/environment-variables.md: missing",
            "Site/ja/index.html: out of date",
            "Site/de.html: no longer generated",
            "3 file(s) out of date; run 'envref build' (or 'make site')",
        ])
        #expect(try snapshotOfSite(project) == before)
    }

    @Test("a failed build leaves Site/ exactly as it was")
    func failureLeavesSiteAlone() throws {
        let project = try CommandRunner.projectCopy()
        defer { try? FileManager.default.removeItem(at: project) }
        let before = try snapshotOfSite(project)
        try Data("languages: [en]\nvariables:\n  BAD name: {}\n".utf8).write(to: project.appending(path: "Content/variables.yaml"))
        let registryFailure = try CommandRunner.run(["build"], in: project)
        #expect(registryFailure.status == 1)
        #expect(registryFailure.errorLines == [
            "Content/variables.yaml:3:3: error: invalid variable name 'BAD name': names must match [A-Z][A-Z0-9_]*; did you mean 'BAD_NAME'?",
            "Content/variables.yaml:3:3: error: variable 'BAD name' has no description in the source language 'en'",
        ])
        #expect(try snapshotOfSite(project) == before)

        let templateProject = try CommandRunner.projectCopy()
        defer { try? FileManager.default.removeItem(at: templateProject) }
        try Data("{{#variables}}\n".utf8).write(to: templateProject.appending(path: "Templates/reference.md.mustache"))
        let templateFailure = try CommandRunner.run(["build"], in: templateProject)
        #expect(templateFailure.status == 1)
        #expect(templateFailure.errorLines.first?.hasPrefix("Templates/reference.md.mustache:") == true)
        #expect(try snapshotOfSite(templateProject) == before)
    }

    @Test("--output, --templates and --content override the default folders")
    func folderFlags() throws {
        let project = try CommandRunner.projectCopy()
        defer { try? FileManager.default.removeItem(at: project) }
        try FileManager.default.moveItem(at: project.appending(path: "Templates"), to: project.appending(path: "tpl"))
        try FileManager.default.moveItem(at: project.appending(path: "Content"), to: project.appending(path: "src"))
        let result = try CommandRunner.run(["build", "--content", "src", "--templates", "tpl", "--output", "public"], in: project)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(FileManager.default.fileExists(atPath: project.appending(path: "public/ja/environment-variables.md").path))
    }
}
