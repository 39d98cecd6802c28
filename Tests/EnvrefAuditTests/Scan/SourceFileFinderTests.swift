import EnvrefAudit
import Foundation
import Testing

@Suite struct SourceFileFinderTests {
    @Test func findsSourcesAndShellScriptsButSkipsBuildOutputAndHiddenFolders() throws {
        let root = FileManager.default.temporaryDirectory.appending(path: "envref-audit-\(UUID().uuidString)")
        let files = [
            "src/app.swift": "", "src/train.py": "", "src/main.go": "", "scripts/run.sh": "", "scripts/setup": "#!/usr/bin/env bash\n",
            "scripts/notes": "just text\n", "README.md": "", ".build-x/gen.swift": "", ".git/hook.sh": "", "node_modules/x/index.sh": "",
            "vendor/lib.go": "", "src/__pycache__/x.py": "",
        ]
        for (path, text) in files {
            let url = root.appending(path: path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let (found, diagnostics) = SourceFileFinder().files(under: ["src", "scripts", "README.md", "missing"], relativeTo: root)
        #expect(found.map(\.displayPath) == ["README.md", "scripts/run.sh", "scripts/setup", "src/app.swift", "src/main.go", "src/train.py"])
        #expect(diagnostics.map(\.description) == ["error: cannot audit 'missing': no such file or folder"])
        let everything = SourceFileFinder().files(under: ["."], relativeTo: root).files.map(\.displayPath)
        #expect(everything == ["scripts/run.sh", "scripts/setup", "src/app.swift", "src/main.go", "src/train.py"])
    }
}
