import EnvrefCore
import Foundation

/// Rendered variable rows kept between builds, so a build renders only the rows whose context changed.
///
/// Rendering rows through swift-mustache is most of a large build, and after one description changes every
/// other row renders to the same text as before. Each page with rows (a reference page per language, and the
/// translation matrix) keeps one file of them, keyed by the digest of what each row is made from: a row's
/// text depends on nothing else but the templates, what the page's rows share and the program that renders
/// them. The first two seed every key (the file's header), and the program's identity seals the file, so a
/// stale row can never be reused. A cache
/// that is missing, damaged or from another program is simply empty; the build renders every row and is
/// byte-for-byte what it would be without one.
public struct RowCache: Sendable {
    /// The folder the rows are kept in, beside the other work a build reuses; its identity (what rendered the
    /// rows, such as the program's version and build) seals every file, so rows from another are dropped.
    public var folder: CacheFolder

    /// Creates a cache in `directory` for rows that `identity` renders.
    public init(directory: URL, identity: String) {
        self.init(folder: CacheFolder(directory: directory, identity: identity))
    }

    /// Creates a cache that keeps its rows in `folder`.
    public init(folder: CacheFolder) {
        self.folder = folder
    }

    /// Bumped whenever the file layout or what a key covers changes, so older files are dropped.
    static let formatVersion = "envref row cache 4"

    /// One page's rows, as loaded or as one build used them.
    public struct Rows: Sendable {
        /// The rows by the digest of what each is made from.
        public var entries: [ContentDigest: RenderedRow]
        /// The name of the file the rows are kept in, in the cache folder.
        let fileName: String
        /// The digest of everything the rows depend on besides their own sources; the file is sealed with it.
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
        reading(unreadRows(forPage: page, templates: templates, shared: shared))
    }

    /// The rows of the page named `page`, as `rows(forPage:templates:shared:)` describes, without reading any: what
    /// keys them is known before the file is read, and a page taken whole from the site folder needs none.
    public func unreadRows(forPage page: String, templates: TemplateSet, shared: ContentDigest? = nil) -> Rows {
        // The identity is not among them: the cache folder seals every file with it.
        var inputs = ArchiveWriter()
        inputs.write(page)
        inputs.write(templates.sourceDigest)
        inputs.write(shared) { $0.write($1) }
        return Rows(entries: [:], fileName: "\(page).rows", header: ContentDigest(of: inputs.bytes))
    }

    /// `rows` with the entries their file holds, when it can be used.
    public func reading(_ rows: Rows) -> Rows {
        var read = rows
        if let archive = folder.read(rows.fileName, format: Self.formatVersion, inputs: rows.header.bytes) {
            read.entries = Self.decode(archive) ?? [:]
        }
        return read
    }

    /// Keeps `rows` for the next build, replacing the file whole; a cache that cannot be written is left
    /// as it was, since the build itself does not depend on it.
    public func store(_ rows: Rows) {
        folder.write(rows.fileName, format: Self.formatVersion, inputs: rows.header.bytes) { archive in
            Self.encode(rows.entries, into: &archive)
        }
    }

    // MARK: File layout
    //
    // The row count, then each row as its key, its HTML and its Markdown, sorted by key; `CacheFolder` seals the
    // file, so one cut short, changed on disk or made for other inputs reads as absent.

    static func encode(_ entries: [ContentDigest: RenderedRow], into archive: inout ArchiveWriter) {
        archive.write(entries) { archive, row in
            archive.write(row.html)
            archive.write(row.markdown)
        }
    }

    static func decode(_ archived: ArchiveReader) -> [ContentDigest: RenderedRow]? {
        var archive = archived
        return try? archive.readTable { (archive: inout ArchiveReader) throws(ArchiveReader.Malformed) in
            RenderedRow(html: try archive.readString(), markdown: try archive.readString())
        }
    }
}
