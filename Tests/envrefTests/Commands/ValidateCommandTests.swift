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
