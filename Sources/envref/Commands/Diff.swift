import ArgumentParser
import EnvrefCore
import EnvrefRegistry
import EnvrefTranslations
import Foundation

extension ReportFormat: ExpressibleByArgument {}

/// `envref diff`: the state of every translation, or a hand-written page against the registry.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Report the state of every variable's translation in every language.",
        discussion: """
            For each variable and target language the state is one of:
              translated    present and reviewed against the current source text
              stale         the source text changed since (or it was never reviewed); the report shows the
                            previous source text beside the current one
              untranslated  identical to the source, marked 'untranslated: true', or evidently still in the
                            source language
              missing       absent
            Value drift flags translations whose code names values, variables or defaults that the registry and
            the current source text no longer have (for example `dryrun` after it was replaced by `offline`).
            Orphans are records in translations.lock for variables or languages the registry does not have.

            Staleness comes from <content>/translations.lock, which `envref translations accept`,
            `envref po import` and `envref import` maintain. Editing a source text makes its translations stale.

            With --against PAGE.md, compares a hand-written page with the registry instead: the variables the
            page lacks, and those it documents that the registry does not have.

            With --timings the command prints the C allocator's heap padding, each stage's wall time and their \
            total to standard error.

            Exit status: 0 when nothing in --fail-on / --min-coverage fails, 1 when something does,
            2 when the registry, the lock or the page cannot be read.

            Examples:
              envref diff
              envref diff --format github --fail-on missing,stale,drift --min-coverage 90
              envref diff --against docs/fr/environment-variables.md --lang fr
            """)

    @OptionGroup var content: ContentOptions
    @OptionGroup var cache: CacheOptions

    @Option(help: "Output format: text, json, markdown or github (workflow annotations on registry lines).")
    var format: ReportFormat = .text

    @Option(name: .customLong("lang"), help: ArgumentHelp("Report only this language; repeat for more. With --against, the page's language.", valueName: "language"))
    var languages: [String] = []

    @Option(name: .customLong("fail-on"), help: ArgumentHelp("Exit 1 when any of these is found: missing, stale, untranslated, drift, orphans (comma-separated).", valueName: "conditions"))
    var failOn: String?

    @Option(name: .customLong("min-coverage"), help: ArgumentHelp("Exit 1 when a language has fewer than P percent of its translations current.", valueName: "P"))
    var minCoverage: Double?

    @Option(help: ArgumentHelp("Compare this hand-written Markdown page with the registry.", valueName: "PAGE.md"))
    var against: String?

    @Flag(help: "Print the heap padding and each stage's wall time to standard error.")
    var timings = false

    func validate() throws {
        if let minCoverage, !(0...100).contains(minCoverage) {
            throw ValidationError("--min-coverage must be between 0 and 100, not \(minCoverage)")
        }
        do {
            _ = try failOn.map(FailureCondition.parseList)
        } catch {
            throw ValidationError("--fail-on: \(error)")
        }
        if against != nil, languages.count > 1 {
            throw ValidationError("--against compares one page: give at most one --lang")
        }
    }

    func run() throws {
        let policy = FailurePolicy(conditions: (try? failOn.map(FailureCondition.parseList)) ?? [], minimumCoverage: minCoverage)
        var stages = StageTimings()
        // Printed last, whichever way the command ends.
        defer {
            if timings {
                Console.printError(Console.heapPaddingLine)
                Console.printError(stages.table)
            }
        }
        let failures: [String]
        if let against {
            let registry = try stages.measure("load registry") { try content.loadRegistry(failureCode: 2, cache: cache.folder) }
            failures = try comparePage(against, registry: registry, policy: policy, stages: &stages)
        } else {
            let loaded = try stages.measure("load registry and lock") {
                try content.loadRegistryAndLock(failureCode: 2, cache: cache.folder)
            }
            failures = try reportStatus(registry: loaded.registry, lock: loaded.lock, variableDigests: loaded.variableDigests, policy: policy,
                                        stages: &stages)
        }
        for failure in failures { Console.printError("envref diff: \(failure)") }
        if !failures.isEmpty { throw ExitCode.failure }
    }

    private func reportStatus(registry: Registry, lock: TranslationLock, variableDigests: [VariableDigest]?, policy: FailurePolicy,
                              stages: inout StageTimings) throws -> [String] {
        var selected: [LanguageCode]?
        if !languages.isEmpty {
            selected = try languages.map { try targetLanguage($0, in: registry) }
        }
        let status = stages.measure("translation status") {
            TranslationStatus(registry: registry, lock: lock, languages: selected, cache: cache.folder, variableDigests: variableDigests)
        }
        let report = stages.measure("render report") { TranslationReport.render(status, as: format, policy: policy) }
        stages.measure("print report") { print(report, terminator: "") }
        return policy.failures(in: status)
    }

    private func comparePage(_ path: String, registry: Registry, policy: FailurePolicy, stages: inout StageTimings) throws -> [String] {
        let option = try languages.first.map { try targetLanguage($0, in: registry, allowSource: true) }
        let page = stages.measure("read page") { PageReader.read(fileAt: URL(fileURLWithPath: path), displayPath: path, language: option) }
        Console.report(page.diagnostics)
        if page.diagnostics.containsErrors { throw ExitCode(2) }
        guard let language = page.language else {
            Console.printError("error: cannot tell the language of \(path); pass --lang")
            throw ExitCode(2)
        }
        let comparison = stages.measure("compare") { PageComparison(page: page, language: language, registry: registry) }
        let report = stages.measure("render report") { PageComparisonReport.render(comparison, as: format, policy: policy) }
        stages.measure("print report") { print(report, terminator: "") }
        return comparison.failures(for: policy)
    }

    private func targetLanguage(_ text: String, in registry: Registry, allowSource: Bool = false) throws -> LanguageCode {
        let code = LanguageCode(rawValue: text)
        if registry.targetLanguages.contains(code) || (allowSource && code == registry.sourceLanguage) { return code }
        let known = (allowSource ? registry.languages : registry.targetLanguages).map(\.rawValue).joined(separator: ", ")
        Console.printError("error: '\(text)' is not a \(allowSource ? "" : "target ")language of \(registry.path) (\(known))")
        throw ExitCode(2)
    }
}
