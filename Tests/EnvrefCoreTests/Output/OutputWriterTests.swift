import Foundation
import Testing

@testable import EnvrefCore

@Suite("Writing output")
struct OutputWriterTests {
    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appending(path: "envref-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func inode(_ url: URL) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? Int)
    }

    @Test("only files whose bytes change are written")
    func writesOnlyChanges() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let writer = OutputWriter(root: root)
        let files = [OutputFile(path: "a/one.txt", text: "1\n"), OutputFile(path: "two.txt", text: "2\n")]
        let first = try writer.write(files)
        #expect(first.created == ["a/one.txt", "two.txt"])
        let identity = try inode(root.appending(path: "two.txt"))
        let second = try writer.write([OutputFile(path: "a/one.txt", text: "changed\n"), files[1]])
        #expect(second.modified == ["a/one.txt"])
        #expect(second.unchanged == ["two.txt"])
        #expect(try inode(root.appending(path: "two.txt")) == identity)
        #expect(try String(contentsOf: root.appending(path: "a/one.txt"), encoding: .utf8) == "changed\n")
    }

    @Test("a file read from the output folder is taken as unchanged without being read again")
    func readFromOutputFolder() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let writer = OutputWriter(root: root, ownsFolder: true)
        try writer.write([OutputFile(path: "page.html", text: "as written\n"), OutputFile(path: "other.html", text: "as written\n")])
        let identity = try inode(root.appending(path: "page.html"))
        // The hint is trusted: had the writer compared, it would have found other bytes and replaced the file.
        let plan = try writer.write([OutputFile(path: "page.html", contents: Data("stale hint\n".utf8), readFromOutputFolder: true),
                                     OutputFile(path: "other.html", text: "changed\n")])
        #expect(plan.unchanged == ["page.html"])
        #expect(plan.modified == ["other.html"])
        #expect(try inode(root.appending(path: "page.html")) == identity)
        #expect(try String(contentsOf: root.appending(path: "page.html"), encoding: .utf8) == "as written\n")
        // A file not there yet is created whatever the hint says.
        #expect(try writer.write([OutputFile(path: "new.html", contents: Data("n".utf8), readFromOutputFolder: true)]).created == ["new.html"])
    }

    @Test("whether a file was read from the output folder is not part of its identity")
    func readFromOutputFolderIdentity() {
        let read = OutputFile(path: "page.html", contents: Data("x".utf8), readFromOutputFolder: true)
        let made = OutputFile(path: "page.html", text: "x")
        #expect(read == made)
        #expect(Set([read, made]).count == 1)
        #expect(read != OutputFile(path: "page.html", text: "y"))
        #expect(read != OutputFile(path: "other.html", text: "x"))
    }

    @Test("a folder the writer owns loses files it no longer produces; others are left alone")
    func ownership() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("x".utf8).write(to: root.appending(path: "old.txt"))
        let shared = try OutputWriter(root: root).plan([OutputFile(path: "new.txt", text: "n")])
        #expect(shared.removed.isEmpty)
        let owned = try OutputWriter(root: root, ownsFolder: true).write([OutputFile(path: "new.txt", text: "n")])
        #expect(owned.removed == ["old.txt"])
        #expect(!FileManager.default.fileExists(atPath: root.appending(path: "old.txt").path))
    }

    @Test("planning writes nothing")
    func planIsReadOnly() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        let plan = try OutputWriter(root: root, ownsFolder: true).plan([OutputFile(path: "a.txt", text: "a")])
        #expect(plan.outOfDate == ["a.txt"])
        #expect(!plan.isUpToDate)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).isEmpty)
    }

    @Test("when one file cannot be written, none is, and no temporary file is left")
    func allOrNothing() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("keep\n".utf8).write(to: root.appending(path: "a.txt"))
        // A plain file where a folder is needed makes the second write fail.
        try Data().write(to: root.appending(path: "blocked"))
        let files = [OutputFile(path: "a.txt", text: "new\n"), OutputFile(path: "blocked/b.txt", text: "b\n")]
        #expect(throws: (any Error).self) { try OutputWriter(root: root).write(files) }
        #expect(try String(contentsOf: root.appending(path: "a.txt"), encoding: .utf8) == "keep\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["a.txt", "blocked"])
    }

    @Test("an owned folder is replaced whole, unchanged files keep their inode, and no staging folder is left")
    func ownedFolderIsSwappedWhole() throws {
        let parent = try folder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let root = parent.appending(path: "Site")
        let writer = OutputWriter(root: root, ownsFolder: true)
        try writer.write([OutputFile(path: "a.txt", text: "a"), OutputFile(path: "deep/b.txt", text: "b")])
        let kept = try inode(root.appending(path: "deep/b.txt"))
        let changed = try inode(root.appending(path: "a.txt"))

        let plan = try writer.write([OutputFile(path: "a.txt", text: "A"), OutputFile(path: "deep/b.txt", text: "b")])

        #expect(plan.modified == ["a.txt"])
        #expect(try inode(root.appending(path: "deep/b.txt")) == kept)
        #expect(try inode(root.appending(path: "a.txt")) != changed)
        #expect(try String(contentsOf: root.appending(path: "a.txt"), encoding: .utf8) == "A")
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["Site"])
    }

    @Test("staging folders left by a killed build are removed by the next write")
    func leftoversAreRemoved() throws {
        let parent = try folder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let root = parent.appending(path: "Site")
        // No process has this id: Linux caps process ids far below it.
        let leftover = parent.appending(path: ".Site.envref-2147483000")
        try FileManager.default.createDirectory(at: leftover, withIntermediateDirectories: true)
        try Data("half".utf8).write(to: leftover.appending(path: "a.txt"))

        try OutputWriter(root: root, ownsFolder: true).write([OutputFile(path: "a.txt", text: "a")])

        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["Site"])
    }
}
