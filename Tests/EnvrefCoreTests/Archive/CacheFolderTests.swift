import EnvrefCore
import Foundation
import Testing

@Suite("Cache folder: sealed files")
struct CacheFolderTests {
    /// The bytes the tests write as a file's payload, read back.
    private func payload(_ reader: ArchiveReader?) -> [UInt8]? {
        guard var reader else { return nil }
        return try? reader.readBytes()
    }

    private func scratchDirectory() -> URL {
        FileManager.default.temporaryDirectory.appending(path: "envref-cache-\(UUID().uuidString)")
    }

    @Test("a file is worth rewriting once it lacks one entry in 32 of those a run used, and always when it lacks all")
    func rewriting() {
        #expect(!CacheFolder.isWorthRewriting(missing: 0, of: 10))
        #expect(!CacheFolder.isWorthRewriting(missing: 0, of: 0))
        #expect(CacheFolder.isWorthRewriting(missing: 1, of: 1))
        #expect(CacheFolder.isWorthRewriting(missing: 1, of: 32))
        #expect(!CacheFolder.isWorthRewriting(missing: 1, of: 33))
        #expect(!CacheFolder.isWorthRewriting(missing: 2, of: 10_000))
        #expect(CacheFolder.isWorthRewriting(missing: 313, of: 10_000))
        #expect(!CacheFolder.isWorthRewriting(missing: 312, of: 10_000))
        #expect(CacheFolder.isWorthRewriting(missing: 10_000, of: 10_000))
    }

    @Test("a write removes the files killed runs were writing, and puts back the folder's markers when missing")
    func leftovers() throws {
        let scratch = scratchDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let folder = CacheFolder(directory: scratch, identity: "test")
        let manager = FileManager.default
        try manager.createDirectory(at: scratch, withIntermediateDirectories: true)
        // No process has this ID (Linux caps them at 2^22); the file of a running one, this process's, stays.
        // The folder is swept on this process's first write to it.
        let ended = ".rows.99999999.tmp", running = ".other.\(getpid()).tmp", unrelated = ".notes.tmp"
        for name in [ended, running, unrelated] { try Data("partial".utf8).write(to: scratch.appending(path: name)) }
        folder.write("a", format: "f") { $0.write(1) }
        #expect(!manager.fileExists(atPath: scratch.appending(path: ended).path))
        for marker in [".gitignore", "CACHEDIR.TAG"] { try manager.removeItem(at: scratch.appending(path: marker)) }
        folder.write("b", format: "f") { $0.write(2) }
        let names = Set(try manager.contentsOfDirectory(atPath: scratch.path))
        #expect(names == [".gitignore", "CACHEDIR.TAG", "a", "b", running, unrelated])
        #expect(folder.read("a", format: "f") != nil)
    }

    @Test("a file reads back only with the format, identity and inputs it was written with")
    func sealing() throws {
        let scratch = scratchDirectory()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let directory = scratch.appending(path: "nested/cache")
        let folder = CacheFolder(directory: directory, identity: "envref 1")
        folder.write("work.bin", format: "work 1", inputs: [1, 2]) { $0.write(bytes: [9, 8, 7]) }
        #expect(payload(folder.read("work.bin", format: "work 1", inputs: [1, 2])) == [9, 8, 7])
        #expect(payload(folder.read("work.bin", format: "work 2", inputs: [1, 2])) == nil)
        #expect(payload(folder.read("work.bin", format: "work 1", inputs: [1, 3])) == nil)
        #expect(payload(CacheFolder(directory: directory, identity: "envref 2").read("work.bin", format: "work 1", inputs: [1, 2])) == nil)
        #expect(payload(folder.read("other.bin", format: "work 1", inputs: [1, 2])) == nil)
        let tag = try String(contentsOf: directory.appending(path: "CACHEDIR.TAG"), encoding: .utf8)
        #expect(tag.hasPrefix("Signature: 8a477f597d28d172789f06886806bc55"))
        #expect(try String(contentsOf: directory.appending(path: ".gitignore"), encoding: .utf8).split(separator: "\n").contains("*"))
    }

    @Test("a file cut at any length or with any bit flipped reads as absent")
    func damage() throws {
        let directory = scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let folder = CacheFolder(directory: directory, identity: "envref 1")
        folder.write("work.bin", format: "work 1") { $0.write(bytes: Array("payload".utf8)) }
        let file = directory.appending(path: "work.bin")
        let bytes = [UInt8](try Data(contentsOf: file))
        for length in 0..<bytes.count {
            try Data(bytes[..<length]).write(to: file)
            #expect(payload(folder.read("work.bin", format: "work 1")) == nil, "cut at \(length)")
        }
        for bit in 0..<(bytes.count * 8) {
            var flipped = bytes
            flipped[bit / 8] ^= 1 << (bit % 8)
            try Data(flipped).write(to: file)
            #expect(payload(folder.read("work.bin", format: "work 1")) == nil, "bit \(bit)")
        }
        try Data(bytes).write(to: file)
        #expect(payload(folder.read("work.bin", format: "work 1")) == Array("payload".utf8))
    }
}

@Suite("Archive: values as bytes")
struct ArchiveTests {
    @Test("values read back in the order they were written")
    func roundTrip() throws {
        var writer = ArchiveWriter()
        writer.write(-42)
        writer.write(true)
        writer.write("naïve 日本")
        writer.write(Optional<String>.none) { $0.write($1) }
        writer.write(["a", "b"]) { $0.write($1) }
        writer.write(bytes: [0, 255])
        var reader = ArchiveReader(writer.bytes)
        #expect(try reader.readInt() == -42)
        #expect(try reader.readBool())
        #expect(try reader.readString() == "naïve 日本")
        #expect(try reader.readOptional { (reader: inout ArchiveReader) throws(ArchiveReader.Malformed) in try reader.readString() } == nil)
        #expect(try reader.readArray { (reader: inout ArchiveReader) throws(ArchiveReader.Malformed) in try reader.readString() } == ["a", "b"])
        #expect(try reader.readBytes() == [0, 255])
        #expect(reader.isAtEnd)
        #expect(throws: ArchiveReader.Malformed.self) { try reader.readInt() }
    }

    @Test("a count larger than the bytes left, a bad flag or text that is not UTF-8 throws instead of trapping")
    func malformed() throws {
        var writer = ArchiveWriter()
        writer.write(Int.max)
        var reader = ArchiveReader(writer.bytes)
        #expect(throws: ArchiveReader.Malformed.self) { try reader.readString() }
        reader = ArchiveReader([2])
        #expect(throws: ArchiveReader.Malformed.self) { try reader.readBool() }
        // Lone and reversed bytes, an overlong form, a surrogate, a value past U+10FFFF, and sequences cut short.
        // A four-byte sequence cut to three is repaired to a replacement character of the same length, which a
        // check of the length after repairing would miss.
        for invalid: [UInt8] in [[0xFF, 0xFE], [0x61, 0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82],
                                 [0xF0, 0x9F, 0x98], [0x61, 0xF0, 0x9F, 0x98, 0x62]] {
            var text = ArchiveWriter()
            text.write(bytes: invalid)
            reader = ArchiveReader(text.bytes)
            #expect(throws: ArchiveReader.Malformed.self, "\(invalid)") { try reader.readString() }
        }
        for valid in ["", "ascii", "naïve", "日本語", "😀 \u{0} \u{301}", String(repeating: "é", count: 1_000)] {
            var text = ArchiveWriter()
            text.write(valid)
            reader = ArchiveReader(text.bytes)
            #expect(try reader.readString() == valid)
        }
        reader = ArchiveReader(writer.bytes)
        #expect(throws: ArchiveReader.Malformed.self) { try reader.readArray { (reader: inout ArchiveReader) throws(ArchiveReader.Malformed) in try reader.readBool() } }
    }
}
