import Configuration
import EnvrefRuntime
import Foundation

/// A working directory and a home folder in a fresh temporary folder, so tests never read the real ones.
struct TemporaryProject {
    let root: URL
    var workingDirectory: URL { root.appending(path: "project") }
    var home: URL { root.appending(path: "home") }

    init() throws {
        root = FileManager.default.temporaryDirectory.appending(path: "envref-runtime-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appending(path: "project"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appending(path: "home"), withIntermediateDirectories: true)
    }

    /// Writes `wandb/settings` in the working directory.
    func writeProjectSettings(_ text: String) throws {
        try write(text, to: workingDirectory.appending(path: "wandb/settings"))
    }

    /// Writes `settings` in a user settings folder, by default `~/.config/wandb`.
    func writeUserSettings(_ text: String, in folder: URL? = nil) throws {
        try write(text, to: (folder ?? home.appending(path: ".config/wandb")).appending(path: "settings"))
    }

    func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Inputs that read only this project, this home and the given environment.
    func inputs(_ environment: [String: String] = [:], accessReporter: (any AccessReporter)? = nil) -> SettingsInputs {
        SettingsInputs(environment: environment, workingDirectory: workingDirectory.path, homeDirectory: home.path,
                       accessReporter: accessReporter)
    }
}
