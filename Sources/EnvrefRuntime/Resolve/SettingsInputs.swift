import Configuration
import Foundation

/// What settings are resolved from besides overrides; every part can be replaced, so tests never touch
/// the real environment, working directory or home folder.
public struct SettingsInputs: Sendable {
    /// The environment variables: the dictionary given, or a copy of the process environment.
    public var environment: [String: String] {
        get { givenEnvironment ?? ProcessInfo.processInfo.environment }
        set { givenEnvironment = newValue }
    }
    /// The dictionary that stands in for the process environment; `nil` reads the process's own variables
    /// one name at a time, which spares copying the whole environment on every resolve.
    var givenEnvironment: [String: String]?
    /// The folder the project settings file is looked up in: the one given, or the process's current folder.
    public var workingDirectory: String {
        get { givenWorkingDirectory ?? FileManager.default.currentDirectoryPath }
        set { givenWorkingDirectory = newValue }
    }
    /// The folder given; `nil` looks relative paths up from the process's current folder, so resolving asks
    /// the system for that folder only when a settings file is there.
    var givenWorkingDirectory: String?
    /// The folder `~` expands to.
    public var homeDirectory: String
    /// Receives a swift-configuration access event for every value read; secrets arrive redacted.
    public var accessReporter: (any AccessReporter)?

    /// Creates inputs; by default the process environment and working directory, and `HOME` from the environment.
    public init(
        environment: [String: String]? = nil,
        workingDirectory: String? = nil,
        homeDirectory: String? = nil,
        accessReporter: (any AccessReporter)? = nil
    ) {
        self.givenEnvironment = environment
        self.givenWorkingDirectory = workingDirectory
        let environmentHome = environment.map { $0["HOME"] } ?? getenv("HOME").map { String(cString: $0) }
        self.homeDirectory = homeDirectory ?? environmentHome ?? FileManager.default.homeDirectoryForCurrentUser.path
        self.accessReporter = accessReporter
    }
}
