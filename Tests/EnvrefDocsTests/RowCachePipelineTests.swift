import EnvrefCore
import Foundation
import Testing

@testable import EnvrefDocs

/// A build that takes rows from the cache must give exactly the bytes of one that renders every row, and
/// must render again exactly the rows whose context changed.
@Suite("The docs pipeline with a row cache")
struct RowCachePipelineTests {
    /// The fixture registry has six variables, each with a row on the English page, the French page and in the
    /// translation matrix.
    private static let rowsPerBuild = 3 * 6

    @Test("a warm build reuses every row; an edit renders only the rows it changes, in every language that shows it")
    func reuseAndEdits() throws {
        let content = try Self.copyOfFixtureContent()
        let cache = RowCache(directory: try Fixtures.temporaryDirectory(), identity: "test")
        let pipeline = DocsPipeline(contentDirectory: content.path, templatesDirectory: Fixtures.templatesDirectory, rowCache: cache)

        let cold = try Self.build(pipeline)
        #expect(cold.outcome.rowsReused == 0)
        #expect(cold.outcome.rowsRendered == Self.rowsPerBuild)
        #expect(cold.files == (try Self.uncachedFiles(content)))

        let warm = try Self.build(pipeline)
        #expect(warm.outcome.rowsReused == Self.rowsPerBuild)
        #expect(warm.outcome.rowsRendered == 0)
        #expect(warm.files == cold.files)

        // French has its own text for DEMO_MODE: only the French row changes.
        try Self.edit(content, "fr: Où les exécutions sont envoyées.", "fr: Où partent les exécutions.")
        let frenchEdit = try Self.build(pipeline)
        #expect(frenchEdit.outcome.rowsRendered == 1)
        #expect(frenchEdit.files == (try Self.uncachedFiles(content)))
        #expect(frenchEdit.files != cold.files)

        // DEMO_PATHS has no French text, so the French page shows the English one: both rows change.
        try Self.edit(content, "Files to load:", "Files to read:")
        let fallbackEdit = try Self.build(pipeline)
        #expect(fallbackEdit.outcome.rowsRendered == 2)
        #expect(fallbackEdit.files == (try Self.uncachedFiles(content)))

        // A line added to DEMO_TOKEN's English text moves every variable below it down a line: their rows stay.
        // Its English row changes, and so does its matrix row, as the French text is now stale; its French row
        // shows the French text, which did not change.
        try Self.edit(content, "        Keep it out of version control.", "        Keep it out of version control.\n        Rotate it yearly.")
        let movingEdit = try Self.build(pipeline)
        #expect(movingEdit.outcome.rowsRendered == 2)
        #expect(movingEdit.files == (try Self.uncachedFiles(content)))
    }

    /// Rewriting a page's rows, the registry's snapshot or the status's verdicts costs every entry the file holds;
    /// a few rows missing from them cost each later build those rows only (`CacheFolder.isWorthRewriting`).
    @Test("with 106 variables, one edit leaves every cache file as it was and renders its rows again on each build; edits to a share of them rewrite the files")
    func smallEditsLeaveTheCache() throws {
        let content = try Self.copyOfFixtureContent()
        let registry = content.appending(path: "variables.yaml")
        var text = try String(contentsOf: registry, encoding: .utf8)
        for index in 0..<100 {
            text += "  DEMO_EXTRA_\(index):\n    type: string\n    description:\n      en: Extra \(index).\n      fr: Supplément \(index).\n"
        }
        try Data(text.utf8).write(to: registry)
        let cacheDirectory = try Fixtures.temporaryDirectory()
        let pipeline = DocsPipeline(contentDirectory: content.path, templatesDirectory: Fixtures.templatesDirectory,
                                    rowCache: RowCache(directory: cacheDirectory, identity: "test"))
        func cacheFiles() throws -> [String: Data] {
            try Dictionary(uniqueKeysWithValues: FileManager.default.contentsOfDirectory(atPath: cacheDirectory.path).map {
                ($0, try Data(contentsOf: cacheDirectory.appending(path: $0)))
            })
        }
        let rowsPerBuild = 3 * 106
        let cold = try Self.build(pipeline)
        #expect(cold.outcome.rowsRendered == rowsPerBuild)
        let warm = try cacheFiles()
        #expect(Set(warm.keys).isSuperset(of: ["registry.snapshot", "translations.status", "reference-en.rows", "reference-fr.rows", "translations.rows"]))

        try Self.edit(content, "fr: Supplément 50.", "fr: Le cinquantième.")
        for _ in 0..<2 {
            let edited = try Self.build(pipeline)
            #expect(edited.outcome.rowsRendered == 1)
            #expect(edited.files == (try Self.uncachedFiles(content)))
            #expect(Fixtures.text(of: "fr/index.html", in: edited.files)?.contains("Le cinquantième.") == true)
            #expect(try cacheFiles() == warm)
        }

        // 40 French texts: 40 French rows, 41 entries of the registry from the one before the first, 40 verdicts.
        for index in 10..<50 { try Self.edit(content, "fr: Supplément \(index).", "fr: Le numéro \(index).") }
        let many = try Self.build(pipeline)
        #expect(many.outcome.rowsRendered == 41)
        let rewritten = try cacheFiles()
        for file in ["registry.snapshot", "translations.status", "reference-fr.rows"] {
            #expect(rewritten[file] != warm[file], "\(file)")
        }
        for file in ["reference-en.rows", "translations.rows"] {
            #expect(rewritten[file] == warm[file], "\(file)")
        }
        let after = try Self.build(pipeline)
        #expect(after.outcome.rowsRendered == 0)
        #expect(after.files == many.files)
    }

    /// A page made from the inputs of the last build is the bytes that build wrote: taken from the site folder,
    /// without its rows being read back or placed, as long as the folder still holds them.
    @Test("a page made from the same inputs is taken whole from the site folder, unless the folder's copy changed")
    func wholePages() throws {
        let content = try Self.copyOfFixtureContent()
        let root = try Fixtures.temporaryDirectory()
        let cacheDirectory = root.appending(path: "cache")
        let pipeline = DocsPipeline(contentDirectory: content.path, templatesDirectory: Fixtures.templatesDirectory,
                                    rowCache: RowCache(directory: cacheDirectory, identity: "test"))
        let writer = OutputWriter(root: root.appending(path: "Site"), ownsFolder: true)
        func build() throws -> (outcome: DocsPipeline.Outcome, plan: OutputPlan) {
            let (outcome, plan) = pipeline.run(writingTo: writer)
            #expect(outcome.succeeded, "\(outcome.diagnostics)")
            return (outcome, try #require(plan))
        }
        func siteFiles() throws -> [OutputFile] {
            try FileManager.default.subpathsOfDirectory(atPath: writer.root.path).sorted().compactMap { path in
                var isFolder: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: writer.root.appending(path: path).path, isDirectory: &isFolder)
                return isFolder.boolValue ? nil : OutputFile(path: path, contents: try Data(contentsOf: writer.root.appending(path: path)))
            }
        }
        let cold = try build()
        #expect(cold.outcome.rowsRendered == Self.rowsPerBuild)
        #expect(FileManager.default.fileExists(atPath: cacheDirectory.appending(path: "pages").path))

        // With every row file gone, each page is still taken whole: its inputs are those of the last build.
        for page in ["reference-en", "reference-fr", "translations"] {
            try FileManager.default.removeItem(at: cacheDirectory.appending(path: "\(page).rows"))
        }
        let whole = try build()
        #expect(whole.outcome.rowsReused == Self.rowsPerBuild)
        #expect(whole.outcome.rowsRendered == 0)
        #expect(whole.plan.isUpToDate)

        // A page changed by hand in the site folder is made again, and its rows with it, since their file is gone.
        let french = writer.root.appending(path: "fr/index.html")
        try Data((try String(contentsOf: french, encoding: .utf8) + "<!-- edited -->\n").utf8).write(to: french)
        let mended = try build()
        #expect(mended.outcome.rowsRendered == 6)
        #expect(mended.plan.modified == ["fr/index.html"])
        #expect(try siteFiles() == (try Self.uncachedFiles(content)))

        // An edit makes its page again; the other pages are taken whole.
        try Self.edit(content, "fr: Où les exécutions sont envoyées.", "fr: Où partent les exécutions.")
        let edited = try build()
        #expect(edited.outcome.rowsRendered == 1)
        #expect(edited.outcome.rowsReused == Self.rowsPerBuild - 1)
        #expect(edited.plan.modified.sorted() == ["fr/environment-variables.md", "fr/index.html"])
        #expect(try siteFiles() == (try Self.uncachedFiles(content)))
    }

    /// The page's strings are part of every row's key through `ReferenceRows.sharedDigest`, not through the
    /// row's own source: a changed label must re-render that language's rows, and only those.
    @Test("a changed interface string renders that language's rows again, and no others")
    func stringsEdit() throws {
        let content = try Self.copyOfFixtureContent()
        let cache = RowCache(directory: try Fixtures.temporaryDirectory(), identity: "test")
        let pipeline = DocsPipeline(contentDirectory: content.path, templatesDirectory: Fixtures.templatesDirectory, rowCache: cache)
        _ = try Self.build(pipeline)

        let strings = content.appending(path: "strings/fr.yaml")
        let text = try String(contentsOf: strings, encoding: .utf8)
        let edited = try #require(Self.replacingValue(of: "noDefault", in: text, with: "aucune valeur"))
        try Data(edited.utf8).write(to: strings)
        let build = try Self.build(pipeline)
        // The six French rows; the English ones and the matrix, worded in English, stay.
        #expect(build.outcome.rowsRendered == 6)
        #expect(build.files == (try Self.uncachedFiles(content)))
        #expect(Fixtures.text(of: "fr/index.html", in: build.files)?.contains("aucune valeur") == true)
    }

    @Test("what a page's rows share is all in the shared digest")
    func sharedInputs() {
        // A new stored field of ReferenceRows is something rows are made from: it belongs in `sharedDigest`.
        let fields = Set(Mirror(reflecting: ReferenceRows(rows: [], strings: InterfaceStrings(texts: [:]), sourceLanguage: "en",
                                                          fallbackNotice: "")).children.compactMap(\.label))
        #expect(fields == ["rows", "strings", "sourceLanguage", "fallbackNotice"])
        let base = ReferenceRows(rows: [], strings: InterfaceStrings(texts: ["a": "1", "b": "2"]), sourceLanguage: "en", fallbackNotice: "n")
        var changed = [base, base, base, base]
        changed[0].strings = InterfaceStrings(texts: ["a": "1", "b": "3"])
        changed[1].strings = InterfaceStrings(texts: ["a": "1", "c": "2"])
        changed[2].sourceLanguage = "fr"
        changed[3].fallbackNotice = "m"
        let digests = changed.map(\.sharedDigest)
        #expect(!digests.contains(base.sharedDigest))
        #expect(Set(digests).count == 4)
    }

    @Test("a changed row template renders every row again")
    func templateEdit() throws {
        let content = try Self.copyOfFixtureContent()
        let templates = try Fixtures.temporaryDirectory().appending(path: "Templates")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: Fixtures.templatesDirectory), to: templates)
        let cache = RowCache(directory: try Fixtures.temporaryDirectory(), identity: "test")
        let pipeline = DocsPipeline(contentDirectory: content.path, templatesDirectory: templates.path, rowCache: cache)
        _ = try Self.build(pipeline)

        let row = templates.appending(path: "_variable.md.mustache")
        let text = try String(contentsOf: row, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "| {{markdownRow.variableCell}}", with: "| ▸ {{markdownRow.variableCell}}").utf8).write(to: row)
        let edited = try Self.build(pipeline)
        #expect(edited.outcome.rowsReused == 0)
        #expect(edited.outcome.rowsRendered == Self.rowsPerBuild)
        let uncached = DocsPipeline(contentDirectory: content.path, templatesDirectory: templates.path).run().files
        #expect(edited.files == uncached)
        #expect(Fixtures.text(of: "en/environment-variables.md", in: edited.files)?.contains("| ▸ <a id=\"DEMO_MODE\">") == true)
    }

    @Test("a dry run reads the cache and writes none of it")
    func dryRun() throws {
        let root = try Fixtures.temporaryDirectory()
        let cacheDirectory = root.appending(path: "cache")
        let pipeline = DocsPipeline(
            contentDirectory: Fixtures.contentDirectory, templatesDirectory: Fixtures.templatesDirectory,
            rowCache: RowCache(directory: cacheDirectory, identity: "test"))
        let writer = OutputWriter(root: root.appending(path: "Site"), ownsFolder: true)
        let (checked, _) = pipeline.run(writingTo: writer, dryRun: true)
        #expect(checked.succeeded)
        #expect(!FileManager.default.fileExists(atPath: cacheDirectory.path))

        let (built, _) = pipeline.run(writingTo: writer)
        #expect(built.rowsRendered == Self.rowsPerBuild)
        let (checkedAgain, plan) = pipeline.run(writingTo: writer, dryRun: true)
        #expect(checkedAgain.rowsReused == Self.rowsPerBuild)
        #expect(plan?.isUpToDate == true)
    }

    private static func build(_ pipeline: DocsPipeline) throws -> (outcome: DocsPipeline.Outcome, files: [OutputFile]) {
        var files: [OutputFile] = []
        let outcome = pipeline.run { files.append($0) }
        #expect(outcome.succeeded, "\(outcome.diagnostics)")
        return (outcome, files.sorted { $0.path < $1.path })
    }

    private static func uncachedFiles(_ content: URL) throws -> [OutputFile] {
        try #require(DocsPipeline(contentDirectory: content.path, templatesDirectory: Fixtures.templatesDirectory).run().files)
    }

    private static func copyOfFixtureContent() throws -> URL {
        let content = try Fixtures.temporaryDirectory().appending(path: "Content")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: Fixtures.contentDirectory), to: content)
        return content
    }

    /// `text` with the value of the top-level `key:` line replaced, or `nil` when there is no such line.
    private static func replacingValue(of key: String, in text: String, with value: String) -> String? {
        var lines = text.components(separatedBy: "\n")
        guard let index = lines.firstIndex(where: { $0.hasPrefix("\(key):") || $0.hasPrefix("  \(key):") }) else { return nil }
        let indentation = lines[index].prefix { $0 == " " }
        lines[index] = "\(indentation)\(key): \"\(value)\""
        return lines.joined(separator: "\n")
    }

    private static func edit(_ content: URL, _ old: String, _ new: String) throws {
        let registry = content.appending(path: "variables.yaml")
        let text = try String(contentsOf: registry, encoding: .utf8)
        try #require(text.contains(old))
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: registry)
    }
}
