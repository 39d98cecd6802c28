import EnvrefCore
import Foundation
import Testing

@testable import EnvrefDocs

/// A page is taken from the site folder only when its key, its paths and every file's bytes are those recorded.
@Suite("Render: pages kept between builds")
struct PageCacheTests {
    @Test("a recorded page is taken back only with its key and paths, and while its files hold the bytes recorded")
    func keptFiles() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let site = root.appending(path: "Site")
        try FileManager.default.createDirectory(at: site.appending(path: "fr"), withIntermediateDirectories: true)
        let files = [OutputFile(path: "fr/index.html", contents: Data("<p>page</p>\n".utf8)),
                     OutputFile(path: "fr/environment-variables.md", contents: Data("page\n".utf8))]
        for file in files { try file.contents.write(to: site.appending(path: file.path)) }
        let folder = CacheFolder(directory: root.appending(path: "cache"), identity: "test")
        let key = ContentDigest(high: 1, low: 2)
        let paths = files.map(\.path)

        var pages = PageCache(folder: folder, site: site)
        pages.record("reference-fr", key: key, files: files.map { PageCache.File(path: $0.path, digest: ContentDigest(of: $0.contents)) })
        pages.store()
        let read = PageCache(folder: folder, site: site)
        #expect(read.keptFiles(of: "reference-fr", key: key, paths: paths) == files)
        // Marked as read from the site folder, so the writer does not read them a second time.
        #expect(read.keptFiles(of: "reference-fr", key: key, paths: paths)?.map(\.isReadFromOutputFolder) == [true, true])
        #expect(read.keptFiles(of: "reference-fr", key: ContentDigest(high: 1, low: 3), paths: paths) == nil, "another key")
        #expect(read.keptFiles(of: "reference-en", key: key, paths: paths) == nil, "another page")
        #expect(read.keptFiles(of: "reference-fr", key: key, paths: ["fr/index.html", "fr/other.md"]) == nil, "other paths")
        #expect(PageCache(folder: CacheFolder(directory: root.appending(path: "cache"), identity: "other"), site: site)
            .keptFiles(of: "reference-fr", key: key, paths: paths) == nil, "another envref's records")

        try Data("<p>edited</p>\n".utf8).write(to: site.appending(path: "fr/index.html"))
        #expect(read.keptFiles(of: "reference-fr", key: key, paths: paths) == nil, "a file changed in the site folder")
        try FileManager.default.removeItem(at: site.appending(path: "fr/index.html"))
        #expect(read.keptFiles(of: "reference-fr", key: key, paths: paths) == nil, "a file gone")
    }
}
