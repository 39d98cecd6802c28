import EnvrefCore
import Foundation

/// Rendered variable rows kept between builds, so a build renders only the rows whose context changed.
///
/// Rendering rows through swift-mustache is most of a large build, and after one description changes every
/// other row renders to the same text as before. Each page with rows (a reference page per language, and the
/// translation matrix) keeps one file of them, keyed by the digest of what each row is made from: a row's
/// text depends on nothing else but the templates and the program that renders them, and those are part of
/// every key, so a stale row can never be reused. A cache
/// that is missing, damaged or from another program is simply empty; the build renders every row and is
/// byte-for-byte what it would be without one.
public struct RowCache: Sendable {
    /// The folder of the cache files; made, with a `.gitignore` and a `CACHEDIR.TAG`, on first use.
    public var directory: URL
    /// What rendered the rows, such as the program's version and build: rows from another identity are dropped.
    public var identity: String

    /// Creates a cache in `directory` for rows that `identity` renders.
    public init(directory: URL, identity: String) {
        self.directory = directory
        self.identity = identity
    }

    /// The folder as a `CacheFolder`, which keeps the other work a build reuses.
    public var folder: CacheFolder { CacheFolder(directory: directory, identity: identity) }

    /// Bumped whenever the file layout or what a key covers changes, so older files are dropped.
    static let formatVersion = "envref row cache 1\n"

    /// One page's rows, as loaded or as one build used them.
    public struct Rows: Sendable {
        /// The rows by the digest of what each is made from.
        public var entries: [ContentDigest: RenderedRow]
        /// The file the rows are kept in.
        let file: URL
        /// The digest of everything the rows depend on besides their own sources; stored in the file's header.
        let header: ContentDigest

        /// Seeds every key, so that a key depends on all `header` covers as well as on the row's source.
        public var seed: UInt64 { header.high ^ header.low.byteSwapped }
    }

    /// A row as the page template places it, in both formats.
    public struct RenderedRow: Hashable, Sendable {
        /// The row of the HTML table.
        public var html: String
        /// The row of the Markdown table.
        public var markdown: String
    }

    /// The rows kept for the page named `page` (a file name, such as `reference-en`) with these templates;
    /// empty when none can be used. `shared` is the digest of what every row of the page depends on beyond its
    /// own source, such as the page's interface strings: rows kept with other shared inputs are dropped whole.
    public func rows(forPage page: String, templates: TemplateSet, shared: ContentDigest? = nil) -> Rows {
        var inputs = Array((Self.formatVersion + identity + "\n" + page + "\n").utf8)
        inputs += templates.sourceDigest.bytes
        inputs += shared?.bytes ?? []
        let header = ContentDigest(of: inputs)
        let file = directory.appendingPathComponent("\(page).rows")
        var rows = Rows(entries: [:], file: file, header: header)
        // Read, not mapped: a file cut short by another program while it is mapped would end the build.
        if let data = try? Data(contentsOf: file) {
            rows.entries = Self.decode(data, header: header) ?? [:]
        }
        return rows
    }

    /// Keeps `rows` for the next build, replacing the file whole; a cache that cannot be written is left
    /// as it was, since the build itself does not depend on it.
    public func store(_ rows: Rows) {
        try? folder.write(Self.encode(rows), to: rows.file.lastPathComponent)
    }

    // MARK: File layout
    //
    // The format line, the header digest, the row count, then each row as its key, its HTML and its Markdown,
    // every text preceded by its length in bytes; last, the digest of everything before it, so a file cut
    // short or changed on disk is dropped whole.

    static func encode(_ rows: Rows) -> Data {
        var bytes = Array(formatVersion.utf8)
        bytes += rows.header.bytes
        append(UInt64(rows.entries.count), to: &bytes)
        // Sorted, so the same rows always make the same file.
        for (key, row) in rows.entries.sorted(by: { ($0.key.high, $0.key.low) < ($1.key.high, $1.key.low) }) {
            bytes += key.bytes
            for text in [row.html, row.markdown] {
                append(UInt64(text.utf8.count), to: &bytes)
                bytes += text.utf8
            }
        }
        bytes += ContentDigest(of: bytes).bytes
        return Data(bytes)
    }

    static func decode(_ data: Data, header: ContentDigest) -> [ContentDigest: RenderedRow]? {
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> [ContentDigest: RenderedRow]? in
            let format = Array(formatVersion.utf8)
            guard buffer.count >= format.count + 16 + 8 + 16 else { return nil }
            let body = UnsafeRawBufferPointer(rebasing: buffer[..<(buffer.count - 16)])
            guard ContentDigest(of: body) == ContentDigest(storedAt: body.count, in: buffer),
                  body.starts(with: format), ContentDigest(storedAt: format.count, in: body) == header
            else { return nil }
            var offset = format.count + 16
            func word() -> UInt64? {
                guard body.count - offset >= 8 else { return nil }
                defer { offset += 8 }
                return UInt64(littleEndian: body.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            }
            func text() -> String? {
                guard let length = word(), length <= UInt64(body.count - offset) else { return nil }
                let bytes = UnsafeRawBufferPointer(rebasing: body[offset..<(offset + Int(length))])
                offset += Int(length)
                return String(validating: bytes, as: UTF8.self)
            }
            // Each row takes at least its 16-byte key and two 8-byte lengths.
            guard let count = word(), count <= UInt64((body.count - offset) / 32) else { return nil }
            var entries: [ContentDigest: RenderedRow] = [:]
            entries.reserveCapacity(Int(count))
            for _ in 0..<count {
                guard body.count - offset >= 16 else { return nil }
                let key = ContentDigest(storedAt: offset, in: body)
                offset += 16
                guard let html = text(), let markdown = text() else { return nil }
                entries[key] = RenderedRow(html: html, markdown: markdown)
            }
            return offset == body.count ? entries : nil
        }
    }

    private static func append(_ word: UInt64, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: word.littleEndian) { bytes += $0 }
    }
}
