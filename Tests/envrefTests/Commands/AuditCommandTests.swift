import Foundation
import Testing

@Suite("envref audit, as a process")
struct AuditCommandTests {
    private func project(with sources: [String: String]) throws -> URL {
        let project = try CommandRunner.projectCopy()
        for (path, text) in sources {
            let url = project.appending(path: path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return project
    }

    @Test("names missing from the registry are warnings and exit 1")
    func drift() throws {
        let project = try project(with: [
            "app/train.py": "import os\nmode = os.environ['WANDB_MODE']\nflag = os.environ.get('WANDB_NOT_A_VARIABLE')\n",
            "app/run.sh": "#!/bin/sh\necho \"$WANDB_DESCRIPTION\"\n",
        ])
        defer { try? FileManager.default.removeItem(at: project) }
        let result = try CommandRunner.run(["audit", "app"], in: project)
        #expect(result.status == 1)
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(Array(lines.prefix(2)) == [
            "app/run.sh:2:8: warning: WANDB_DESCRIPTION is deprecated; use WANDB_NAME",
            "app/train.py:3:24: warning: WANDB_NOT_A_VARIABLE is not in the registry",
        ])
        #expect(lines.dropFirst(2).allSatisfy { $0.hasPrefix("Content/variables.yaml:") && $0.hasSuffix("is not read by any scanned file") })
        #expect(lines.contains { $0.hasSuffix("note: WANDB_API_KEY is not read by any scanned file") })
        #expect(!lines.contains { $0.contains("note: WANDB_MODE ") || $0.contains("note: WANDB_NAME ") })
        #expect(result.errorLines.count == 1)
        #expect(result.errorLines[0].hasPrefix("audited 2 files: 1 reference to names not in the registry, 1 reference to deprecated names, "))
    }

    @Test("without unknown names the exit status is 0, and --strict also fails on unread variables")
    func strict() throws {
        let project = try project(with: ["main.go": "package main\nimport \"os\"\nvar mode = os.Getenv(\"WANDB_MODE\")\n"])
        defer { try? FileManager.default.removeItem(at: project) }
        #expect(try CommandRunner.run(["audit", "main.go"], in: project).status == 0)
        #expect(try CommandRunner.run(["audit", "--strict", "main.go"], in: project).status == 1)
    }

    @Test("a missing path or an invalid registry exits 2")
    func cannotAudit() throws {
        let project = try project(with: [:])
        defer { try? FileManager.default.removeItem(at: project) }
        let missing = try CommandRunner.run(["audit", "no-such-folder"], in: project)
        #expect(missing.status == 2)
        #expect(missing.standardOutput.hasPrefix("error: cannot audit 'no-such-folder': no such file or folder\n"))
        try Data("languages: [en]\n".utf8).write(to: project.appending(path: "Content/variables.yaml"))
        let invalid = try CommandRunner.run(["audit", "."], in: project)
        #expect(invalid.status == 2)
        #expect(invalid.errorLines == ["Content/variables.yaml:1:1: error: missing required key 'variables'"])
    }
}
