import EnvrefCore
import Foundation
import Testing

@Suite("Files: whole files as bytes")
struct FileBytesTests {
    private func scratchFile(_ bytes: [UInt8]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appending(path: "envref-bytes-\(UUID().uuidString)")
        try Data(bytes).write(to: url)
        return url
    }

    @Test("a file reads back whole, empty or larger than one read")
    func whole() throws {
        for size in [0, 1, 65_536, 3 << 20] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            let url = try scratchFile(bytes)
            defer { try? FileManager.default.removeItem(at: url) }
            #expect(try FileBytes.read(url.path).get() == bytes, "\(size) bytes")
        }
    }

    @Test("with a limit, at most that many bytes are read")
    func limit() throws {
        let bytes = [UInt8](repeating: 7, count: 100_000)
        let url = try scratchFile(bytes)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try FileBytes.read(url.path, limit: 10).get() == Array(bytes.prefix(10)))
        #expect(try FileBytes.read(url.path, limit: 100_001).get() == bytes)
    }

    @Test("a file whose size the system does not report is read to its end",
          .enabled(if: FileManager.default.fileExists(atPath: "/proc/self/status"), "needs Linux's /proc"))
    func unknownSize() throws {
        // Files under /proc report a size of 0.
        let read = try FileBytes.read("/proc/self/status").get()
        #expect(String(decoding: read, as: UTF8.self).hasPrefix("Name:"))
        #expect(String(decoding: read, as: UTF8.self).contains("\nPid:"))
    }

    @Test("a missing file and a folder fail with the system's reason")
    func failures() {
        #expect(throws: FileBytes.Failure(reason: "no such file")) { try FileBytes.read("/nonexistent/envref").get() }
        #expect(throws: FileBytes.Failure(reason: "is a directory")) { try FileBytes.read(FileManager.default.temporaryDirectory.path).get() }
    }
}
