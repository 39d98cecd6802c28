/// How a setting's text is turned into a typed value.
public enum SettingKind: Sendable, Hashable {
    /// Free text.
    case string
    /// `true`/`false`, `1`/`0` or `yes`/`no`, in any case.
    case bool
    /// A whole number.
    case int
    /// A file system path; a leading `~` expands to the home folder.
    case path
    /// An absolute URL with a scheme and a host.
    case url
    /// One of a fixed set of values; `deprecatedValues` maps old values to the value that replaces them.
    case enumeration(values: [String], deprecatedValues: [String: String] = [:])
    /// Items split on `separator`, trimmed, empty items dropped.
    case list(separator: String = ",")

    /// The type's name as the registry writes it.
    public var name: String {
        switch self {
        case .string: "string"
        case .bool: "bool"
        case .int: "int"
        case .path: "path"
        case .url: "url"
        case .enumeration: "enum"
        case .list: "list"
        }
    }
}

/// Limits on a value beyond its kind, checked when settings resolve.
public struct SettingConstraints: Sendable, Hashable {
    /// Fewest characters, for string, path and URL values.
    public var minLength: Int?
    /// Most characters, for string, path and URL values.
    public var maxLength: Int?
    /// An ICU regular expression (as `NSRegularExpression` reads it) the whole value must match, for strings.
    public var pattern: String?
    /// Smallest allowed whole number.
    public var minimum: Int?
    /// Largest allowed whole number.
    public var maximum: Int?

    /// Creates constraints; every limit is optional.
    public init(minLength: Int? = nil, maxLength: Int? = nil, pattern: String? = nil, minimum: Int? = nil, maximum: Int? = nil) {
        self.minLength = minLength
        self.maxLength = maxLength
        self.pattern = pattern
        self.minimum = minimum
        self.maximum = maximum
    }
}

/// One setting as the registry defines it: the variable name, its kind, default and limits.
///
/// The fields live in one shared, copy-on-write object, so every resolved setting that carries its definition
/// costs one reference count instead of one per field.
public struct SettingDefinition: Sendable, Hashable {
    /// Every field, stated once: equality and hashing come from it.
    private struct Fields: Sendable, Hashable {
        var name: String
        var propertyName: String
        var kind: SettingKind
        var defaultText: String?
        var isSecret: Bool
        var isDeprecated: Bool
        var deprecatedNames: [String]
        var constraints: SettingConstraints
    }

    /// The fields' shared home; never mutated while shared, which is what makes the unchecked `Sendable` sound.
    private final class Storage: @unchecked Sendable {
        var fields: Fields

        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage: Storage

    private mutating func update(_ change: (inout Fields) -> Void) {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
        change(&storage.fields)
    }

    /// The environment variable name, such as `WANDB_MODE`.
    public var name: String {
        get { storage.fields.name }
        set { update { $0.name = newValue } }
    }
    /// The Swift property that holds the value, used when describing a settings value.
    public var propertyName: String {
        get { storage.fields.propertyName }
        set { update { $0.propertyName = newValue } }
    }
    /// How the text is parsed.
    public var kind: SettingKind {
        get { storage.fields.kind }
        set { update { $0.kind = newValue } }
    }
    /// The registry default, written as it would be in the environment.
    public var defaultText: String? {
        get { storage.fields.defaultText }
        set { update { $0.defaultText = newValue } }
    }
    /// Whether the value is redacted in every output.
    public var isSecret: Bool {
        get { storage.fields.isSecret }
        set { update { $0.isSecret = newValue } }
    }
    /// Whether the name itself is deprecated and has no replacement.
    public var isDeprecated: Bool {
        get { storage.fields.isDeprecated }
        set { update { $0.isDeprecated = newValue } }
    }
    /// Old names that still read through to this setting, most preferred first.
    public var deprecatedNames: [String] {
        get { storage.fields.deprecatedNames }
        set { update { $0.deprecatedNames = newValue } }
    }
    /// Limits beyond the kind.
    public var constraints: SettingConstraints {
        get { storage.fields.constraints }
        set { update { $0.constraints = newValue } }
    }

    /// Creates a definition; generated code lists one per registry variable.
    public init(
        _ name: String, property propertyName: String, kind: SettingKind, default defaultText: String? = nil,
        secret isSecret: Bool = false, deprecated isDeprecated: Bool = false, deprecatedNames: [String] = [],
        constraints: SettingConstraints = SettingConstraints()
    ) {
        storage = Storage(Fields(name: name, propertyName: propertyName, kind: kind, defaultText: defaultText, isSecret: isSecret,
                                 isDeprecated: isDeprecated, deprecatedNames: deprecatedNames, constraints: constraints))
    }

    /// Definitions are equal when every field is.
    public static func == (lhs: SettingDefinition, rhs: SettingDefinition) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    /// Hashes every field.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage.fields)
    }
}

/// Where the settings files live, following the W&B convention of a project file and a user file.
public struct SettingsFiles: Sendable, Hashable {
    /// The project settings file, relative to the working directory, such as `wandb/settings`.
    public var projectFile: String
    /// The variable that names the user settings folder, such as `WANDB_CONFIG_DIR`.
    public var userDirectoryVariable: String?
    /// The user settings folder when the variable is unset; `~` expands to the home folder.
    public var userDirectoryFallback: String
    /// The file name inside the user settings folder.
    public var userFileName: String
    /// The INI section that holds the settings.
    public var section: String
    /// The prefix dropped from variable names to make INI keys (`WANDB_` turns `WANDB_BASE_URL` into `base_url`).
    public var keyPrefix: String

    /// Creates a description of the settings files.
    public init(projectFile: String, userDirectoryVariable: String?, userDirectoryFallback: String,
                userFileName: String = "settings", section: String = "default", keyPrefix: String) {
        self.projectFile = projectFile
        self.userDirectoryVariable = userDirectoryVariable
        self.userDirectoryFallback = userDirectoryFallback
        self.userFileName = userFileName
        self.section = section
        self.keyPrefix = keyPrefix
    }
}

/// Everything the resolver needs to know about a generated settings type.
public struct SettingsSchema: Sendable, Hashable {
    /// The generated type's name, used in messages.
    public var typeName: String
    /// The settings files to read, or `nil` to read only overrides, the environment and defaults.
    public var files: SettingsFiles?
    /// Every setting, in registry order.
    public var definitions: [SettingDefinition]

    /// Creates a schema.
    public init(typeName: String, files: SettingsFiles?, definitions: [SettingDefinition]) {
        self.typeName = typeName
        self.files = files
        self.definitions = definitions
    }

    /// The definition a name refers to, whether the current name or a deprecated one.
    public func definition(reading name: String) -> SettingDefinition? {
        definitions.first { $0.name == name || $0.deprecatedNames.contains(name) }
    }
}
