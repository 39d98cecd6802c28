import EnvrefCore

/// One environment variable and everything the docs and the code need to know about it.
public struct Variable: Hashable, Sendable {
    /// The name, `[A-Z][A-Z0-9_]*`.
    public var name: String
    /// How its value is parsed.
    public var type: VariableType
    /// The allowed values, for enums, in the file's order.
    public var values: [String]
    /// Old enum values that are still accepted, each with the value that replaces it.
    public var deprecatedValues: [DeprecatedValue]
    /// The value used when nothing sets it.
    public var defaultValue: Value?
    /// Whether the value must never be shown.
    public var isSecret: Bool
    /// A sample value for the docs.
    public var example: String?
    /// Related variables, by name.
    public var seeAlso: [String]
    /// Limits on the value beyond its type.
    public var constraints: Constraints
    /// What separates list items.
    public var separator: String
    /// Overrides the generated Swift property name.
    public var swiftName: String?
    /// Set when this name should no longer be used.
    public var deprecation: Deprecation?
    /// The description in each language, in the registry's language order.
    public var descriptions: [LanguageCode: LocalizedText]
    /// Where the variable's name appears in the registry.
    public var location: SourceLocation

    /// Creates a variable.
    public init(
        name: String, type: VariableType, values: [String] = [], deprecatedValues: [DeprecatedValue] = [],
        defaultValue: Value? = nil, isSecret: Bool = false, example: String? = nil, seeAlso: [String] = [],
        constraints: Constraints = Constraints(), separator: String = ",", swiftName: String? = nil,
        deprecation: Deprecation? = nil, descriptions: [LanguageCode: LocalizedText],
        location: SourceLocation
    ) {
        self.name = name
        self.type = type
        self.values = values
        self.deprecatedValues = deprecatedValues
        self.defaultValue = defaultValue
        self.isSecret = isSecret
        self.example = example
        self.seeAlso = seeAlso
        self.constraints = constraints
        self.separator = separator
        self.swiftName = swiftName
        self.deprecation = deprecation
        self.descriptions = descriptions
        self.location = location
    }

    /// Whether the variable is a deprecated name.
    public var isDeprecated: Bool { deprecation != nil }
}

/// An old enum value that still works.
public struct DeprecatedValue: Hashable, Sendable {
    /// The old value.
    public var value: String
    /// The value to use instead; always one of the variable's `values`.
    public var replacement: String

    /// Creates a deprecated value.
    public init(value: String, replacement: String) {
        self.value = value
        self.replacement = replacement
    }
}

/// Why and how a variable is deprecated.
public struct Deprecation: Hashable, Sendable {
    /// The variable that replaces this one; when set, this name reads through to it.
    public var replacement: String?

    /// Creates a deprecation.
    public init(replacement: String? = nil) {
        self.replacement = replacement
    }
}

/// Limits on a value beyond its type.
public struct Constraints: Hashable, Sendable {
    /// Fewest characters, for string, path and URL values.
    public var minLength: Int?
    /// Most characters, for string, path and URL values.
    public var maxLength: Int?
    /// An ICU regular expression (as `NSRegularExpression` reads it) the whole value must match, for strings.
    public var pattern: String?
    /// Smallest allowed int.
    public var minimum: Int?
    /// Largest allowed int.
    public var maximum: Int?

    /// Creates constraints.
    public init(minLength: Int? = nil, maxLength: Int? = nil, pattern: String? = nil, minimum: Int? = nil,
                maximum: Int? = nil) {
        self.minLength = minLength
        self.maxLength = maxLength
        self.pattern = pattern
        self.minimum = minimum
        self.maximum = maximum
    }

    /// Whether no constraint is set.
    public var isEmpty: Bool {
        minLength == nil && maxLength == nil && pattern == nil && minimum == nil && maximum == nil
    }
}

/// A description in one language.
public struct LocalizedText: Hashable, Sendable {
    /// Markdown text.
    public var text: String
    /// Set when a translator has knowingly left the text in the source language.
    public var isMarkedUntranslated: Bool
    /// Where the text starts in the registry.
    public var location: SourceLocation

    /// Creates a text.
    public init(text: String, isMarkedUntranslated: Bool = false, location: SourceLocation) {
        self.text = text
        self.isMarkedUntranslated = isMarkedUntranslated
        self.location = location
    }
}
