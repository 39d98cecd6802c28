import EnvrefCore
import Foundation

/// The pages with rows that the last build wrote, each with the digest of everything it was made from and of
/// the bytes it came to, so that a page made from the same inputs is taken from the site folder as it is.
///
/// A page's inputs are its templates, the page around its rows and the key of every row (`SiteRenderer.pageKey`).
/// When they are unchanged and the site folder still holds the bytes the build wrote, the page is those bytes:
/// its rows are neither read back from the row cache nor placed again, which at 10,000 variables was most of
/// a build with nothing to render. A file that was edited, removed or written by another build does not match
/// its digest, and the page is made as if there were no record.
public struct PageCache: Sendable {
    /// The folder the records are kept in, beside the rows.
    public let folder: CacheFolder
    /// The site folder the last build wrote the pages to, and this one writes them to.
    public let site: URL
    /// The records by page name, as read or as this build left them.
    private(set) var pages: [String: Page] = [:]
    private var isChanged = false

    /// One page's record: the key of its inputs, and each file it wrote with the digest of its bytes.
    struct Page: Hashable, Sendable {
        var key: ContentDigest
        var files: [File]
    }

    /// A file of a page and the digest of its bytes.
    struct File: Hashable, Sendable {
        var path: String
        var digest: ContentDigest
    }

    static let file = "pages"
    /// Bumped whenever the layout or what a key covers changes, so older files are ignored.
    static let format = "envref pages 1"

    /// The records `folder` holds of pages written to `site`.
    public init(folder: CacheFolder, site: URL) {
        self.folder = folder
        self.site = site
        guard var archive = folder.read(Self.file, format: Self.format) else { return }
        pages = (try? archive.readArray { (archive: inout ArchiveReader) throws(ArchiveReader.Malformed) -> (String, Page) in
            let name = try archive.readString()
            let key = try archive.readDigest()
            let files = try archive.readArray { (archive: inout ArchiveReader) throws(ArchiveReader.Malformed) in
                File(path: try archive.readString(), digest: try archive.readDigest())
            }
            return (name, Page(key: key, files: files))
        }).map { Dictionary($0, uniquingKeysWith: { first, _ in first }) } ?? [:]
    }

    /// The files of the page named `page` at `paths`, read from the site folder, when the last build made it from
    /// `key` into those paths and every file still holds the bytes it wrote; `nil` otherwise.
    func keptFiles(of page: String, key: ContentDigest, paths: [String]) -> [OutputFile]? {
        // A record for other paths is not used, whatever wrote it: a page goes only where this build puts it.
        guard let record = pages[page], record.key == key, record.files.map(\.path) == paths else { return nil }
        var files: [OutputFile] = []
        for file in record.files {
            guard let contents = try? Data(contentsOf: site.appending(path: file.path)),
                  ContentDigest(of: contents) == file.digest
            else { return nil }
            files.append(OutputFile(path: file.path, contents: contents, readFromOutputFolder: true))
        }
        return files
    }

    /// Records that the page named `page` was made from `key` into `files`.
    mutating func record(_ page: String, key: ContentDigest, files: [File]) {
        let record = Page(key: key, files: files)
        guard pages[page] != record else { return }
        pages[page] = record
        isChanged = true
    }

    /// Forgets the page named `page`, made this build without a key.
    mutating func forget(_ page: String) {
        guard pages.removeValue(forKey: page) != nil else { return }
        isChanged = true
    }

    /// Keeps the records for the next build when this one changed them; a folder that cannot be written is left
    /// as it was, since nothing depends on it.
    public func store() {
        guard isChanged else { return }
        folder.write(Self.file, format: Self.format) { archive in
            archive.write(pages.sorted { $0.key < $1.key }) { archive, entry in
                archive.write(entry.key)
                archive.write(entry.value.key)
                archive.write(entry.value.files) { archive, file in
                    archive.write(file.path)
                    archive.write(file.digest)
                }
            }
        }
    }
}

/// What a build keeps between runs for its pages with rows: their rendered rows, and, for a build that writes
/// to a folder, the pages it wrote there.
public struct RowPageCaches: Sendable {
    /// The rendered rows.
    public var rows: RowCache
    /// The pages the last build wrote; `nil` for a build that writes to no folder, which takes no page whole.
    public var pages: PageCache?

    /// Caches of rows and, when given, of pages.
    public init(rows: RowCache, pages: PageCache?) {
        self.rows = rows
        self.pages = pages
    }
}
