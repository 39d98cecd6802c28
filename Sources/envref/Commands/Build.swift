import ArgumentParser
import EnvrefCore
import EnvrefDocs
import Foundation

/// `envref build`: render the reference pages into Site/.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the Markdown and HTML reference pages into Site/.",
        discussion: """
            Writes Site/<lang>/index.html and Site/<lang>/environment-variables.md for every language, \
            Site/index.html as the entry page, and the assets from Templates/assets. Only files whose bytes \
            change are written; files in Site/ that the build no longer produces are removed. A failed build \
            leaves Site/ exactly as it was.

            With --check nothing is written: the command lists every out-of-date file and exits 1 if there is one.

            With --timings the command prints the C allocator's heap padding, each stage's wall time and their \
            total to standard error.

            Rendered table rows and a record of each page written are kept in .envref-cache/ (--cache), so the \
            next build renders only the rows whose text or wording changed, and takes a page made from unchanged \
            inputs from the site folder as it is; the site is byte-for-byte the same with or without it. \
            --no-cache renders every row. --check reads the cache but writes nothing to it.
            """)

    @OptionGroup var content: ContentOptions

    @OptionGroup var cache: CacheOptions

    @Option(name: .customLong("templates"), help: "The templates folder.")
    var templatesDirectory = "Templates"

    @Option(name: .customLong("output"), help: "The site folder to write.")
    var outputDirectory = "Site"

    @Flag(help: "Write nothing; list out-of-date files and exit 1 if any.")
    var check = false

    @Flag(name: .shortAndLong, help: "List every file written or removed.")
    var verbose = false

    @Flag(help: "Print the heap padding and each stage's wall time to standard error.")
    var timings = false

    func run() throws {
        let pipeline = DocsPipeline(
            contentDirectory: content.contentDirectory, registryPath: content.resolvedRegistryPath,
            templatesDirectory: templatesDirectory, rowCache: cache.rowCache)
        let writer = OutputWriter(root: URL(fileURLWithPath: outputDirectory), ownsFolder: true)
        let (outcome, written) = pipeline.run(writingTo: writer, dryRun: check)
        Console.report(outcome.diagnostics)
        // Printed last, whichever way the command ends.
        defer {
            if timings {
                Console.printError(Console.heapPaddingLine)
                Console.printError(outcome.timings.table)
                Console.printError("rows: \(outcome.rowsReused) reused, \(outcome.rowsRendered) rendered, \(outcome.rowShapes) shapes")
            }
        }
        guard let plan = written else { throw ExitCode.failure }
        if check {
            for path in plan.created { Console.printError("\(outputDirectory)/\(path): missing") }
            for path in plan.modified { Console.printError("\(outputDirectory)/\(path): out of date") }
            for path in plan.removed { Console.printError("\(outputDirectory)/\(path): no longer generated") }
            guard plan.isUpToDate else {
                Console.printError("\(plan.outOfDate.count) file(s) out of date; run 'envref build' (or 'make site')")
                throw ExitCode.failure
            }
            print("\(outputDirectory): \(plan.unchanged.count) files up to date")
            return
        }
        if verbose {
            for path in plan.created { print("created \(outputDirectory)/\(path)") }
            for path in plan.modified { print("updated \(outputDirectory)/\(path)") }
            for path in plan.removed { print("removed \(outputDirectory)/\(path)") }
        }
        print("\(outputDirectory): \(plan.created.count) created, \(plan.modified.count) updated, \(plan.removed.count) removed, \(plan.unchanged.count) unchanged")
    }
}
