import Foundation
import Testing

/// Where the tests find their data.
enum TestData {
    /// The repository's root folder.
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A fixture file under Tests/EnvrefTranslationsTests/Fixtures.
    static func fixture(_ name: String) -> URL {
        repositoryRoot.appending(path: "Tests/EnvrefTranslationsTests/Fixtures/\(name)")
    }

    /// The text of a fixture file.
    static func fixtureText(_ name: String) throws -> String {
        try String(contentsOf: fixture(name), encoding: .utf8)
    }
}
