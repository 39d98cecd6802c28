import Benchmark
import EnvrefDocs
import EnvrefMarkdown
import EnvrefRegistry
import Foundation
import Yams

// Each envref stage runs beside a reference doing the nearest plain work on the same input, in the
// same process, so `compare.py` can report ratios that do not depend on the machine's speed.

// Run from the repository root: the benchmarks read the embedded content.
let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
let registryURL = root.appending(path: "Content/variables.yaml")
let registryBytes = Array(try Data(contentsOf: registryURL))
let registryText = String(decoding: registryBytes, as: UTF8.self)
let markdownPage = try String(contentsOf: root.appending(path: "Site/en/environment-variables.md"), encoding: .utf8)

benchmark("load/envref: UTF-8 check, event scan, compose, validate") {
    precondition(RegistryLoader.load(bytes: registryBytes, path: "variables.yaml").registry != nil)
}

benchmark("load/reference: Yams.load of the same file") {
    let document = try? Yams.load(yaml: registryText)
    precondition(document != nil)
}

benchmark("build/envref: every page, every language, in memory") {
    let output = DocsPipeline(contentDirectory: root.appending(path: "Content").path,
                              templatesDirectory: root.appending(path: "Templates").path).run()
    precondition(output.files != nil)
}

benchmark("build/reference: cmark-gfm HTML of one language's Markdown page") {
    precondition(!MarkdownDocument(markdownPage).html().isEmpty)
}

Benchmark.main()
