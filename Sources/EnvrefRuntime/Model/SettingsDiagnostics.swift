import Foundation

/// The text shown instead of a secret value, everywhere.
public enum Redaction {
    /// What a secret value looks like in descriptions, reports and messages.
    public static let marker = "<REDACTED>"
}

/// One invalid setting: which name, what value (redacted when secret), from where, and what was expected.
///
/// The raw value is never stored, so a problem cannot leak a secret however it is printed.
public struct SettingsProblem: Sendable, Hashable, CustomStringConvertible {
    /// The name as the user set it, which may be a deprecated name.
    public var name: String
    /// The value quoted (`'bogus'`), the redaction marker for secrets, or `nil` when the value is not relevant.
    public var shownValue: String?
    /// Where the value came from.
    public var source: SettingSource
    /// What is wrong, such as `expected one of online, offline, disabled`.
    public var message: String

    /// Creates a problem; `shownValue` must already be quoted or redacted.
    public init(name: String, shownValue: String?, source: SettingSource, message: String) {
        self.name = name
        self.shownValue = shownValue
        self.source = source
        self.message = message
    }

    /// `WANDB_MODE='bogus' (environment): expected one of online, offline, disabled`.
    public var description: String {
        "\(name)\(shownValue.map { "=\($0)" } ?? "") (\(source)): \(message)"
    }
}

/// Something worth telling the user that does not stop settings from resolving.
public struct SettingsWarning: Sendable, Hashable, CustomStringConvertible {
    /// What kind of warning this is.
    public enum Kind: Sendable, Hashable {
        /// A deprecated variable name is set.
        case deprecatedName
        /// A deprecated enum value is set and was read as its replacement.
        case deprecatedValue
        /// A settings file has a line that cannot be read, or cannot be read at all.
        case settingsFile
    }

    /// What kind of warning this is.
    public var kind: Kind
    /// The variable concerned, when there is one.
    public var name: String?
    /// The whole message, naming the replacement where there is one.
    public var message: String

    /// Creates a warning.
    public init(_ kind: Kind, name: String?, message: String) {
        self.kind = kind
        self.name = name
        self.message = message
    }

    /// The message.
    public var description: String { message }
}

/// Thrown when settings do not resolve; lists every invalid value at once, never a secret.
public struct SettingsError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    /// The settings type that failed to resolve.
    public var typeName: String
    /// Every invalid value, in registry order.
    public var problems: [SettingsProblem]
    /// Warnings raised before the failure, such as deprecated names in use.
    public var warnings: [SettingsWarning]

    /// Creates an error.
    public init(typeName: String, problems: [SettingsProblem], warnings: [SettingsWarning] = []) {
        self.typeName = typeName
        self.problems = problems
        self.warnings = warnings
    }

    /// A header line, then one problem per line.
    public var description: String {
        let count = problems.count == 1 ? "1 invalid setting" : "\(problems.count) invalid settings"
        return (["\(typeName): \(count)"] + problems.map { "  \($0)" }).joined(separator: "\n")
    }

    /// The same text as `description`, for APIs that show `localizedDescription`.
    public var errorDescription: String? { description }
}
