import ArgumentParser
import EnvrefCore
import EnvrefRegistry
import EnvrefTranslations
import Foundation

/// `envref import`: turn existing hand-written pages into a new registry.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build a new registry from existing Markdown pages, one page per language.",
        discussion: """
            Reads each page's variables: GFM tables whose first column holds names, and headings whose text is a
            name (bold, `code`, WANDB\\_ESCAPED and plain names; platform tags and doc-builder anchors allowed).
            Names only in prose or code blocks are not entries. Hugo shortcodes, MDX components, <br> tags and
            front matter are understood. Rows that Markdown renderers would drop (extra cells, a row outside any
            table) are recovered and reported as file:line: warning: ...

            A page's language comes from --lang, else its front matter (lang, language, locale, languageCode),
            else its file name (fr.md, fr-FR.md, page.fr.md). The source language is --source-language, else
            English when a page is in English, else the first page's.

            Writes --output (every variable as type string, with the default a page states as `code`) and
            translations.lock next to it, recording the translations as made from the imported source texts.

            Example:
              envref import docs/en.md docs/fr.md docs/ja.md --output Content/variables.yaml
            """)

    @Argument(help: ArgumentHelp("The pages to import, one per language.", valueName: "FILE"))
    var files: [String]

    @Option(help: ArgumentHelp("Where to write the new registry.", valueName: "PATH"))
    var output: String

    @Option(name: .customLong("lang"), help: ArgumentHelp("The language of the page, when importing a single page.", valueName: "language"))
    var language: String?

    @Option(name: .customLong("source-language"), help: ArgumentHelp("The language translations are made from.", valueName: "language"))
    var sourceLanguage: String?

    @Flag(help: "Replace the registry at --output if it exists.")
    var force = false

    func validate() throws {
        if language != nil, files.count != 1 {
            throw ValidationError("--lang names the language of a single page; with several pages, name them like fr.md or use front matter")
        }
        if !force, FileManager.default.fileExists(atPath: output) {
            throw ValidationError("\(output) already exists; pass --force to replace it")
        }
    }

    func run() throws {
        // Each page is read on its own, so the pages are read over the cores, and taken back in argument order.
        let language = self.language.map(LanguageCode.init(rawValue:))
        let pages = files.parallelMap(minimumChunk: 1) { path in
            PageReader.read(fileAt: URL(fileURLWithPath: path), displayPath: path, language: language)
        }
        let result: RegistryImport.Result
        switch RegistryImport.build(pages, sourceLanguage: sourceLanguage.map(LanguageCode.init(rawValue:)), outputPath: output) {
        case .success(let built):
            result = built
        case .failure(let error):
            Console.report(error.diagnostics.sorted())
            throw ExitCode.failure
        }
        Console.report(result.diagnostics)
        let files = TranslationFiles(registryPath: output)
        try files.write(lock: result.lock, registryText: result.yaml)
        let registry = result.registry
        let translations = registry.variables.reduce(0) { $0 + $1.descriptions.count - 1 }
        print("Wrote \(output): \(registry.variables.count) variables in \(registry.languages.count) languages "
            + "(\(registry.languages.map(\.rawValue).joined(separator: ", "))), \(translations) translations; and \(files.lockPath).")
        let warnings = result.diagnostics.filter { $0.severity == .warning }.count
        if warnings > 0 { Console.printError("\(warnings) \(warnings == 1 ? "warning" : "warnings"): check the rows and entries named above.") }
    }
}
