import EnvrefCore
import Foundation

/// The state a preview shares between its watcher and its HTTP handler: which build the pages
/// should show, and what went wrong with the latest one.
public actor PreviewSession {
    /// What the pages learn from `/__envref/state`.
    public struct State: Sendable, Equatable, Codable {
        /// Goes up by one with every rebuild, so pages know when to reload.
        public var version: Int
        /// Whether the latest rebuild succeeded; when not, the site on disk is the last good one.
        public var ok: Bool
        /// The latest rebuild's diagnostics, as `path:line:col: severity: message` lines.
        public var diagnostics: [String]
    }

    private let build: PreviewBuild
    private let watchedFolders: [String]
    private let report: @Sendable (String) -> Void
    private var snapshot: FolderSnapshot
    /// The current state.
    public private(set) var state = State(version: 0, ok: true, diagnostics: [])

    /// Creates a session; `report` receives what the terminal should show.
    public init(build: PreviewBuild, watchedFolders: [String], report: @escaping @Sendable (String) -> Void) {
        self.build = build
        self.watchedFolders = watchedFolders
        self.report = report
        snapshot = FolderSnapshot.take(of: watchedFolders)
    }

    /// Builds the site and publishes the outcome as a new version.
    @discardableResult
    public func rebuild() -> State {
        let clock = ContinuousClock()
        let start = clock.now
        let outcome = build.run()
        // The whole run, opening the site folder included, which no pipeline stage times.
        let elapsed = clock.now - start
        let lines = outcome.diagnostics.map(\.description)
        state = State(version: state.version + 1, ok: outcome.succeeded, diagnostics: lines)
        if !lines.isEmpty { report(lines.joined(separator: "\n")) }
        if outcome.succeeded {
            report("rebuilt in \(StageTimings.wholeMilliseconds(elapsed)) ms: \(outcome.changedFiles.count) file(s) changed")
        } else {
            report("the build failed; the last good site stays up")
        }
        return state
    }

    /// Rebuilds when a watched file changed since the last look; returns whether it did.
    @discardableResult
    public func rebuildIfChanged() -> Bool {
        let current = FolderSnapshot.take(of: watchedFolders)
        guard current != snapshot else { return false }
        snapshot = current
        rebuild()
        return true
    }

    /// Watches until the task is cancelled.
    public func watch(every interval: Duration) async {
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            rebuildIfChanged()
        }
    }

    /// The state once its version differs from `version`, or the current one after `timeout`, so a
    /// page can hold one request open instead of asking many times a second.
    public func state(after version: Int, timeout: Duration) async -> State {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while state.version == version, clock.now < deadline, !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(100))
        }
        return state
    }
}
