import Configuration
import Foundation

/// Resolves a settings schema through swift-configuration, in W&B's precedence order:
/// overrides, environment, project settings file, user settings file, registry defaults.
///
/// Every layer is a `ConfigProvider` and one `ConfigReader` reads them all; secrets are read with
/// `isSecret: true` and marked secret in every provider, so access logs redact them too. A value that is
/// empty or only white space counts as unset, so it falls through to the layers below.
public struct SettingsResolver: Sendable {
    /// The settings being resolved.
    public var schema: SettingsSchema

    /// Creates a resolver for a schema, usually a generated type's `schema`.
    public init(schema: SettingsSchema) {
        self.schema = schema
    }

    /// One provider and where its values come from.
    private struct Layer {
        var source: SettingSource
        var provider: any ConfigProvider
        var filePath: String?
    }

    /// Resolves every setting at once; throws one error listing every invalid value.
    public func resolve(overrides: [String: String] = [:], inputs: SettingsInputs = SettingsInputs()) throws(SettingsError) -> SettingsResolution {
        var problems: [SettingsProblem] = []
        var warnings: [SettingsWarning] = []
        let knownNames = Set(schema.definitions.flatMap { [$0.name] + $0.deprecatedNames })
        for name in overrides.keys.sorted() where !knownNames.contains(name) {
            problems.append(SettingsProblem(name: name, shownValue: nil, source: .override, message: "not a setting of \(schema.typeName)"))
        }

        let secretNames = Set(schema.definitions.filter(\.isSecret).flatMap { [$0.name] + $0.deprecatedNames })
        func userSupplied(_ values: [String: String]) -> [String: String] {
            values.filter { knownNames.contains($0.key) && !$0.value.trimmingWhitespace().isEmpty }
        }
        let overrideLayer = Layer(source: .override, provider: InMemoryProvider(
            name: SettingSource.override.rawValue,
            values: Dictionary(uniqueKeysWithValues: userSupplied(overrides).map { name, text in
                (AbsoluteConfigKey([name]), ConfigValue(.string(text), isSecret: secretNames.contains(name)))
            })))
        let environmentLayer = Layer(source: .environment, provider: EnvironmentVariablesProvider(
            environmentVariables: userSupplied(inputs.environment), secretsSpecifier: .specific(secretNames)))
        let defaultLayer = Layer(source: .default, provider: InMemoryProvider(
            name: SettingSource.default.rawValue,
            values: Dictionary(uniqueKeysWithValues: schema.definitions.compactMap { definition in
                definition.defaultText.map { (AbsoluteConfigKey([definition.name]), ConfigValue(.string($0), isSecret: definition.isSecret)) }
            })))

        var layers = [overrideLayer, environmentLayer]
        let parser = SettingParser(homeDirectory: inputs.homeDirectory)
        if let files = schema.files {
            let projectPath = Self.path(files.projectFile, under: inputs.workingDirectory)
            let userDirectory = userDirectory(files, layers: [overrideLayer, environmentLayer, defaultLayer], parser: parser)
            let userPath = Self.path(files.userFileName, under: Self.path(userDirectory, under: inputs.workingDirectory))
            for (source, path) in [(SettingSource.projectSettings, projectPath), (.userSettings, userPath)] {
                if let provider = settingsFile(at: path, files: files, secretNames: secretNames, warnings: &warnings) {
                    layers.append(Layer(source: source, provider: provider, filePath: path))
                }
            }
        }
        layers.append(defaultLayer)

        let recorder = SourceRecorder()
        let reporter: any AccessReporter = inputs.accessReporter.map { BroadcastingAccessReporter(upstreams: [recorder, $0]) } ?? recorder
        let reader = ConfigReader(providers: layers.map(\.provider), accessReporter: reporter)

        var settings: [ResolvedSetting] = []
        for definition in schema.definitions {
            var found: [(name: String, text: String, layer: Int)] = []
            for name in [definition.name] + definition.deprecatedNames {
                let text = reader.string(forKey: ConfigKey([name]), isSecret: definition.isSecret)
                if let text, let layer = recorder.takeLayer() { found.append((name, text, layer)) }
            }
            // The highest layer wins; within a layer the current name beats deprecated ones.
            guard let chosen = found.min(by: { $0.layer < $1.layer }) else {
                settings.append(ResolvedSetting(definition: definition, value: nil, source: .default, readName: definition.name))
                continue
            }
            let layer = layers[chosen.layer]
            for old in found where old.name != definition.name {
                let ignored = old.name == chosen.name ? "" : "; ignored because \(chosen.name) is set (\(layer.source))"
                warnings.append(SettingsWarning(.deprecatedName, name: old.name,
                    message: "\(old.name) (\(layers[old.layer].source)) is deprecated; use \(definition.name) instead\(ignored)"))
            }
            if definition.isDeprecated, layer.source != .default {
                warnings.append(SettingsWarning(.deprecatedName, name: definition.name,
                    message: "\(definition.name) (\(layer.source)) is deprecated"))
            }
            let shownValue = definition.isSecret ? Redaction.marker : "'\(chosen.text)'"
            switch parser.parse(chosen.text, for: definition) {
            case .success(let parsed):
                if let old = parsed.replacedDeprecatedValue {
                    let replacement = parsed.value.text()
                    let shownReplacement = definition.isSecret ? Redaction.marker : "'\(replacement)'"
                    warnings.append(SettingsWarning(.deprecatedValue, name: chosen.name,
                        message: "\(chosen.name)=\(definition.isSecret ? Redaction.marker : "'\(old)'") (\(layer.source)) is deprecated; use \(shownReplacement) instead"))
                }
                settings.append(ResolvedSetting(definition: definition, value: parsed.value, source: layer.source,
                                                readName: chosen.name, filePath: layer.filePath))
            case .failure(let expectation):
                problems.append(SettingsProblem(name: chosen.name, shownValue: shownValue, source: layer.source, message: expectation.message))
            }
        }
        guard problems.isEmpty else { throw SettingsError(typeName: schema.typeName, problems: problems, warnings: warnings) }
        return SettingsResolution(schema: schema, settings: settings, warnings: warnings)
    }

    /// The user settings folder: the folder variable from overrides, environment or default, else the fallback.
    private func userDirectory(_ files: SettingsFiles, layers: [Layer], parser: SettingParser) -> String {
        let configured = files.userDirectoryVariable.flatMap { name in
            ConfigReader(providers: layers.map(\.provider)).string(forKey: ConfigKey([name]))
        }
        return parser.expandingTilde(in: configured ?? files.userDirectoryFallback)
    }

    private func settingsFile(at path: String, files: SettingsFiles, secretNames: Set<String>,
                              warnings: inout [SettingsWarning]) -> SettingsFileProvider? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        func skip(_ reason: String) -> SettingsFileProvider? {
            warnings.append(SettingsWarning(.settingsFile, name: nil, message: "\(path): \(reason); the file is ignored"))
            return nil
        }
        if isDirectory.boolValue { return skip("is a folder, not a settings file") }
        guard let data = FileManager.default.contents(atPath: path) else { return skip("cannot be read") }
        guard let text = String(data: data, encoding: .utf8) else { return skip("is not UTF-8 text") }
        let document = INIDocument(parsing: text)
        for problem in document.problems {
            warnings.append(SettingsWarning(.settingsFile, name: nil, message: "\(path):\(problem.line): \(problem.message); the line is ignored"))
        }
        let secretKeys = Set(secretNames.map { SettingsFileProvider.iniKey(for: $0, droppingPrefix: files.keyPrefix) })
        let values = document.values(in: files.section).filter { !$0.value.trimmingWhitespace().isEmpty }
        return SettingsFileProvider(values: values, keyPrefix: files.keyPrefix, name: path, secretsSpecifier: .specific(secretKeys))
    }

    private static func path(_ path: String, under directory: String) -> String {
        if path.hasPrefix("/") { return path }
        return directory.hasSuffix("/") ? directory + path : directory + "/" + path
    }
}
