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
            "load registry", "load templates", "load content", "load translation lock",
            "translate en", "render en", "translate fr", "render fr",
            "translation status", "translate site-wide pages", "render site-wide pages",
        ])
    }

    @Test("a run that stops at a failed stage has timed only the stages that ran")
    func failedRunTimings() throws {
        let templates = try Fixtures.templatesDirectory(["reference.md": "{{#open}}\n"])
        defer { try? FileManager.default.removeItem(at: templates) }
        let outcome = DocsPipeline(contentDirectory: Fixtures.contentDirectory, templatesDirectory: templates.path).run { _ in }
        #expect(!outcome.succeeded)
        #expect(outcome.timings.stages.map(\.name) == ["load registry", "load templates", "load content"])
    }
}
