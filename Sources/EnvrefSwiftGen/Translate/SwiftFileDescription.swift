/// The Swift file generated for a registry, decided but not yet spelled out: the boundary between the
/// translate and render stages.
public struct SwiftFileDescription: Hashable, Sendable {
    /// Comment lines at the top of the file, without `//`; a line break inside one starts another comment line.
    public var banner: [String]
    /// Modules to import, sorted.
    public var imports: [String]
    /// The settings type.
    public var settingsType: SettingsTypeDescription
}

/// The access level of the generated declarations.
public enum AccessLevel: String, Hashable, Sendable, CaseIterable {
    /// Visible to clients of the module.
    case `public`
    /// Visible to the package.
    case package
    /// Visible inside the module only.
    case `internal`

    /// The keyword and a space, or nothing for `internal`.
    var prefix: String { self == .internal ? "" : "\(rawValue) " }
}

/// The generated settings struct.
public struct SettingsTypeDescription: Hashable, Sendable {
    /// The struct's name.
    public var name: String
    /// The access level of every generated declaration.
    public var access: AccessLevel
    /// The struct's doc comment lines.
    public var documentation: [String]
    /// One stored property per current variable, in registry order.
    public var properties: [SettingPropertyDescription]
    /// One deprecated computed property per old name that reads through to a current one.
    public var aliases: [AliasPropertyDescription]
    /// One enum per enum variable.
    public var enums: [EnumDescription]
    /// The settings files, or `nil` when the registry has no prefix to name them after.
    public var files: SettingsFilesDescription?
}

/// A name for a Swift declaration.
public struct SwiftName: Hashable, Sendable, CustomStringConvertible {
    /// The identifier without backticks.
    public var identifier: String

    /// Creates a name.
    public init(_ identifier: String) {
        self.identifier = identifier
    }

    /// Whether the identifier is a keyword that needs backticks where it is declared.
    public var needsBackticks: Bool { SwiftNaming.needsBackticks(identifier) }

    /// The identifier as declared, with backticks when needed.
    public var declared: String { needsBackticks ? "`\(identifier)`" : identifier }

    /// The identifier.
    public var description: String { identifier }
}

/// The Swift type of a property.
public enum SwiftTypeReference: Hashable, Sendable {
    /// `String`.
    case string
    /// `Bool`.
    case bool
    /// `Int`.
    case int
    /// `URL`.
    case url
    /// `[String]`.
    case stringArray
    /// A generated enum nested in the settings type.
    case enumeration(SwiftName)
}

/// How a property gets its value from the resolution.
public enum PropertyStorage: Hashable, Sendable {
    /// Has a registry default, so it is never `nil`.
    case required
    /// May be unset, so it is optional.
    case optional
    /// A list; unset reads as empty.
    case list
}

/// A stored property for one current variable.
public struct SettingPropertyDescription: Hashable, Sendable {
    /// The variable name.
    public var variableName: String
    /// The property name.
    public var name: SwiftName
    /// The value type, before optionality.
    public var type: SwiftTypeReference
    /// How the value is read.
    public var storage: PropertyStorage
    /// The doc comment lines.
    public var documentation: [String]
    /// Set when the variable is deprecated without a replacement: the property is deprecated and its value
    /// is kept in a private stored property with this name.
    public var deprecatedStorageName: SwiftName?
    /// What the runtime needs to read it.
    public var definition: DefinitionDescription
}

/// A deprecated name that reads through to a current property.
public struct AliasPropertyDescription: Hashable, Sendable {
    /// The deprecated variable name.
    public var variableName: String
    /// The deprecated property's name.
    public var name: SwiftName
    /// The replacement variable's name.
    public var replacementVariableName: String
    /// The replacement property.
    public var replacement: SwiftName
    /// The property's type, the same as the replacement's.
    public var type: SwiftTypeReference
    /// The replacement's storage, which decides optionality.
    public var storage: PropertyStorage
    /// The doc comment lines.
    public var documentation: [String]
}

/// A generated enum of allowed values.
public struct EnumDescription: Hashable, Sendable {
    /// The enum's name.
    public var name: SwiftName
    /// The variable it belongs to.
    public var variableName: String
    /// One case per allowed value, in registry order.
    public var cases: [EnumCaseDescription]
}

/// One enum case.
public struct EnumCaseDescription: Hashable, Sendable {
    /// The case name.
    public var name: SwiftName
    /// The value as written in the environment.
    public var rawValue: String
}

/// The runtime definition of one setting, spelled as `SettingDefinition(...)`.
public struct DefinitionDescription: Hashable, Sendable {
    /// How the runtime parses the value.
    public enum Kind: Hashable, Sendable {
        /// Free text.
        case string
        /// A boolean.
        case bool
        /// A whole number.
        case int
        /// A path.
        case path
        /// A URL.
        case url
        /// One of `values`; each deprecated value maps to its replacement.
        case enumeration(values: [String], deprecatedValues: [ValueReplacement])
        /// A list split on `separator`.
        case list(separator: String)
    }

    /// An old enum value and the value that replaces it.
    public struct ValueReplacement: Hashable, Sendable {
        /// The old value.
        public var old: String
        /// The value to use instead.
        public var new: String
    }

    /// The variable name.
    public var name: String
    /// The property name, without backticks.
    public var propertyName: String
    /// The kind.
    public var kind: Kind
    /// The default as environment text.
    public var defaultText: String?
    /// Whether the value is secret.
    public var isSecret: Bool
    /// Whether the name is deprecated without a replacement.
    public var isDeprecated: Bool
    /// Old names that read through to this one.
    public var deprecatedNames: [String]
    /// Limits, as `(label, literal)` pairs in declaration order, such as `("maxLength", "64")`.
    public var constraints: [ConstraintDescription]
}

/// One constraint argument.
public struct ConstraintDescription: Hashable, Sendable {
    /// The argument label, such as `maxLength`.
    public var label: String
    /// The value: a number, or text rendered as a string literal.
    public var value: Value

    /// A constraint's value.
    public enum Value: Hashable, Sendable {
        /// A whole number.
        case int(Int)
        /// Text, such as a pattern.
        case text(String)
    }
}

/// Where the runtime finds the settings files.
public struct SettingsFilesDescription: Hashable, Sendable {
    /// The project file, relative to the working directory.
    public var projectFile: String
    /// The variable naming the user settings folder, when the registry has one.
    public var userDirectoryVariable: String?
    /// The user settings folder when the variable is unset.
    public var userDirectoryFallback: String
    /// The prefix dropped to make INI keys.
    public var keyPrefix: String

    /// Creates a description.
    public init(projectFile: String, userDirectoryVariable: String?, userDirectoryFallback: String, keyPrefix: String) {
        self.projectFile = projectFile
        self.userDirectoryVariable = userDirectoryVariable
        self.userDirectoryFallback = userDirectoryFallback
        self.keyPrefix = keyPrefix
    }
}
