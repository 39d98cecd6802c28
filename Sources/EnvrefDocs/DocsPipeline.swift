import EnvrefCore
import EnvrefRegistry
import EnvrefTranslations
import Foundation

/// The docs build from start to finish: load the registry, content and translation lock, translate
/// to contexts, render, and hand back the files. Writing is the caller's choice (`OutputWriter`).
public struct DocsPipeline: Sendable {
    /// The content folder (`Content`).
    public var contentDirectory: String
    /// The registry file (`Content/variables.yaml`).
    public var registryPath: String
    /// The templates folder (`Templates`).
    public var templatesDirectory: String
    /// Where work is kept between runs (rendered rows, the loaded registry and lock, the translation status's
    /// verdicts), so a run renders only the rows, composes only the registry entries and works out only the
    /// verdicts that changed; `nil` does all of it. The output is the same either way.
    public var rowCache: RowCache?

    /// Creates a pipeline over three locations.
    public init(contentDirectory: String, registryPath: String? = nil, templatesDirectory: String, rowCache: RowCache? = nil) {
        self.contentDirectory = contentDirectory
        self.registryPath = registryPath ?? "\(contentDirectory)/variables.yaml"
        self.templatesDirectory = templatesDirectory
        self.rowCache = rowCache
    }

    /// The outcome of a run: files when every stage succeeded, and every diagnostic from every stage.
    public struct Output: Sendable {
        /// The files of the site, or `nil` when any stage failed.
        public var files: [OutputFile]?
        /// Everything reported, in file order.
        public var diagnostics: [Diagnostic]
    }

    /// What a streaming run reports: every diagnostic, whether every stage succeeded, and how long each took.
    public struct Outcome: Sendable {
        /// Everything reported, in file order.
        public var diagnostics: [Diagnostic]
        /// Whether every stage succeeded; when not, `sink` may have received part of the site.
        public var succeeded: Bool
        /// The wall time of each stage that ran; rendering a language includes handing its files to the sink.
        public var timings = StageTimings()
        /// How many rows (of the reference pages and the translation matrix) were taken from the row cache.
        public var rowsReused = 0
        /// How many rows (of the reference pages and the translation matrix) were rendered.
        public var rowsRendered = 0
        /// How many times the row templates ran for the rows rendered (`SiteRenderer.RowReuse.shapes`).
        public var rowShapes = 0
    }

    /// Runs every stage and returns the whole site in memory.
    public func run() -> Output {
        var files: [OutputFile] = []
        let outcome = run { files.append($0) }
        return Output(files: outcome.succeeded ? files.sorted { $0.path < $1.path } : nil, diagnostics: outcome.diagnostics)
    }

    /// Runs every stage, handing each file to `sink` as soon as it is rendered; each later stage runs only if
    /// the earlier ones had no errors, but independent inputs (registry, strings, templates) are all checked
    /// in one go. A sink error (a file that cannot be written) ends the run as a failure.
    public func run(into sink: (OutputFile) throws -> Void) -> Outcome {
        run(after: StageTimings(), updatingCache: true, site: nil, into: sink)
    }

    /// `run(into:)`, with the stages the caller already timed first in the outcome's timings; the cache (rows,
    /// pages, the registry's snapshot, the lock and the status's verdicts) is read, and written only when
    /// `updatingCache`. `site` is the folder the last build wrote, from which a page made from the same inputs is
    /// taken whole (`PageCache`).
    private func run(after earlierStages: StageTimings, updatingCache: Bool, site: URL?, into sink: (OutputFile) throws -> Void) -> Outcome {
        var timings = earlierStages
        var rowsReused = 0, rowsRendered = 0, rowShapes = 0
        // Only a build that writes to a folder can take a page from it, so only such a build reads the records.
        var caches = rowCache.map { rowCache in RowPageCaches(rows: rowCache, pages: site.map { PageCache(folder: rowCache.folder, site: $0) }) }
        func keep(_ reuse: SiteRenderer.RowReuse) {
            rowsReused += reuse.reused
            rowsRendered += reuse.rendered
            rowShapes += reuse.shapes
            // Rewritten once enough rows changed or went away (`CacheFolder.isWorthRewriting`), so a build with
            // nothing new writes nothing, and one with one new row renders it again next time instead.
            if updatingCache, let rowCache, let kept = reuse.rows,
               CacheFolder.isWorthRewriting(missing: reuse.rendered + reuse.offered - reuse.reused, of: kept.entries.count) {
                rowCache.store(kept)
            }
        }
        func finish(_ diagnostics: [Diagnostic], succeeded: Bool) -> Outcome {
            Outcome(diagnostics: diagnostics.sorted(), succeeded: succeeded, timings: timings, rowsReused: rowsReused, rowsRendered: rowsRendered,
                    rowShapes: rowShapes)
        }
        // The lock and the templates do not depend on the registry, so they load on the other core while it
        // does: at scale the registry and the lock are each a Yams compose of several megabytes.
        let (loaded, (lock, templates)) = timings.measure("load registry, lock and templates") {
            concurrently(
                {
                    RegistryLoader.load(fileAt: URL(fileURLWithPath: registryPath), displayPath: registryPath,
                                        cache: rowCache?.folder, updatingCache: updatingCache)
                },
                {
                    (TranslationFiles(registryPath: registryPath).loadLock(cache: rowCache?.folder, updatingCache: updatingCache),
                     TemplateSet.load(from: templatesDirectory))
                })
        }
        var diagnostics = loaded.diagnostics + templates.diagnostics
        guard let registry = loaded.registry else { return finish(diagnostics, succeeded: false) }
        let content = timings.measure("load content") { SiteContentLoader(contentDirectory: contentDirectory).load(for: registry) }
        diagnostics += content.diagnostics
        guard let siteContent = content.content, let templateSet = templates.templates else {
            return finish(diagnostics, succeeded: false)
        }
        diagnostics += lock.diagnostics
        guard !lock.diagnostics.containsErrors else { return finish(diagnostics, succeeded: false) }
        let builder = SiteContextBuilder(assetVersions: SiteContextBuilder.assetVersions(of: templateSet.assets))
        let renderer = SiteRenderer(templates: templateSet)
        // The registry's snapshot keeps them; a build with a cache but no snapshot works them out, for the rows'
        // keys and the status, and a build without a cache needs none.
        let variableDigests = loaded.variableDigests ?? rowCache.map { _ in VariableDigest.of(registry) }
        // Checked whole once, in debug builds: the rows and the status take them on trust.
        assert(loaded.variableDigests.map { $0 == VariableDigest.of(registry) } ?? true, "the snapshot's digests are not the registry's")
        do {
            // Reference pages are translated and rendered one language at a time: with a large registry,
            // every language's context held at once would set the build's peak memory.
            for language in siteContent.languages {
                // Each row's source and context are made only when the row cache does not hold the row: making the
                // context parses the description, so "translate" here is the page around the rows and their keys' inputs.
                let (page, rows) = timings.measure("translate \(language.language)") {
                    (builder.page(for: language, in: siteContent), builder.rows(for: language, in: siteContent, variableDigests: variableDigests))
                }
                try timings.measure("render \(language.language)") {
                    keep(try renderer.renderReferencePage(
                        page, rows: rows.rows, shared: rows.sharedDigest, caches: &caches,
                        context: { builder.rowContext($0.source, of: rows, on: page) }, into: sink))
                }
            }
            // Worked out only now, so the status is not held while the reference pages render.
            let status = timings.measure("translation status") {
                TranslationStatus(registry: registry, lock: lock.lock, cache: rowCache?.folder, updatingCache: updatingCache,
                                  variableDigests: variableDigests)
            }
            let siteWide = timings.measure("translate site-wide pages") { builder.buildSiteWidePages(siteContent, status: status) }
            try timings.measure("render site-wide pages") {
                keep(try renderer.renderSiteWidePages(siteWide, caches: &caches, into: sink))
            }
            if updatingCache { caches?.pages?.store() }
            return finish(diagnostics, succeeded: true)
        } catch let error as DiagnosticsError {
            return finish(diagnostics + error.diagnostics, succeeded: false)
        } catch {
            return finish(diagnostics + [Self.cannotWrite(error, at: nil)], succeeded: false)
        }
    }

    /// Runs every stage straight into a transaction on the owned folder `writer` writes: committed when every
    /// stage succeeded (a dry run only compares), cancelled otherwise, so a failed build leaves the folder as
    /// it was. The plan is `nil` when a stage failed; a folder that cannot be written is one more diagnostic.
    public func run(writingTo writer: OutputWriter, dryRun: Bool = false) -> (outcome: Outcome, plan: OutputPlan?) {
        let failure = { (error: any Error) in Self.cannotWrite(error, at: SourceLocation(path: writer.root.relativePath, line: 1)) }
        var opening = StageTimings()
        let transaction: OutputTransaction
        do {
            transaction = try opening.measure("open the site folder") { try writer.begin(dryRun: dryRun) }
        } catch {
            return (Outcome(diagnostics: [failure(error)], succeeded: false, timings: opening), nil)
        }
        // A dry run leaves the row cache as it is, as it does the site folder.
        var outcome = run(after: opening, updatingCache: !dryRun, site: writer.root) { try transaction.add($0) }
        guard outcome.succeeded else {
            transaction.cancel()
            return (outcome, nil)
        }
        do {
            // A dry run writes nothing: its last stage only compares the rendered files with the folder's.
            let plan = try outcome.timings.measure(dryRun ? "compare with the site folder" : "commit") { try transaction.commit() }
            return (outcome, plan)
        } catch {
            outcome.diagnostics.append(failure(error))
            outcome.succeeded = false
            return (outcome, nil)
        }
    }

    /// A sink or the output folder failed; located at the folder when the caller knows it.
    private static func cannotWrite(_ error: any Error, at location: SourceLocation?) -> Diagnostic {
        .error("cannot write the site: \(error)", at: location)
    }
}
