import EnvrefCore
import Foundation
import Testing

@testable import EnvrefDocs

@Suite("The docs pipeline")
struct DocsPipelineTests {
    @Test("a run times every stage, in the order the stages ran")
    func stageTimings() {
        let pipeline = DocsPipeline(contentDirectory: Fixtures.contentDirectory, templatesDirectory: Fixtures.templatesDirectory)
        let outcome = pipeline.run { _ in }
        #expect(outcome.succeeded)
        #expect(outcome.timings.stages.map(\.name) == [
            "load registry, lock and templates", "load content",
            "translate en", "render en", "translate fr", "render fr",
            "translation status", "translate site-wide pages", "render site-wide pages",
        ])
    }

    @Test("every page links each asset with a version made from the asset's bytes, so a changed asset gets a new address")
    func assetVersions() throws {
        let files = try #require(DocsPipeline(contentDirectory: Fixtures.contentDirectory, templatesDirectory: Fixtures.templatesDirectory).run().files)
        let script = try #require(FileManager.default.contents(atPath: "\(Fixtures.templatesDirectory)/assets/site.js"))
        let version = String(SHA256.hexDigest(of: Array(script)).prefix(8))
        let htmlPages = files.filter { $0.path.hasSuffix(".html") }
        #expect(htmlPages.map(\.path) == ["404.html", "en/index.html", "fr/index.html", "index.html", "translations.html"])
        for page in htmlPages {
            let html = String(decoding: page.contents, as: UTF8.self)
            #expect(html.contains("assets/site.js?v=\(version)\""), "\(page.path)")
            #expect(!html.contains("assets/site.js\""), "\(page.path)")
        }
    }

    @Test("a run that stops at a failed stage has timed only the stages that ran")
    func failedRunTimings() throws {
        let templates = try Fixtures.templatesDirectory(["reference.md": "{{#open}}\n"])
        defer { try? FileManager.default.removeItem(at: templates) }
        let outcome = DocsPipeline(contentDirectory: Fixtures.contentDirectory, templatesDirectory: templates.path).run { _ in }
        #expect(!outcome.succeeded)
        #expect(outcome.timings.stages.map(\.name) == ["load registry, lock and templates", "load content"])
    }
}
