import Foundation
import Testing

/// What the test run has around it: whether it is CI's, and where the shared test data is.
public enum TestEnvironment {
    /// Whether this is a CI run (`CI=true`), where `make test` has installed every tool and the shared data
    /// sits beside the clone: tests that need them then run, and fail loudly when something is missing,
    /// instead of being skipped quietly.
    public static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"

    /// The repository's root folder.
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The real pages and seeds shared between projects, read at test time and never copied into the repository:
    /// `$ENVREF_SHARED_DATA` when set, otherwise `../shared` next to the repository.
    public static let sharedData: URL = {
        if let override = ProcessInfo.processInfo.environment["ENVREF_SHARED_DATA"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        return repositoryRoot.deletingLastPathComponent().appending(path: "shared")
    }()

    /// Whether the tests that need the shared data run: when it is there, and always under CI.
    public static let isSharedDataAvailable = FileManager.default.fileExists(atPath: sharedData.appending(path: "seeds/en.md").path)
        || isCI

    /// The reason shown for tests skipped for want of the shared data.
    public static let sharedDataMissingReason: Comment =
        "the shared test pages are not at ../shared (set ENVREF_SHARED_DATA to their folder)"
}
