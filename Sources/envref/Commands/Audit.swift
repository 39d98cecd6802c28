import ArgumentParser
import EnvrefAudit
import EnvrefCore
import EnvrefRegistry
import Foundation

/// `envref audit`: find variables that code reads but the registry lacks, and the other way round.
struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find variable names in Swift, Python, Go and shell sources that the registry lacks.",
        discussion: """
            Scans every .swift, .py, .go, .sh, .bash, .zsh and .ksh file under the given paths, and scripts \
            whose #! line names a shell or Python (hidden folders, .build*, node_modules, __pycache__ and \
            vendor are skipped). Every name that starts with the registry's prefix is looked up:

              file:line:col: warning: WANDB_FOO is not in the registry
              file:line:col: warning: WANDB_OLD is deprecated; use WANDB_NEW

            Then every registry variable that no scanned file mentions is listed as a note at its line in \
            the registry. The report goes to standard output, a one-line summary to standard error.

            Exit status, for CI gates:
              0  no drift
              1  a name not in the registry; with --strict, also a deprecated
                 name in use or a registry variable no scanned file reads
              2  the audit could not run: invalid registry or missing path
            """)

    @OptionGroup var content: ContentOptions

    @Argument(help: ArgumentHelp("Files and folders to scan.", valueName: "path"))
    var paths: [String]

    @Option(help: "The prefix that marks a family name (default: the registry's 'prefix').")
    var prefix: String?

    @Flag(help: "Also fail on deprecated names in use and on registry variables no scanned file reads.")
    var strict = false

    func run() throws {
        let registry = try content.loadRegistry(failureCode: 2)
        guard let prefix = prefix ?? registry.prefix, !prefix.isEmpty else {
            Console.printError("error: the registry has no 'prefix'; pass --prefix to say which names to look for")
            throw ExitCode(2)
        }
        let report = Auditor(registry: registry, prefix: prefix)
            .audit(paths: paths, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        for diagnostic in report.diagnostics { print(diagnostic.description) }
        Console.printError(report.summary)
        let status = report.exitStatus(strict: strict)
        if status != 0 { throw ExitCode(status) }
    }
}
