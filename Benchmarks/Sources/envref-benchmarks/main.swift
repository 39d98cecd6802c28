import Benchmark
import EnvrefDocs
import EnvrefMarkdown
import EnvrefRegistry
import Foundation
import Yams

// Each envref stage runs beside a reference doing the nearest plain work on the same input, in the
// same process, so `stages.py` can report ratios that do not depend on the machine's speed.

// Run from the repository root: the benchmarks read the embedded content.
let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
let registryURL = root.appending(path: "Content/variables.yaml")
let registryBytes = Array(try Data(contentsOf: registryURL))
let registryText = String(decoding: registryBytes, as: UTF8.self)
let markdownPages = try ["en", "fr", "es", "ja", "ko"].map {
    try String(contentsOf: root.appending(path: "Site/\($0)/environment-variables.md"), encoding: .utf8)
}
let contentDirectory = root.appending(path: "Content").path
let templatesDirectory = root.appending(path: "Templates").path
let registry = try RegistryLoader.load(bytes: registryBytes, path: "variables.yaml").get()
let siteContent = SiteContentLoader(contentDirectory: contentDirectory).load(for: registry).content!
let contexts = SiteContextBuilder().build(siteContent)
let templates = TemplateSet.load(from: templatesDirectory).templates!
// Counted once rather than written down: the site gains pages and assets over time.
let renderedFileCount = try SiteRenderer(templates: templates).render(contexts).count

benchmark("load/envref: UTF-8 check, event scan, compose, validate") {
    precondition(RegistryLoader.load(bytes: registryBytes, path: "variables.yaml").registry != nil)
}

benchmark("load/reference: Yams.load of the same file") {
    let document = try? Yams.load(yaml: registryText)
    precondition(document != nil)
}

benchmark("build/envref: every stage, every page of every language, in memory") {
    let output = DocsPipeline(contentDirectory: contentDirectory, templatesDirectory: templatesDirectory).run()
    precondition(output.files != nil)
}

benchmark("build/reference: cmark-gfm HTML of the five generated Markdown pages") {
    for page in markdownPages { precondition(!MarkdownDocument(page).html().isEmpty) }
}

benchmark("translate/envref: registry and content to page contexts") {
    precondition(SiteContextBuilder().build(siteContent).pages.count == 5)
}

benchmark("translate/reference: cmark-gfm HTML of the five generated Markdown pages") {
    for page in markdownPages { precondition(!MarkdownDocument(page).html().isEmpty) }
}

benchmark("render/envref: page contexts through the Mustache templates") {
    precondition(try! SiteRenderer(templates: templates).render(contexts).count == renderedFileCount)
}

benchmark("render/reference: cmark-gfm HTML of the five generated Markdown pages") {
    for page in markdownPages { precondition(!MarkdownDocument(page).html().isEmpty) }
}

Benchmark.main()
