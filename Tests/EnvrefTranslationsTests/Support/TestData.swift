import Foundation
import Testing

/// Where the tests find their data.
enum TestData {
    /// The repository's root folder.
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The real pages and seeds shared between projects, read at test time and never copied into the repository:
    /// `$ENVREF_SHARED_DATA` when set, otherwise `../shared` next to the repository.
    static let shared: URL = {
        if let override = ProcessInfo.processInfo.environment["ENVREF_SHARED_DATA"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        return repositoryRoot.deletingLastPathComponent().appending(path: "shared")
    }()

    /// Whether the shared pages are there; tests that need them are skipped, with this reason, when not.
    /// Under CI (`CI=true`) the tests always run, so missing data fails loudly instead of skipping quietly.
    static let isSharedAvailable = FileManager.default.fileExists(atPath: shared.appending(path: "seeds/en.md").path)
        || ProcessInfo.processInfo.environment["CI"] == "true"

    /// The reason shown for skipped tests.
    static let sharedMissingReason: Comment = "the shared test pages are not at ../shared (set ENVREF_SHARED_DATA to their folder)"

    /// A fixture file under Tests/EnvrefTranslationsTests/Fixtures.
    static func fixture(_ name: String) -> URL {
        repositoryRoot.appending(path: "Tests/EnvrefTranslationsTests/Fixtures/\(name)")
    }

    /// The text of a fixture file.
    static func fixtureText(_ name: String) throws -> String {
        try String(contentsOf: fixture(name), encoding: .utf8)
    }
}
