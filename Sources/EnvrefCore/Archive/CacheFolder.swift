import Foundation
import Synchronization

/// The folder where envref keeps work between runs (`.envref-cache/`), and its sealed files.
///
/// Each file starts with its format line and the digest of what it was made from (the format, the program's
/// identity and the caller's inputs), and ends with the digest of everything before it. A file that is
/// missing, cut short, changed on disk or made from other inputs reads as absent, so a run that finds no
/// usable file does the work itself and gets the same result.
public struct CacheFolder: Sendable {
    /// The folder; made, with a `.gitignore` and a `CACHEDIR.TAG`, on first write.
    public var directory: URL
    /// What made the files, such as the program's version and build: files from another identity are ignored.
    public var identity: String

    /// Creates a cache in `directory` for files that `identity` writes.
    public init(directory: URL, identity: String) {
        self.directory = directory
        self.identity = identity
    }

    /// A reader of the payload of the file `name`, when it was sealed with this format, identity and `inputs`.
    public func read(_ name: String, format: String, inputs: [UInt8] = []) -> ArchiveReader? {
        guard let bytes = Self.contents(of: directory.appendingPathComponent(name)) else { return nil }
        let prefix = Array((format + "\n").utf8)
        let header = seal(format: format, inputs: inputs)
        guard bytes.count >= prefix.count + 32 else { return nil }
        let isSealed = bytes.withUnsafeBytes { buffer in
            let body = UnsafeRawBufferPointer(rebasing: buffer[..<(buffer.count - 16)])
            // The format and header first: a file made for other inputs is turned away without hashing all of it.
            return body.starts(with: prefix) && ContentDigest(storedAt: prefix.count, in: body) == header
                && ContentDigest(of: body) == ContentDigest(storedAt: body.count, in: buffer)
        }
        return isSealed ? ArchiveReader(bytes, range: (prefix.count + 16)..<(bytes.count - 16)) : nil
    }

    /// The file's bytes. Read, not mapped: a file cut short by another program while it is mapped would end the
    /// run; one that changes while it is read fails its seal.
    private static func contents(of url: URL) -> [UInt8]? {
        try? FileBytes.read(url.path).get()
    }

    /// Whether a file is worth writing again when the file this run would write holds `total` entries (rows,
    /// verdicts, entries of the registry) and the one it has lacks `missing` of them or holds `missing` it no
    /// longer uses: entries worked out anew, changed or gone.
    ///
    /// Rewriting a file costs every entry it holds, and an entry it lacks costs each later run that entry's work
    /// again. After one description changes at 10,000 variables, rewriting the registry's snapshot, a page's
    /// rows or the status's verdicts took tens of milliseconds each, and working the same two entries out again
    /// takes well under one. So a file is rewritten once what it lacks reaches one entry in `rewriteShare`:
    /// until then each run redoes the few, and a file that lacks every entry, as on a first run, is always
    /// written.
    public static func isWorthRewriting(missing: Int, of total: Int) -> Bool {
        missing > 0 && missing * rewriteShare >= total
    }

    /// A file is rewritten once it lacks one entry in this many.
    public static let rewriteShare = 32

    /// Replaces the file `name` with what `payload` writes, sealed with this format, identity and `inputs`. A
    /// cache that cannot be written is left as it was: nothing depends on it.
    public func write(_ name: String, format: String, inputs: [UInt8] = [], payload: (inout ArchiveWriter) -> Void) {
        // One buffer from the format line to the closing digest: cache files run to tens of megabytes.
        var archive = ArchiveWriter(prefix: Array((format + "\n").utf8))
        archive.write(seal(format: format, inputs: inputs))
        payload(&archive)
        archive.write(ContentDigest(of: archive.bytes))
        try? write(archive.bytes, to: name)
    }

    /// Writes `bytes` as the file `name`, atomically (a temporary file renamed over it), making the folder, its
    /// `.gitignore` and `CACHEDIR.TAG` first when missing, and removing, once per process, the temporary files of
    /// runs killed while writing.
    public func write(_ bytes: [UInt8], to name: String) throws {
        let manager = FileManager.default
        if !manager.fileExists(atPath: directory.path) {
            try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        }
        // Written whenever missing, not only with the folder: a run killed between the two leaves a folder
        // without them. The tag goes last, so its presence says both are there.
        if !manager.fileExists(atPath: directory.appendingPathComponent("CACHEDIR.TAG").path) {
            // Version control and backup tools skip the folder without being told to.
            try Data("# Made by envref: work kept between runs. Safe to delete.\n*\n".utf8)
                .write(to: directory.appendingPathComponent(".gitignore"))
            try Data("Signature: 8a477f597d28d172789f06886806bc55\n# envref's cache; see https://bford.info/cachedir/\n".utf8)
                .write(to: directory.appendingPathComponent("CACHEDIR.TAG"))
        }
        removeTemporaryFilesOfEndedRuns()
        let final = directory.appendingPathComponent(name).path
        let temporary = directory.appendingPathComponent(".\(name).\(getpid())\(Self.temporarySuffix)").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw OutputWriter.posixError(at: URL(fileURLWithPath: temporary)) }
        var written = 0
        bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let count = Foundation.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { break }
                written += count
            }
        }
        guard close(descriptor) == 0, written == bytes.count, rename(temporary, final) == 0 else {
            let error = OutputWriter.posixError(at: URL(fileURLWithPath: final))
            unlink(temporary)
            throw error
        }
    }

    /// Folders this process has swept: a sweep lists the folder, so it is done once, not on every write.
    private static let swept = Mutex<Set<String>>([])

    /// How a file being written ends its name, after a dot, the file's own name and the writer's process ID.
    static let temporarySuffix = ".tmp"

    /// Removes files that runs killed while writing left behind: those of processes no longer running. They can
    /// run to megabytes, and nothing else would ever remove them. Once per folder and process: the folder is
    /// listed to find them.
    private func removeTemporaryFilesOfEndedRuns() {
        guard Self.swept.withLock({ $0.insert(directory.path).inserted }),
              let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        for name in names where name.hasPrefix(".") && name.hasSuffix(Self.temporarySuffix) {
            let parts = name.dropLast(Self.temporarySuffix.count).split(separator: ".")
            guard let pid = parts.last.flatMap({ Int32($0) }), EndedProcess.hasEnded(pid) else { continue }
            unlink(directory.appendingPathComponent(name).path)
        }
    }

    private func seal(format: String, inputs: [UInt8]) -> ContentDigest {
        // Each piece is preceded by its length, so no two different sets of pieces run together.
        var pieces = ArchiveWriter()
        pieces.write(format)
        pieces.write(identity)
        pieces.write(bytes: inputs)
        return ContentDigest(of: pieces.bytes)
    }
}
