import EnvrefDocs
import Foundation
import Synchronization
import Testing

@testable import EnvrefPreview

/// A scratch copy of the project's content and templates.
struct ScratchProject {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "../../..").standardized
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appending(path: "envref-preview-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["Content", "Templates"] {
            try FileManager.default.copyItem(at: Self.repositoryRoot.appending(path: name), to: folder.appending(path: name))
        }
    }

    func path(_ relative: String) -> String { folder.appending(path: relative).path }

    var build: PreviewBuild {
        PreviewBuild(
            pipeline: DocsPipeline(contentDirectory: path("Content"), templatesDirectory: path("Templates")),
            outputDirectory: path("Site"))
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}

@Suite("Watching folders")
struct FolderSnapshotTests {
    @Test("an edit, a new file or a removed file changes the snapshot; hidden files do not")
    func changes() throws {
        let project = try ScratchProject()
        defer { project.remove() }
        let folders = [project.path("Content"), project.path("Templates")]
        let before = FolderSnapshot.take(of: folders)
        #expect(before.files.keys.contains(project.path("Content/variables.yaml")))
        #expect(FolderSnapshot.take(of: folders) == before)

        try "x".write(toFile: project.path("Content/.variables.yaml.swp"), atomically: false, encoding: .utf8)
        #expect(FolderSnapshot.take(of: folders) == before)

        try "more".write(toFile: project.path("Templates/assets/extra.css"), atomically: false, encoding: .utf8)
        let added = FolderSnapshot.take(of: folders)
        #expect(added != before)

        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: project.path("Content/pages/en/intro.md")))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("\n".utf8))
        try handle.close()
        let edited = FolderSnapshot.take(of: folders)
        #expect(edited != added)

        try FileManager.default.removeItem(atPath: project.path("Templates/assets/extra.css"))
        #expect(FolderSnapshot.take(of: folders) != edited)
    }
}

@Suite("Preview rebuilds")
struct PreviewSessionTests {
    @Test("a bad edit keeps the last good site and reports; fixing it publishes a new version")
    func rebuilds() async throws {
        let project = try ScratchProject()
        defer { project.remove() }
        let reports = Mutex<[String]>([])
        let session = PreviewSession(build: project.build, watchedFolders: [project.path("Content"), project.path("Templates")],
                                     report: { line in reports.withLock { $0.append(line) } })
        let first = await session.rebuild()
        #expect(first == PreviewSession.State(version: 1, ok: true, diagnostics: []))
        #expect(await session.rebuildIfChanged() == false)
        let page = project.path("Site/en/index.html")
        let goodPage = try String(contentsOfFile: page, encoding: .utf8)

        let registry = project.path("Content/variables.yaml")
        let original = try String(contentsOfFile: registry, encoding: .utf8)
        try original.replacingOccurrences(of: "  WANDB_ANONYMOUS:\n", with: "  WANDB_ANONYMOUS:\n    tpye: enum\n")
            .write(toFile: registry, atomically: true, encoding: .utf8)
        #expect(await session.rebuildIfChanged())
        let failed = await session.state
        #expect(failed.version == 2 && !failed.ok)
        #expect(failed.diagnostics == ["\(registry):9:5: error: unknown key 'tpye' in variable 'WANDB_ANONYMOUS'; did you mean 'type'?"])
        #expect(try String(contentsOfFile: page, encoding: .utf8) == goodPage)

        try original.replacingOccurrences(of: "Decides whether runs", with: "Chooses whether runs")
            .write(toFile: registry, atomically: true, encoding: .utf8)
        #expect(await session.rebuildIfChanged())
        #expect(await session.state == PreviewSession.State(version: 3, ok: true, diagnostics: []))
        #expect(try String(contentsOfFile: page, encoding: .utf8).contains("Chooses whether runs"))
        // Each rebuild says how it went: its time, or that the last good site stays up.
        let said = reports.withLock { $0 }.filter { !$0.contains("error:") }
        #expect(said.count == 3)
        #expect(said.first?.wholeMatch(of: /rebuilt in \d+ ms: 20 file\(s\) changed/) != nil)
        #expect(said.dropFirst().first == "the build failed; the last good site stays up")
        // The English page's two files, and the translations page's two, since the source text changed.
        #expect(said.last?.wholeMatch(of: /rebuilt in \d+ ms: 4 file\(s\) changed/) != nil)
    }

    @Test("a page waiting for news gets it as soon as the version moves, or the same state after the timeout")
    func waiting() async throws {
        let project = try ScratchProject()
        defer { project.remove() }
        let session = PreviewSession(build: project.build, watchedFolders: [project.path("Content")], report: { _ in })
        await session.rebuild()
        let unchanged = await session.state(after: 1, timeout: .milliseconds(150))
        #expect(unchanged.version == 1)
        async let next = session.state(after: 1, timeout: .seconds(30))
        try await Task.sleep(for: .milliseconds(200))
        await session.rebuild()
        #expect(await next.version == 2)
    }
}
