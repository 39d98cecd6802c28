/// The layer a resolved value came from, highest precedence first.
public enum SettingSource: String, Sendable, Hashable, CaseIterable, Comparable, CustomStringConvertible {
    /// Passed to the settings initializer by the program, like `wandb.init(...)` arguments.
    case override
    /// The process environment.
    case environment
    /// The project settings file, `wandb/settings` in the working directory.
    case projectSettings = "project-settings"
    /// The user settings file, `settings` in the user settings folder.
    case userSettings = "user-settings"
    /// The registry default, also reported for settings that nothing sets and that have no default.
    case `default`

    /// The name used in reports: `override`, `environment`, `project-settings`, `user-settings` or `default`.
    public var description: String { rawValue }

    /// Orders by precedence, highest first.
    public static func < (lhs: SettingSource, rhs: SettingSource) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
