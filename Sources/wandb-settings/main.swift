import ArgumentParser
import EnvrefRuntime
import Foundation
import WandbSettings

/// `wandb-settings`: shows the resolved W&B settings and where each value comes from.
@main
struct WandbSettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wandb-settings",
        abstract: "Show the resolved W&B settings and where each value comes from.",
        discussion: """
            Settings resolve like the W&B client does, highest precedence first: --set overrides, environment \
            variables, the project file wandb/settings in the working directory, the user file settings in \
            WANDB_CONFIG_DIR (default ~/.config/wandb), then the registry defaults.

            Text output has one line per set value, like `git config --list --show-origin`: the source \
            (override, environment, project-settings, user-settings or default, with the file's path for \
            settings files), a tab, then NAME=value. Secret values are always shown as <REDACTED>.

            Exit status: 0 when every setting is valid; 1 when any is invalid, after every error is printed \
            to standard error. Deprecated names and values print a warning naming the replacement.
            """)

    @Flag(help: "Print a JSON object keyed by variable name, with each value and its source.")
    var json = false

    @Option(name: .customLong("set"), parsing: .singleValue,
            help: ArgumentHelp("Override a setting, as wandb.init(...) arguments do. Repeatable.", valueName: "NAME=VALUE"))
    var assignments: [String] = []

    func validate() throws {
        for assignment in assignments where assignment.firstIndex(of: "=").map({ $0 == assignment.startIndex }) ?? true {
            throw ValidationError("--set expects NAME=VALUE, not '\(assignment)'")
        }
    }

    func run() throws {
        var overrides: [String: String] = [:]
        for assignment in assignments {
            let separator = assignment.firstIndex(of: "=")!
            overrides[String(assignment[..<separator])] = String(assignment[assignment.index(after: separator)...])
        }
        let settings: WandbSettings
        do {
            settings = try WandbSettings(overrides: overrides)
        } catch {
            report(error.warnings)
            for problem in error.problems { printError("error: \(problem)") }
            throw ExitCode.failure
        }
        report(settings.resolution.warnings)
        let report = SettingsReport(settings.resolution)
        print(json ? report.json : report.text)
    }

    private func report(_ warnings: [SettingsWarning]) {
        for warning in warnings { printError("warning: \(warning)") }
    }

    private func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
