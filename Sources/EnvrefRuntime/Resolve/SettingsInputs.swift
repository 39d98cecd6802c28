import Configuration
import Foundation

/// What settings are resolved from besides overrides; every part can be replaced, so tests never touch
/// the real environment, working directory or home folder.
public struct SettingsInputs: Sendable {
    /// The environment variables.
    public var environment: [String: String]
    /// The folder the project settings file is looked up in.
    public var workingDirectory: String
    /// The folder `~` expands to.
    public var homeDirectory: String
    /// Receives a swift-configuration access event for every value read; secrets arrive redacted.
    public var accessReporter: (any AccessReporter)?

    /// Creates inputs; by default the process environment and working directory, and `HOME` from `environment`.
    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        workingDirectory: String = FileManager.default.currentDirectoryPath,
        homeDirectory: String? = nil,
        accessReporter: (any AccessReporter)? = nil
    ) {
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.homeDirectory = homeDirectory ?? environment["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path
        self.accessReporter = accessReporter
    }
}
