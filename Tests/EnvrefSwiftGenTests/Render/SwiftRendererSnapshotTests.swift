import EnvrefRegistry
import EnvrefSwiftGen
import SnapshotTesting
import Testing

/// Whole generated files; record again with SNAPSHOT_TESTING_RECORD=all after an intended change.
@Suite struct SwiftRendererSnapshotTests {
    @Test func wandbSample() throws {
        let registry = try RegistrySnippet.fixture("Fixtures/wandb-sample.yaml", displayPath: "Content/variables.yaml")
        assertSnapshot(of: try RegistrySnippet.source(for: registry), as: .lines, named: "WandbSettings")
    }

    /// The registry the compile test builds (Tests/EnvrefAccessorsPluginTests), so a reviewer sees the Swift it compiles.
    @Test func trickyRegistry() throws {
        let registry = try RegistrySnippet.fixture("../EnvrefAccessorsPluginTests/variables.yaml", displayPath: "variables.yaml")
        assertSnapshot(of: try RegistrySnippet.source(for: registry), as: .lines, named: "TrickySettings")
    }

    @Test func outputIsDeterministic() throws {
        let registry = try RegistrySnippet.fixture("Fixtures/wandb-sample.yaml", displayPath: "Content/variables.yaml")
        let sources = try (0..<5).map { _ in try RegistrySnippet.source(for: registry) }
        #expect(Set(sources).count == 1)
    }
}
