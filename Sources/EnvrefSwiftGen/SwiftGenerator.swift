import EnvrefCore
import EnvrefRegistry

/// The generated file and what the generator noticed on the way.
public struct GeneratedSwift: Sendable {
    /// The Swift source, or `nil` when any diagnostic is an error.
    public var source: String?
    /// Every diagnostic, pointing into the registry.
    public var diagnostics: [Diagnostic]
}

/// Registry in, Swift source out: translate, then render. Pure and deterministic.
public struct SwiftGenerator: Sendable {
    /// The fixed name of the generated file, for the build plugin and `envref generate-swift`.
    public static let defaultFileName = "EnvrefGeneratedSettings.swift"

    /// The access level of the generated declarations.
    public var access: AccessLevel

    /// Creates a generator.
    public init(access: AccessLevel = .public) {
        self.access = access
    }

    /// Generates the settings type for a registry.
    public func generate(_ registry: Registry) -> GeneratedSwift {
        let translation = SettingsTranslator(access: access).translate(registry)
        return GeneratedSwift(source: translation.file.map(SwiftRenderer().render), diagnostics: translation.diagnostics)
    }
}
