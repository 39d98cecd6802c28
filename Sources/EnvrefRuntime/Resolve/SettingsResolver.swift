import Configuration
import Foundation

/// Resolves a settings schema in W&B's precedence order: overrides, environment, project settings file,
/// user settings file, registry defaults.
///
/// With an access reporter, every layer is a swift-configuration `ConfigProvider` and one `ConfigReader`
/// reads them all, so the reporter sees an `AccessEvent` for every value, secrets marked secret in every
/// provider. Without one, nobody can observe those events, so the same layers are read directly through a
/// plan built once per resolver: the same names, keys, rules and results, without a reader's per-lookup cost.
/// A value that is empty or only white space counts as unset, so it falls through to the layers below.
public struct SettingsResolver: Sendable {
    /// The settings being resolved.
    public var schema: SettingsSchema {
        didSet { plan = ResolutionPlan(schema: schema) }
    }
    private var plan: ResolutionPlan

    /// Creates a resolver for a schema, usually a generated type's `schema`; keep it to resolve again cheaply.
    public init(schema: SettingsSchema) {
        self.schema = schema
        self.plan = ResolutionPlan(schema: schema)
    }

    /// One layer as results name it: where its values come from, and the settings file's path.
    struct LayerInfo {
        var source: SettingSource
        var filePath: String?
    }

    /// A name that has a value, and the highest layer that supplies it.
    struct Candidate {
        var name: String
        var text: String
        var layer: Int
    }

    /// What resolving collects before it either returns or throws.
    struct Outcome {
        var settings: [ResolvedSetting] = []
        var problems: [SettingsProblem] = []
        var warnings: [SettingsWarning] = []
    }

    /// Resolves every setting at once; throws one error listing every invalid value.
    public func resolve(overrides: [String: String] = [:], inputs: SettingsInputs = SettingsInputs()) throws(SettingsError) -> SettingsResolution {
        var outcome = Outcome()
        outcome.settings.reserveCapacity(plan.entries.count)
        if !overrides.isEmpty {
            for name in overrides.keys.sorted() where !plan.knownNames.contains(name) {
                outcome.problems.append(SettingsProblem(name: name, shownValue: nil, source: .override, message: "not a setting of \(schema.typeName)"))
            }
        }
        let parser = SettingParser(homeDirectory: inputs.homeDirectory)
        if let reporter = inputs.accessReporter {
            resolveThroughReader(overrides: overrides, inputs: inputs, reporter: reporter, parser: parser, into: &outcome)
        } else {
            resolveDirectly(overrides: overrides, inputs: inputs, parser: parser, into: &outcome)
        }
        guard outcome.problems.isEmpty else {
            throw SettingsError(typeName: schema.typeName, problems: outcome.problems, warnings: outcome.warnings)
        }
        return SettingsResolution(schema: schema, settings: outcome.settings, warnings: outcome.warnings, indexByName: plan.indexByName)
    }

    // MARK: - Through swift-configuration

    /// One provider and where its values come from.
    private struct Layer {
        var info: LayerInfo
        var provider: any ConfigProvider
    }

    private func resolveThroughReader(overrides: [String: String], inputs: SettingsInputs, reporter: any AccessReporter,
                                      parser: SettingParser, into outcome: inout Outcome) {
        let knownNames = plan.knownNames
        let secretNames = plan.secretNames
        func userSupplied(_ values: [String: String]) -> [String: String] {
            values.filter { knownNames.contains($0.key) && !$0.value.isBlank }
        }
        let overrideLayer = Layer(info: LayerInfo(source: .override), provider: InMemoryProvider(
            name: SettingSource.override.rawValue,
            values: Dictionary(uniqueKeysWithValues: userSupplied(overrides).map { name, text in
                (AbsoluteConfigKey([name]), ConfigValue(.string(text), isSecret: secretNames.contains(name)))
            })))
        let environmentLayer = Layer(info: LayerInfo(source: .environment), provider: EnvironmentVariablesProvider(
            environmentVariables: userSupplied(inputs.environment), secretsSpecifier: .specific(secretNames)))
        let defaultLayer = Layer(info: LayerInfo(source: .default), provider: InMemoryProvider(
            name: SettingSource.default.rawValue,
            values: Dictionary(uniqueKeysWithValues: schema.definitions.compactMap { definition in
                definition.defaultText.map { (AbsoluteConfigKey([definition.name]), ConfigValue(.string($0), isSecret: definition.isSecret)) }
            })))

        var layers = [overrideLayer, environmentLayer]
        if let files = schema.files {
            let configured = files.userDirectoryVariable.flatMap { name in
                ConfigReader(providers: [overrideLayer, environmentLayer, defaultLayer].map(\.provider)).string(forKey: ConfigKey([name]))
            }
            for file in settingsFileLayers(files, inputs: inputs, parser: parser, userDirectory: configured, warnings: &outcome.warnings) {
                let provider = SettingsFileProvider(values: file.values, keyPrefix: files.keyPrefix, name: file.path,
                                                    secretsSpecifier: .specific(plan.secretINIKeys))
                layers.append(Layer(info: LayerInfo(source: file.source, filePath: file.path), provider: provider))
            }
        }
        layers.append(defaultLayer)

        let recorder = SourceRecorder()
        let reader = ConfigReader(providers: layers.map(\.provider), accessReporter: BroadcastingAccessReporter(upstreams: [recorder, reporter]))
        let infos = layers.map(\.info)
        for entry in plan.entries {
            /// The name's value through the reader, with the layer the recorder saw it come from.
            func lookup(_ name: ResolutionPlan.Entry.Name) -> Candidate? {
                let text = reader.string(forKey: ConfigKey([name.name]), isSecret: entry.definition.isSecret)
                guard let text, let layer = recorder.takeLayer() else { return nil }
                return Candidate(name: name.name, text: text, layer: layer)
            }
            // The current name is read first, as the reporter expects, then the deprecated ones in order.
            let current = lookup(entry.currentName)
            let deprecated = entry.deprecatedNames.compactMap(lookup)
            if let setting = settle(entry, current: current, deprecated: deprecated, layers: infos, parser: parser, into: &outcome) {
                outcome.settings.append(setting)
            }
        }
    }

    // MARK: - Direct

    /// A name's value in the environment: the dictionary given, or the process environment read once per resolve.
    private func environmentValue(_ name: ResolutionPlan.Entry.Name, given: [String: String]?, process: [String?]) -> String? {
        guard let slot = name.environmentSlot else { return nil }
        let text = if let given { given[name.environmentKey] } else { process[slot] }
        guard let text, !text.isBlank else { return nil }
        return text
    }

    private func resolveDirectly(overrides: [String: String], inputs: SettingsInputs, parser: SettingParser, into outcome: inout Outcome) {
        func overrideValue(_ name: String) -> String? {
            guard !overrides.isEmpty, let text = overrides[name], !text.isBlank else { return nil }
            return text
        }
        // Taken out of `inputs` once: the lookups below then never copy the inputs' other fields.
        let given = inputs.givenEnvironment
        let process = given == nil ? plan.environmentTable.read() : []
        // Layer indices follow the provider path's order, so results and messages are the same.
        // Room for both settings files and the defaults, so the array is made once.
        var layers: [LayerInfo] = []
        layers.reserveCapacity(5)
        layers.append(LayerInfo(source: .override))
        layers.append(LayerInfo(source: .environment))
        var files: [[String: String]] = []
        if let settingsFiles = schema.files {
            // The folder variable is read like the provider path's reader over overrides, environment and defaults.
            let configured = plan.userDirectoryName.flatMap { name -> String? in
                if plan.userDirectoryIsKnown, let text = overrideValue(name.name) { return text }
                return environmentValue(name, given: given, process: process) ?? name.defaultText
            }
            for file in settingsFileLayers(settingsFiles, inputs: inputs, parser: parser, userDirectory: configured, warnings: &outcome.warnings) {
                layers.append(LayerInfo(source: file.source, filePath: file.path))
                files.append(file.values)
            }
        }
        let defaultLayer = layers.count
        layers.append(LayerInfo(source: .default))

        /// The highest layer that has a value for the name.
        func lookup(_ name: ResolutionPlan.Entry.Name) -> Candidate? {
            if let text = overrideValue(name.name) { return Candidate(name: name.name, text: text, layer: 0) }
            if let text = environmentValue(name, given: given, process: process) { return Candidate(name: name.name, text: text, layer: 1) }
            for (offset, values) in files.enumerated() {
                if let text = values[name.iniKey] { return Candidate(name: name.name, text: text, layer: 2 + offset) }
            }
            if let text = name.defaultText { return Candidate(name: name.name, text: text, layer: defaultLayer) }
            return nil
        }

        for entry in plan.entries {
            var deprecated: [Candidate] = []
            for name in entry.deprecatedNames {
                if let candidate = lookup(name) { deprecated.append(candidate) }
            }
            if let setting = settle(entry, current: lookup(entry.currentName), deprecated: deprecated, layers: layers, parser: parser,
                                    into: &outcome) {
                outcome.settings.append(setting)
            }
        }
    }

    // MARK: - Shared

    /// Chooses among the names that have a value, then parses and validates the winner: the resolved setting,
    /// or `nil` with a problem recorded in `outcome`.
    ///
    /// The caller appends the setting: returned, it moves into the array; appended here, it was copied.
    private func settle(_ entry: ResolutionPlan.Entry, current: consuming Candidate?, deprecated: [Candidate], layers: [LayerInfo],
                        parser: SettingParser, into outcome: inout Outcome) -> ResolvedSetting? {
        let definition = entry.definition
        // The highest layer wins; within a layer the current name beats deprecated ones, and earlier
        // deprecated names beat later ones.
        var chosen = current
        for candidate in deprecated where candidate.layer < chosen?.layer ?? .max { chosen = candidate }
        guard let chosen else {
            return ResolvedSetting(definition: definition, value: nil, source: .default, readName: definition.name)
        }
        let source = layers[chosen.layer].source
        for old in deprecated {
            let ignored = old.name == chosen.name ? "" : "; ignored because \(chosen.name) is set (\(source))"
            outcome.warnings.append(SettingsWarning(.deprecatedName, name: old.name,
                message: "\(old.name) (\(layers[old.layer].source)) is deprecated; use \(definition.name) instead\(ignored)"))
        }
        if definition.isDeprecated, source != .default {
            outcome.warnings.append(SettingsWarning(.deprecatedName, name: definition.name,
                message: "\(definition.name) (\(source)) is deprecated"))
        }
        let parsed = (source == .default && chosen.name == definition.name ? entry.parsedDefault : nil)
            ?? parser.parse(chosen.text, for: definition, pattern: entry.pattern)
        switch consume parsed {
        case .success(let parsed):
            if let old = parsed.replacedDeprecatedValue {
                let replacement = parsed.value.text()
                let shownReplacement = definition.isSecret ? Redaction.marker : "'\(replacement)'"
                outcome.warnings.append(SettingsWarning(.deprecatedValue, name: chosen.name,
                    message: "\(chosen.name)=\(definition.isSecret ? Redaction.marker : "'\(old)'") (\(source)) is deprecated; use \(shownReplacement) instead"))
            }
            return ResolvedSetting(definition: definition, value: parsed.value, source: source,
                                   readName: chosen.name, filePath: layers[chosen.layer].filePath)
        case .failure(let expectation):
            let shownValue = definition.isSecret ? Redaction.marker : "'\(chosen.text)'"
            outcome.problems.append(SettingsProblem(name: chosen.name, shownValue: shownValue, source: source, message: expectation.message))
            return nil
        }
    }

    /// The project and user settings files that exist and can be read, in that order, each with its source,
    /// its absolute path and the non-blank values of its section; the user folder is the configured one or the fallback.
    ///
    /// Without a given working directory, relative paths stay relative: the system resolves them against the
    /// current folder, which is asked for only to name a file that exists. With neither file there, as is
    /// usual, the result is empty and nothing is allocated.
    private func settingsFileLayers(_ files: SettingsFiles, inputs: SettingsInputs, parser: SettingParser, userDirectory configured: String?,
                                    warnings: inout [SettingsWarning]) -> [(source: SettingSource, path: String, values: [String: String])] {
        func underWorkingDirectory(_ path: String) -> String {
            guard let directory = inputs.givenWorkingDirectory else { return path }
            return Self.path(path, under: directory)
        }
        let userDirectory = parser.expandingTilde(in: configured ?? files.userDirectoryFallback)
        var found: [(source: SettingSource, path: String, values: [String: String])] = []
        func lookUp(_ source: SettingSource, at lookupPath: String) {
            if let (values, path) = settingsFileValues(at: lookupPath, section: files.section, warnings: &warnings) {
                found.append((source, path, values))
            }
        }
        lookUp(.projectSettings, at: underWorkingDirectory(files.projectFile))
        lookUp(.userSettings, at: Self.path(files.userFileName, under: underWorkingDirectory(userDirectory)))
        return found
    }

    /// The non-blank values of a settings file's section and the file's absolute path, or `nil` when there is
    /// no usable file.
    private func settingsFileValues(at lookupPath: String, section: String,
                                    warnings: inout [SettingsWarning]) -> (values: [String: String], path: String)? {
        // One stat answers the common case, no file, without Foundation's file manager.
        var status = stat()
        // `withCString` lends the string's own bytes; passing the String itself would copy them first.
        guard lookupPath.withCString({ stat($0, &status) }) == 0 else { return nil }
        let path = Self.path(lookupPath, under: FileManager.default.currentDirectoryPath)
        func skip(_ reason: String) -> (values: [String: String], path: String)? {
            warnings.append(SettingsWarning(.settingsFile, name: nil, message: "\(path): \(reason); the file is ignored"))
            return nil
        }
        if status.st_mode & S_IFMT == S_IFDIR { return skip("is a folder, not a settings file") }
        guard let data = FileManager.default.contents(atPath: path) else { return skip("cannot be read") }
        guard let text = String(data: data, encoding: .utf8) else { return skip("is not UTF-8 text") }
        let document = INIDocument(parsing: text)
        for problem in document.problems {
            warnings.append(SettingsWarning(.settingsFile, name: nil, message: "\(path):\(problem.line): \(problem.message); the line is ignored"))
        }
        let (values, interpolationProblems) = document.read(section)
        for problem in interpolationProblems {
            warnings.append(SettingsWarning(.settingsFile, name: nil, message: "\(path):\(problem.line): \(problem.message); the line is ignored"))
        }
        return (values.filter { !$0.value.isBlank }, path)
    }

    /// `path` made absolute under `directory`, which is only asked for when `path` is relative.
    private static func path(_ path: String, under directory: @autoclosure () -> String) -> String {
        if path.utf8.first == UInt8(ascii: "/") { return path }
        let directory = directory()
        return directory.utf8.last == UInt8(ascii: "/") ? directory + path : "\(directory)/\(path)"
    }
}

