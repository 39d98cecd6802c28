import EnvrefCore
import Foundation

/// Renders site contexts through the templates into the files of `Site/`.
public struct SiteRenderer: Sendable {
    /// The parsed templates.
    public var templates: TemplateSet

    /// Creates a renderer.
    public init(templates: TemplateSet) {
        self.templates = templates
    }

    /// Where the not-found page is written; static hosts such as GitHub Pages and Netlify look for this name.
    public static let notFoundPath = "404.html"
    /// Where the sitemap is written.
    public static let sitemapPath = "sitemap.xml"

    /// Every output file, sorted by path.
    public func render(_ contexts: SiteContexts) throws(DiagnosticsError) -> [OutputFile] {
        var files: [OutputFile] = []
        do {
            try render(contexts) { files.append($0) }
        } catch let error as DiagnosticsError {
            throw error
        } catch {
            // Appending to an array cannot fail; only the renderer's own errors get here.
            throw DiagnosticsError([.error("\(error)")])
        }
        return files.sorted { $0.path < $1.path }
    }

    /// Hands each output file to `sink` as soon as it is rendered, so a large site is never held whole.
    public func render(_ contexts: SiteContexts, into sink: (OutputFile) throws -> Void) throws {
        for page in contexts.pages {
            try renderReferencePage(page, into: sink)
        }
        var caches: RowPageCaches?
        _ = try renderSiteWidePages(contexts, caches: &caches, into: sink)
    }

    /// Every page but the reference pages, taking the translation matrix whole, or each of its rows whose context
    /// is unchanged, from `caches`; returns the matrix's rows, to keep for the next build, and how many were reused.
    public func renderSiteWidePages(_ contexts: SiteContexts, caches: inout RowPageCaches?,
                                    into sink: (OutputFile) throws -> Void) throws -> RowReuse {
        try sink(OutputFile(path: "index.html", contents: try render(try Self.templateValues(of: contexts.index), "index.html")))
        var reuse = RowReuse()
        if let translations = contexts.translations {
            var shell = translations
            shell.rows = []
            reuse = try renderRowPage(
                RowPage(name: "translations", field: "matrixRows", rowTemplates: Self.translationRowTemplates,
                        templates: ("translations.html", "translations.md"),
                        paths: (TranslationsPageBuilder.htmlPath, TranslationsPageBuilder.markdownPath)),
                shell: shell, items: translations.rows, shared: nil, caches: &caches, context: { $0 }, into: sink)
        }
        try sink(OutputFile(path: Self.notFoundPath, contents: try render(try Self.templateValues(of: contexts.notFound), "404.html")))
        if let sitemap = contexts.sitemap {
            try sink(OutputFile(path: Self.sitemapPath, contents: try render(try Self.templateValues(of: sitemap), "sitemap.xml")))
        }
        for (name, data) in templates.assets {
            try sink(OutputFile(path: "\(TemplateSet.assetsFolder)/\(name)", contents: data))
        }
        return reuse
    }

    private static let variableRowTemplates = (html: "_variable.html", markdown: "_variable.md")
    private static let translationRowTemplates = (html: "_translation.html", markdown: "_translation.md")

    /// One language's reference page, in HTML and Markdown, with a row for each of its `variables`.
    public func renderReferencePage(_ page: ReferencePageContext, into sink: (OutputFile) throws -> Void) throws {
        var shell = page
        shell.variables = []
        var noCaches: RowPageCaches?
        _ = try renderRowPage(Self.referencePage(page.language), shell: shell, items: page.variables, shared: nil, caches: &noCaches,
                              context: { VariableRowContext($0, on: page) }, into: sink)
    }

    /// One language's reference page with one of `rows` for each variable, in HTML and Markdown, taken whole from
    /// `caches` when it was made from the same inputs, or else with each row whose key the row cache holds taken
    /// from there instead of made and rendered; `context` makes the others. `shared` is the digest of what every
    /// row shares and a row's key does not cover (`ReferenceRows.sharedDigest`). Returns the page's rows, to
    /// keep for the next build, and how many were reused.
    public func renderReferencePage(_ page: ReferencePageContext, rows: [VariableRow], shared: ContentDigest,
                                    caches: inout RowPageCaches?, context: (VariableRow) -> VariableRowContext,
                                    into sink: (OutputFile) throws -> Void) throws -> RowReuse {
        var shell = page
        shell.variables = []
        return try renderRowPage(Self.referencePage(page.language), shell: shell, items: rows, shared: shared, caches: &caches,
                                 context: context, into: sink)
    }

    /// Where a language's reference page goes and what renders it.
    private static func referencePage(_ language: String) -> RowPage {
        RowPage(name: "reference-\(language)", field: "variableRows", rowTemplates: variableRowTemplates,
                templates: ("reference.html", "reference.md"),
                paths: ("\(language)/\(SiteContextBuilder.htmlFileName)", "\(language)/\(SiteContextBuilder.markdownFileName)"))
    }

    /// A page whose rows are rendered on their own: its name in the caches, the field its templates place the
    /// rows with, and its templates and files.
    private struct RowPage {
        var name: String
        var field: String
        var rowTemplates: (html: String, markdown: String)
        var templates: (html: String, markdown: String)
        var paths: (html: String, markdown: String)
    }

    /// `page` around a row for each of `items`: its files taken whole from the site folder when `caches` record
    /// it made from the same inputs, or else its rows taken from the row cache or rendered, and placed. Without
    /// caches no key is worked out.
    private func renderRowPage<Item: CachedRowSource, Context: Encodable>(
        _ page: RowPage, shell: some Encodable, items: [Item], shared: ContentDigest?, caches: inout RowPageCaches?,
        context: (Item) -> Context, into sink: (OutputFile) throws -> Void) throws -> RowReuse {
        let unread = caches.map { $0.rows.unreadRows(forPage: page.name, templates: templates, shared: shared) }
        let keys = unread.map { unread in items.parallelMap { $0.rowKey(seed: unread.seed) } }
        // A page's key is worth working out only where its record can be kept.
        let pageKey = caches?.pages == nil ? nil : unread.flatMap { unread in keys.flatMap { Self.pageKey(shell: shell, rows: unread, keys: $0) } }
        if let pageKey, let files = caches?.pages?.keptFiles(of: page.name, key: pageKey, paths: [page.paths.html, page.paths.markdown]) {
            for file in files { try sink(file) }
            return RowReuse(rows: nil, reused: items.count)
        }
        let cached = unread.flatMap { unread in caches.map { $0.rows.reading(unread) } }
        let rows = try renderRows(items, keys: keys, templates: page.rowTemplates, reusing: cached, context: context)
        // Pages of megabytes are hashed only when there is a record to keep them in.
        guard caches?.pages != nil else {
            try renderPage(shell, placing: (rows.html, rows.markdown), as: page.field, templates: page.templates, paths: page.paths, into: sink)
            return rows.reuse
        }
        var written: [PageCache.File] = []
        try renderPage(shell, placing: (rows.html, rows.markdown), as: page.field, templates: page.templates, paths: page.paths) { file in
            if pageKey != nil { written.append(PageCache.File(path: file.path, digest: ContentDigest(of: file.contents))) }
            try sink(file)
        }
        if let pageKey { caches?.pages?.record(page.name, key: pageKey, files: written) } else { caches?.pages?.forget(page.name) }
        return rows.reuse
    }

    /// The key of a page made from `shell` and rows with `keys` from `rows`' file: its header covers the page,
    /// the templates and what every row shares. `nil` when a key is missing or the shell cannot be digested.
    private static func pageKey(shell: some Encodable, rows: RowCache.Rows, keys: [ContentDigest?]) -> ContentDigest? {
        guard let shellDigest = EncodedDigest.digest(of: shell) else { return nil }
        var archive = ArchiveWriter(capacity: 64 + 16 * keys.count)
        archive.write(rows.header)
        archive.write(shellDigest)
        archive.write(keys.count)
        for key in keys {
            guard let key else { return nil }
            archive.write(key)
        }
        return ContentDigest(of: archive.bytes)
    }

    /// A page whose rows were rendered on their own: `shell`, the page's context without its rows, encoded once
    /// for both templates, with the finished rows under `field` standing in for them.
    private func renderPage(_ shell: some Encodable, placing rows: (html: [String], markdown: [String]), as field: String,
                            templates: (html: String, markdown: String), paths: (html: String, markdown: String),
                            into sink: (OutputFile) throws -> Void) throws {
        guard let values = try Self.templateValues(of: shell) as? [String: Any] else {
            throw DiagnosticsError([.error("cannot encode the template context of \(paths.html)")])
        }
        func renderPage(_ placed: [String], _ template: String) -> Result<Data, DiagnosticsError> {
            var values = values
            guard self.templates.placesEachItemOnItsOwnLine(field, in: template) else {
                values[field] = placed
                return Result { () throws(DiagnosticsError) in try render(values, template) }
            }
            // Swift-mustache casts its way through a section's context once per item, which over 10,000 rows was
            // most of a rebuild's rendering. A template that only writes each row on a line of its own gets one
            // value instead, a marker it places where the rows go: the section opens once. The rows then go
            // where the marker is as the page is assembled, one per line, so the megabytes of rows are copied
            // once, not joined and then copied by the renderer too. No rows, no value, so the section writes
            // nothing, as over an empty list.
            values[field] = placed.isEmpty ? nil : Self.rowsMarker
            return Result { () throws(DiagnosticsError) in Self.normalisedBytes(try renderText(values, template), placing: placed) }
        }
        // Placing ten thousand rows and normalising megabytes of text runs on one core, so the two formats are
        // assembled side by side. Both finished pages are then held at once (about 11 MB for a 10,000-variable
        // language); the build's measured peak memory includes them.
        let (html, markdown) = concurrently({ renderPage(rows.html, templates.html) }, { renderPage(rows.markdown, templates.markdown) })
        try sink(OutputFile(path: paths.html, contents: try html.get()))
        try sink(OutputFile(path: paths.markdown, contents: try markdown.get()))
    }

    /// What a page did with the rows it was offered.
    public struct RowReuse: Sendable {
        /// The rows of the page, by key, to keep for the next build; `nil` without a row cache, or when the page
        /// was taken whole from the site folder.
        public var rows: RowCache.Rows?
        /// How many rows were taken as they were, from the row cache or with the whole page.
        public var reused = 0
        /// How many rows were rendered.
        public var rendered = 0
        /// How many rows the row cache offered.
        public var offered = 0
        /// How many times the row templates ran for the rows rendered: once for each shape the rows came in
        /// (`TemplateShape`), and once more for each row rendered on its own, when the templates do more with
        /// texts than write them.
        public var shapes = 0
    }

    /// Every item's row in both formats, made through `templates` from the context that `context` makes of it,
    /// or taken from `cachedRows` when it holds the item's key (`keys`, one per item, made with `cachedRows`'
    /// seed): an item is all its row is made from, besides what the cache's header covers.
    ///
    /// Swift-mustache looks every tag up through its context stack with dynamic casts, which made rendering
    /// rows most of a full build. Rows come in few shapes, so when both row templates only write texts as they
    /// are (`TemplateSet.rendersTextAsIs(_:)`) each shape is rendered once and every row of it filled in
    /// (`TemplateSkeleton`); otherwise every row is rendered. Rows share nothing, so each step runs over every
    /// core, in registry order.
    private func renderRows<Item: CachedRowSource, Context: Encodable>(
        _ items: [Item], keys: [ContentDigest?]?, templates rowTemplates: (html: String, markdown: String),
        reusing cachedRows: RowCache.Rows?, context: (Item) -> Context)
        throws(DiagnosticsError) -> (html: [String], markdown: [String], reuse: RowReuse) {
        let byShape = templates.rendersTextAsIs(rowTemplates.html) && templates.rendersTextAsIs(rowTemplates.markdown)
        // The row of one item rendered on its own, every tag looked up.
        func alone(_ index: Int) throws(DiagnosticsError) -> RowCache.RenderedRow {
            let values = try Self.templateValues(of: context(items[index]))
            return RowCache.RenderedRow(html: try renderRow(values, rowTemplates.html), markdown: try renderRow(values, rowTemplates.markdown))
        }
        let prepared = Array(items.indices).parallelMap { index in
            Result { () throws(DiagnosticsError) -> PreparedRow in
                if let key = keys?[index], let row = cachedRows?.entries[key] { return .cached(row) }
                guard byShape else { return .rendered(try alone(index)) }
                return .shaped(try Self.encoding { try TemplateShape(encoding: context(items[index])) })
            }
        }
        // The first row of each shape stands for it. Each row's shape is numbered here, once, so the rows are
        // not hashed again to find their skeleton.
        var shapeNumbers: [TemplateShape: Int] = [:]
        var shapeOfRow = [Int?](repeating: nil, count: items.count)
        var representatives: [(index: Int, shape: TemplateShape)] = []
        for (index, row) in prepared.enumerated() {
            guard case .shaped(let shape) = try row.get() else { continue }
            if let number = shapeNumbers[shape] {
                shapeOfRow[index] = number
                continue
            }
            shapeNumbers[shape] = representatives.count
            shapeOfRow[index] = representatives.count
            representatives.append((index, shape))
        }
        let skeletons = representatives.parallelMap(minimumChunk: 8) { index, shape in
            Result { () throws(DiagnosticsError) -> (html: TemplateSkeleton?, markdown: TemplateSkeleton?) in
                let row = context(items[index])
                return try Self.encoding {
                    (try TemplateSkeleton.make(for: row, shape: shape, template: rowTemplates.html, in: templates),
                     try TemplateSkeleton.make(for: row, shape: shape, template: rowTemplates.markdown, in: templates))
                }
            }
        }
        let rows = Array(items.indices).parallelMap { index in
            Result { () throws(DiagnosticsError) -> (row: RowCache.RenderedRow, reused: Bool, alone: Bool) in
                switch try prepared[index].get() {
                case .cached(let row):
                    return (row, true, false)
                case .rendered(let row):
                    return (row, false, true)
                case .shaped(let shape):
                    let (html, markdown) = try skeletons[shapeOfRow[index]!].get()
                    guard let html, let markdown else {
                        // A template whose output could not be cut renders every row of the shape itself, making
                        // its context again: rare, and keeping every context for it would raise the peak memory.
                        return (try alone(index), false, true)
                    }
                    return (RowCache.RenderedRow(html: Self.withoutLastLineBreak(html.filled(with: shape.texts)),
                                                 markdown: Self.withoutLastLineBreak(markdown.filled(with: shape.texts))), false, false)
                }
            }
        }
        var html: [String] = [], markdown: [String] = []
        html.reserveCapacity(rows.count)
        markdown.reserveCapacity(rows.count)
        var reuse = RowReuse(rows: cachedRows, offered: cachedRows?.entries.count ?? 0)
        reuse.rows?.entries = [:]
        reuse.shapes = representatives.count
        for (index, result) in rows.enumerated() {
            let (row, reused, alone) = try result.get()
            if alone { reuse.shapes += 1 }
            html.append(row.html)
            markdown.append(row.markdown)
            if let key = keys?[index] { reuse.rows?.entries[key] = row }
            if reused { reuse.reused += 1 } else { reuse.rendered += 1 }
        }
        return (html, markdown, reuse)
    }

    /// A row as `renderRows` has it before it is finished.
    private enum PreparedRow: Sendable {
        /// Taken from the row cache.
        case cached(RowCache.RenderedRow)
        /// Rendered on its own.
        case rendered(RowCache.RenderedRow)
        /// To be filled in from its shape's skeleton.
        case shaped(TemplateShape)
    }

    /// A row as the page template places it: on its own line, so the row's own last line break is dropped.
    private func renderRow(_ values: Any, _ template: String) throws(DiagnosticsError) -> String {
        Self.withoutLastLineBreak(try renderText(values, template))
    }

    private static func withoutLastLineBreak(_ text: String) -> String {
        var text = text
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// What the templates read: `TemplateValueEncoder` says why they do not get the structs themselves.
    private static func templateValues(of context: some Encodable) throws(DiagnosticsError) -> Any {
        try encoding { try TemplateValueEncoder.encode(context) }
    }

    /// What `encode` makes of a template context, its error spelled as a diagnostic.
    private static func encoding<Encoded>(_ encode: () throws -> Encoded) throws(DiagnosticsError) -> Encoded {
        do {
            return try encode()
        } catch {
            throw DiagnosticsError([.error("cannot encode the template context: \(error)")])
        }
    }

    private func render(_ values: Any, _ template: String) throws(DiagnosticsError) -> Data {
        Self.normalisedBytes(try renderText(values, template))
    }

    private func renderText(_ values: Any, _ template: String) throws(DiagnosticsError) -> String {
        guard let text = templates.render(values, with: template) else {
            throw DiagnosticsError([.error("missing template '\(template).mustache'")])
        }
        return text
    }

    /// Stands for a page's rows in the text the page template renders: NULs, which HTML escaping leaves as they
    /// are and no registry can hold, around a name drawn anew by each process, so that no template or page
    /// text can hold it by chance. It never reaches the output, which stays the same from run to run.
    static let rowsMarker = "\u{0}envref rows \(UUID().uuidString)\u{0}"

    /// The file's bytes: exactly one newline at the end and no trailing spaces, so output does not depend
    /// on how a template's last line was typed. Worked out on UTF-8 bytes: pages run to megabytes, and
    /// building a String a line at a time and then copying it into `Data` cost as much again.
    ///
    /// Lines are split where `split(separator: "\n")` splits: at a line feed not after a carriage
    /// return, as "\r\n" is a single Character.
    static func normalisedBytes(_ text: String) -> Data {
        normalisedBytes(text, placing: [])
    }

    /// `text` with `rows`, joined one per line, wherever it holds `rowsMarker`, as `normalisedBytes(_:)` gives
    /// them. The page is assembled in one buffer, normalised there (normalising only drops bytes, but for a
    /// last line break) and handed to `Data` without a copy: a page of 10,000 rows runs to megabytes.
    static func normalisedBytes(_ text: String, placing rows: [String]) -> Data {
        var text = text
        return text.withUTF8 { shell -> Data in
            let marker = Array(rowsMarker.utf8)
            var pieces: [UnsafeBufferPointer<UInt8>] = []
            var start = 0
            if !rows.isEmpty, let base = shell.baseAddress {
                var search = 0
                // The marker starts with the one byte no other text holds, so each one found is a marker.
                while search < shell.count, let found = memchr(base + search, 0, shell.count - search) {
                    let offset = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                    search = offset + 1
                    guard shell.count - offset >= marker.count, memcmp(base + offset, marker, marker.count) == 0 else { continue }
                    pieces.append(UnsafeBufferPointer(rebasing: shell[start..<offset]))
                    start = offset + marker.count
                    search = start
                }
            }
            pieces.append(UnsafeBufferPointer(rebasing: shell[start...]))
            let rowsLength = rows.reduce(rows.count - 1) { $0 + $1.utf8.count }
            let capacity = pieces.reduce(0) { $0 + $1.count } + (pieces.count - 1) * rowsLength + 1
            let buffer = malloc(capacity)!.bindMemory(to: UInt8.self, capacity: capacity)
            var end = 0
            func append(_ bytes: UnsafeBufferPointer<UInt8>) {
                guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
                (buffer + end).update(from: source, count: bytes.count)
                end += bytes.count
            }
            for (index, piece) in pieces.enumerated() {
                if index > 0 {
                    for (rowIndex, row) in rows.enumerated() {
                        if rowIndex > 0 {
                            buffer[end] = UInt8(ascii: "\n")
                            end += 1
                        }
                        var row = row
                        row.withUTF8 { append($0) }
                    }
                }
                append(piece)
            }
            let count = normaliseInPlace(UnsafeMutableBufferPointer(start: buffer, count: capacity), length: end)
            return Data(bytesNoCopy: buffer, count: count, deallocator: .free)
        }
    }

    /// Normalises the first `length` bytes of `buffer` in place, as `normalisedBytes(_:)` describes, and gives
    /// the normalised length; `buffer` must have room for one byte more, the last line break.
    private static func normaliseInPlace(_ buffer: UnsafeMutableBufferPointer<UInt8>, length: Int) -> Int {
        precondition(length < buffer.count, "no room for the last line break")
        let base = buffer.baseAddress!
        var written = 0
        // Blank lines are held back until a line with text follows, so the ones at the end are dropped.
        var heldBackBlankLines = 0
        func emit(_ lineStart: Int, _ lineEnd: Int) {
            var lineEnd = lineEnd
            let last = lineEnd > lineStart ? base[lineEnd - 1] : 0
            if last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") {
                // A trailing space may belong to a larger Character (after a prepended mark, say), which the
                // trimming must leave alone: decide with Characters, as rarely as this happens.
                var characters = Substring(String(decoding: UnsafeBufferPointer(start: base + lineStart, count: lineEnd - lineStart),
                                                  as: UTF8.self))
                while characters.last == " " || characters.last == "\t" { characters.removeLast() }
                lineEnd = lineStart + characters.utf8.count
            }
            if lineEnd == lineStart {
                heldBackBlankLines += 1
                return
            }
            // Every byte written comes from at or after where it lands: held-back lines each took a line feed.
            for _ in 0..<heldBackBlankLines {
                base[written] = UInt8(ascii: "\n")
                written += 1
            }
            heldBackBlankLines = 0
            (base + written).update(from: base + lineStart, count: lineEnd - lineStart)
            written += lineEnd - lineStart
            base[written] = UInt8(ascii: "\n")
            written += 1
        }
        var lineStart = 0
        var searchStart = 0
        // Line feeds are found with memchr; one after a carriage return does not end a line.
        while searchStart < length, let found = memchr(base + searchStart, Int32(UInt8(ascii: "\n")), length - searchStart) {
            let offset = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            searchStart = offset + 1
            if offset > 0, base[offset - 1] == UInt8(ascii: "\r") { continue }
            emit(lineStart, offset)
            lineStart = offset + 1
        }
        emit(lineStart, length)
        if written == 0 {
            base[0] = UInt8(ascii: "\n")
            written = 1
        }
        return written
    }
}

/// What a table row is rendered from, keyed for the row cache: sources that differ in anything the row shows give
/// different keys, and equal ones equal keys (a key may also cover what the row does not show, which at worst
/// renders it again).
public protocol CachedRowSource: Sendable {
    /// The row's key in a cache file whose keys are seeded with `seed`; `nil` when it cannot be trusted.
    func rowKey(seed: UInt64) -> ContentDigest?
}

extension VariableContext: CachedRowSource {
    /// None: a page's contexts are rendered only by the cache-free path (`renderReferencePage(_:into:)`), which
    /// asks no row for a key.
    public func rowKey(seed: UInt64) -> ContentDigest? { nil }
}
