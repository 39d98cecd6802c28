import Foundation
import Testing

@Suite("envref validate, as a process")
struct ValidateCommandTests {
    @Test("a valid registry exits 0 and says what it holds")
    func valid() throws {
        let project = try CommandRunner.projectCopy()
        defer { try? FileManager.default.removeItem(at: project) }
        let result = try CommandRunner.run(["validate"], in: project)
        #expect(result.status == 0)
        #expect(result.standardOutput == "Content/variables.yaml: 36 variables in 5 languages\n")
        #expect(result.standardError.isEmpty)
    }

    @Test("validate and diff keep what they load in .envref-cache, and report after each edit what a run without it reports")
    func cache() throws {
        let project = try CommandRunner.projectCopy()
        defer { try? FileManager.default.removeItem(at: project) }
        let manager = FileManager.default
        let cache = project.appending(path: ".envref-cache")
        #expect(try CommandRunner.run(["validate", "--no-cache"], in: project).status == 0)
        #expect(!manager.fileExists(atPath: cache.path))
        #expect(try CommandRunner.run(["validate"], in: project).status == 0)
        #expect(try manager.contentsOfDirectory(atPath: cache.path).sorted() == [".gitignore", "CACHEDIR.TAG", "registry.snapshot"])
        #expect(try CommandRunner.run(["diff"], in: project).status == 0)
        #expect(try manager.contentsOfDirectory(atPath: cache.path).sorted()
            == [".gitignore", "CACHEDIR.TAG", "registry.snapshot", "translations.snapshot", "translations.status"])

        let registry = project.appending(path: "Content/variables.yaml")
        let original = try String(contentsOf: registry, encoding: .utf8)
        let edits = [
            // A French text reworded: one entry is loaded again, and the French verdict worked out again.
            original.replacingOccurrences(of: "Avec `true`, W&B masque", with: "Avec `true`, W&B cache"),
            // A source text changed: its translations become stale.
            original.replacingOccurrences(of: "which is handy for scripted commands", with: "which helps scripted commands"),
            // A line added inside an entry: every later variable moves down a line.
            original.replacingOccurrences(of: "  WANDB_SILENT:\n    type: bool\n", with: "  WANDB_SILENT:\n    # quiet\n    type: bool\n"),
            // An error in an entry: reported as a whole load reports it.
            original.replacingOccurrences(of: "  WANDB_SILENT:\n    type: bool\n", with: "  WANDB_SILENT:\n    type: boolean\n"),
            original,
        ]
        for (index, text) in edits.enumerated() {
            #expect(text != original || index == edits.count - 1, "edit \(index) applies")
            try text.write(to: registry, atomically: true, encoding: .utf8)
            for command in [["validate"], ["diff", "--format", "json"], ["diff"]] {
                let cached = try CommandRunner.run(command, in: project)
                let uncached = try CommandRunner.run(command + ["--no-cache"], in: project)
                #expect(cached.standardOutput == uncached.standardOutput, "edit \(index): \(command)")
                #expect(cached.standardError == uncached.standardError, "edit \(index): \(command)")
                #expect(cached.status == uncached.status, "edit \(index): \(command)")
            }
        }
    }

    @Test("every problem is printed as path:line:col: error: message, and the exit code is 1")
    func invalid() throws {
        let project = try CommandRunner.projectCopy()
        defer { try? FileManager.default.removeItem(at: project) }
        let registry = """
            languages: [en, en]
            variables:
              WANDB_MODE:
                type: enum
                values: [online, offline]
                default: dryrun
                description: {en: Mode.}
              wandb_x:
                type: text
                description: {en: X.}

            """
        try Data(registry.utf8).write(to: project.appending(path: "Content/variables.yaml"))
        let result = try CommandRunner.run(["validate"], in: project)
        #expect(result.status == 1)
        #expect(result.standardOutput.isEmpty)
        #expect(result.errorLines == [
            "Content/variables.yaml:1:17: error: language 'en' is listed twice",
            "Content/variables.yaml:6:14: error: default 'dryrun' is not valid: expected one of online, offline",
            "Content/variables.yaml:8:3: error: invalid variable name 'wandb_x': names must match [A-Z][A-Z0-9_]*; did you mean 'WANDB_X'?",
            "Content/variables.yaml:9:11: error: unknown type 'text' for 'wandb_x'; did you mean 'string'? expected one of string, bool, int, enum, list, path, url",
        ])
    }

    @Test("--registry and --content point elsewhere")
    func pathFlags() throws {
        let project = try CommandRunner.projectCopy()
        defer { try? FileManager.default.removeItem(at: project) }
        try FileManager.default.moveItem(at: project.appending(path: "Content"), to: project.appending(path: "docs"))
        #expect(try CommandRunner.run(["validate"], in: project).errorLines == ["Content/variables.yaml:1:1: error: cannot read the registry: no such file"])
        #expect(try CommandRunner.run(["validate", "--content", "docs"], in: project).status == 0)
        #expect(try CommandRunner.run(["validate", "--registry", "docs/variables.yaml"], in: project).status == 0)
    }

    @Test("every command has --help", arguments: [
        [], ["validate"], ["build"], ["preview"], ["generate-swift"], ["audit"], ["diff"], ["translations"], ["translations", "accept"],
        ["import"], ["po"], ["po", "export"], ["po", "import"],
    ])
    func help(command: [String]) throws {
        let result = try CommandRunner.run(command + ["--help"], in: CommandRunner.repositoryRoot)
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("USAGE: envref"))
    }
}
