import EnvrefCore

/// The validated contents of a `variables.yaml`: the single source of truth for docs and code.
public struct Registry: Hashable, Sendable {
    /// The languages descriptions are written in; the first is the source language.
    public var languages: [LanguageCode]
    /// The prefix shared by the family of variables (`WANDB_`), if any.
    public var prefix: String?
    /// Options for generated Swift code.
    public var swift: SwiftOptions
    /// When the registry was last revised, as its editors wrote it; pages show it.
    public var updated: RegistryDate?
    /// Every variable, in the order the file lists them.
    public var variables: [Variable]
    /// The path the registry was loaded from, as diagnostics show it.
    public var path: String

    /// Creates a registry from validated parts.
    public init(languages: [LanguageCode], prefix: String? = nil, swift: SwiftOptions = SwiftOptions(),
                updated: RegistryDate? = nil, variables: [Variable], path: String) {
        self.languages = languages
        self.prefix = prefix
        self.swift = swift
        self.updated = updated
        self.variables = variables
        self.path = path
    }

    /// The language every translation is made from.
    public var sourceLanguage: LanguageCode { languages[0] }

    /// The languages translated from the source language.
    public var targetLanguages: [LanguageCode] { Array(languages.dropFirst()) }

    /// The variable with this exact name.
    public func variable(named name: String) -> Variable? {
        variables.first { $0.name == name }
    }

    /// The name with the registry's prefix removed, when it has it.
    public func nameWithoutPrefix(_ name: String) -> String {
        guard let prefix, name.hasPrefix(prefix), name.count > prefix.count else { return name }
        return String(name.dropFirst(prefix.count))
    }

    /// The deprecated entries that name `variable` as their replacement: old names that still work.
    public func deprecatedNames(for variable: Variable) -> [Variable] {
        variables.filter { $0.deprecation?.replacement == variable.name }
    }
}

/// Options that shape the generated Swift code.
public struct SwiftOptions: Hashable, Sendable {
    /// The name of the generated settings type; derived from the prefix when absent.
    public var typeName: String?

    /// Creates options.
    public init(typeName: String? = nil) {
        self.typeName = typeName
    }
}
