import EnvrefCore
import Foundation
import Testing

@testable import EnvrefDocs

@Suite("Row cache files")
struct RowCacheTests {
    private let templates = TemplateSet.load(from: Fixtures.templatesDirectory).templates!
    private let sampleRows: [ContentDigest: RowCache.RenderedRow] = [
        ContentDigest(high: 1, low: 2): .init(html: "<tr id=\"A\">\n<td>é</td>\n</tr>", markdown: "| `A` | 日本語 |"),
        ContentDigest(high: 3, low: 4): .init(html: "", markdown: ""),
    ]

    @Test("rows kept for a page come back for that page, identity, set of templates and shared inputs only")
    func roundTrip() throws {
        let directory = try Fixtures.temporaryDirectory().appending(path: "cache")
        let cache = RowCache(directory: directory, identity: "envref 1")
        var rows = cache.rows(forPage: "reference-fr", templates: templates)
        #expect(rows.entries.isEmpty)
        rows.entries = sampleRows
        cache.store(rows)
        #expect(cache.rows(forPage: "reference-fr", templates: templates).entries == sampleRows)
        #expect(cache.rows(forPage: "reference-fr", templates: templates).seed == rows.seed)
        #expect(cache.rows(forPage: "reference-en", templates: templates).entries.isEmpty)
        // Rows kept with other shared inputs (another page's strings, say) are dropped whole.
        #expect(cache.rows(forPage: "reference-fr", templates: templates, shared: ContentDigest(high: 1, low: 1)).entries.isEmpty)
        #expect(RowCache(directory: directory, identity: "envref 2").rows(forPage: "reference-fr", templates: templates).entries.isEmpty)
        let otherTemplates = try Fixtures.templatesDirectory([:])
        let other = try #require(TemplateSet.load(from: otherTemplates.path).templates)
        #expect(cache.rows(forPage: "reference-fr", templates: other).entries.isEmpty)
        #expect(cache.rows(forPage: "reference-fr", templates: other).seed != rows.seed)
    }

    @Test("the folder is marked so version control and backups leave it alone")
    func folderMarkers() throws {
        let directory = try Fixtures.temporaryDirectory().appending(path: "nested/cache")
        let cache = RowCache(directory: directory, identity: "envref 1")
        cache.store(cache.rows(forPage: "reference-en", templates: templates))
        let ignore = try String(contentsOf: directory.appending(path: ".gitignore"), encoding: .utf8)
        #expect(ignore.split(separator: "\n").contains("*"))
        let tag = try String(contentsOf: directory.appending(path: "CACHEDIR.TAG"), encoding: .utf8)
        #expect(tag.hasPrefix("Signature: 8a477f597d28d172789f06886806bc55"))
    }

    @Test("a file cut short, changed on disk or of another format is dropped whole", arguments: ["truncated", "flipped", "garbage", "empty"])
    func damagedFiles(damage: String) throws {
        let (cache, file) = try storedSampleRows()
        var bytes = [UInt8](try Data(contentsOf: file))
        switch damage {
        case "truncated": bytes.removeLast(20)
        case "flipped": bytes[bytes.count / 2] ^= 0x20
        case "garbage": bytes = Array("\(RowCache.formatVersion)\n".utf8) + [UInt8](repeating: 0xff, count: 200)
        default: bytes = []
        }
        try Data(bytes).write(to: file)
        #expect(cache.rows(forPage: "reference-ja", templates: templates).entries.isEmpty)
    }

    /// The file is the program's own, but a disk, a sync tool or a person can change it: no change may turn
    /// into a wrong row, so every shorter file and every single flipped bit is dropped whole.
    @Test("every prefix of a file and every one-bit change of it is dropped whole")
    func everyDamage() throws {
        let (cache, file) = try storedSampleRows()
        let bytes = [UInt8](try Data(contentsOf: file))
        #expect(cache.rows(forPage: "reference-ja", templates: templates).entries == sampleRows)
        for length in 0..<bytes.count {
            try Data(bytes[..<length]).write(to: file)
            #expect(cache.rows(forPage: "reference-ja", templates: templates).entries.isEmpty, "cut to \(length) bytes")
        }
        for index in bytes.indices {
            for bit in 0..<8 {
                var changed = bytes
                changed[index] ^= 1 << bit
                try Data(changed).write(to: file)
                #expect(cache.rows(forPage: "reference-ja", templates: templates).entries.isEmpty, "bit \(bit) of byte \(index) flipped")
            }
        }
    }

    @Test("rows read back from an archive cut short or with a count too large are refused, never trusted")
    func malformedArchives() {
        var archive = ArchiveWriter()
        RowCache.encode(sampleRows, into: &archive)
        #expect(RowCache.decode(ArchiveReader(archive.bytes)) == sampleRows)
        for length in 0..<archive.bytes.count {
            #expect(RowCache.decode(ArchiveReader(Array(archive.bytes[..<length]))) == nil, "cut to \(length) bytes")
        }
        var overcounted = archive.bytes
        overcounted.replaceSubrange(0..<8, with: withUnsafeBytes(of: Int64(1 << 40).littleEndian, Array.init))
        #expect(RowCache.decode(ArchiveReader(overcounted)) == nil)
    }

    /// A cache holding `sampleRows` for the Japanese reference page, and the file that holds them.
    private func storedSampleRows() throws -> (RowCache, URL) {
        let directory = try Fixtures.temporaryDirectory()
        let cache = RowCache(directory: directory, identity: "envref 1")
        var rows = cache.rows(forPage: "reference-ja", templates: templates)
        rows.entries = sampleRows
        cache.store(rows)
        return (cache, directory.appending(path: "reference-ja.rows"))
    }

    @Test("a cache that cannot be written leaves the build alone")
    func unwritable() throws {
        let blocker = try Fixtures.temporaryDirectory().appending(path: "file")
        try Data("not a folder".utf8).write(to: blocker)
        let cache = RowCache(directory: blocker.appending(path: "cache"), identity: "envref 1")
        var rows = cache.rows(forPage: "reference-en", templates: templates)
        rows.entries = sampleRows
        cache.store(rows)
        #expect(cache.rows(forPage: "reference-en", templates: templates).entries.isEmpty)
    }
}
