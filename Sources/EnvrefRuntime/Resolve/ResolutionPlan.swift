import Foundation

/// What a schema's resolution needs that does not change between calls: every name each setting is read
/// under, the keys those names have in each layer, compiled patterns and parsed defaults.
///
/// A resolver builds it once, so resolving pays only for the lookups and the parsing of values actually set.
final class ResolutionPlan: Sendable {
    /// One setting's precomputed lookups; a class, so walking the plan retains one object per setting.
    final class Entry: Sendable {
        /// One name the setting is read under, with its key in each layer; a class, so a lookup retains
        /// one object instead of each of its strings.
        final class Name: Sendable {
            let name: String
            /// The environment variable swift-configuration's environment provider reads for this name.
            let environmentKey: String
            /// The variable's slot in the plan's `EnvironmentTable`; `nil` when the variable does not survive the
            /// known-names filter, as in the provider path, and so is never read.
            let environmentSlot: Int?
            /// The INI key a settings file holds the name under.
            let iniKey: String
            /// The registry default stored under this name, if a setting's current name is this one.
            let defaultText: String?

            init(name: String, environmentKey: String, environmentSlot: Int?, iniKey: String, defaultText: String?) {
                self.name = name
                self.environmentKey = environmentKey
                self.environmentSlot = environmentSlot
                self.iniKey = iniKey
                self.defaultText = defaultText
            }
        }

        let definition: SettingDefinition
        /// The name the registry gives the setting.
        let currentName: Name
        /// The setting's old names, most preferred first.
        let deprecatedNames: [Name]
        /// The pattern compiled once; `nil` when there is none or it does not compile (then it is not checked).
        let pattern: CompiledPattern?
        /// The default's parse, which is the same every time unless `~` expansion depends on the home folder.
        let parsedDefault: Result<SettingParser.Parsed, Expectation>?

        init(definition: SettingDefinition, currentName: Name, deprecatedNames: [Name], parser: SettingParser) {
            self.definition = definition
            self.currentName = currentName
            self.deprecatedNames = deprecatedNames
            let pattern = definition.constraints.pattern.flatMap(CompiledPattern.init)
            self.pattern = pattern
            self.parsedDefault = definition.kind == .path ? nil
                : definition.defaultText.map { parser.parse($0, for: definition, pattern: pattern) }
        }
    }

    let entries: [Entry]
    /// Current and deprecated names.
    let knownNames: Set<String>
    /// Current and deprecated names of secret settings.
    let secretNames: Set<String>
    /// The settings-file keys of secret settings' names.
    let secretINIKeys: Set<String>
    /// Each current name's position in registry order.
    let indexByName: [String: Int]
    /// The variable that names the user settings folder, with its environment key.
    let userDirectoryName: Entry.Name?
    /// Whether that variable is one of the schema's names, which overrides must be to count.
    let userDirectoryIsKnown: Bool
    /// Every environment variable the plan reads, found in one pass over the process environment.
    let environmentTable: EnvironmentTable

    init(schema: SettingsSchema) {
        let knownNames = Set(schema.definitions.flatMap { [$0.name] + $0.deprecatedNames })
        let defaults = Dictionary(schema.definitions.compactMap { definition in definition.defaultText.map { (definition.name, $0) } },
                                  uniquingKeysWith: { first, _ in first })
        let keyPrefix = schema.files?.keyPrefix ?? ""
        self.knownNames = knownNames
        let secretNames = Set(schema.definitions.filter(\.isSecret).flatMap { [$0.name] + $0.deprecatedNames })
        self.secretNames = secretNames
        self.secretINIKeys = Set(secretNames.map { SettingsFileProvider.iniKey(for: $0, droppingPrefix: keyPrefix) })
        self.indexByName = Dictionary(schema.definitions.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        // The home folder only matters to `~` in paths, so any placeholder parses the other defaults exactly.
        let parser = SettingParser(homeDirectory: "")
        var slotByKey: [String: Int] = [:]
        var slotKeys: [String] = []
        func slot(for key: String) -> Int {
            if let slot = slotByKey[key] { return slot }
            slotKeys.append(key)
            slotByKey[key] = slotKeys.count - 1
            return slotKeys.count - 1
        }
        func name(_ name: String, iniKey: String, defaultText: String?) -> Entry.Name {
            let environmentKey = Self.environmentKey(for: name)
            return Entry.Name(name: name, environmentKey: environmentKey,
                              environmentSlot: knownNames.contains(environmentKey) ? slot(for: environmentKey) : nil,
                              iniKey: iniKey, defaultText: defaultText)
        }
        func settingName(_ variable: String) -> Entry.Name {
            name(variable, iniKey: SettingsFileProvider.iniKey(for: variable, droppingPrefix: keyPrefix), defaultText: defaults[variable])
        }
        self.entries = schema.definitions.map { definition in
            Entry(definition: definition, currentName: settingName(definition.name),
                  deprecatedNames: definition.deprecatedNames.map(settingName), parser: parser)
        }
        self.userDirectoryName = schema.files?.userDirectoryVariable.map { name($0, iniKey: "", defaultText: defaults[$0]) }
        self.userDirectoryIsKnown = userDirectoryName.map { knownNames.contains($0.name) } ?? false
        self.environmentTable = EnvironmentTable(keys: slotKeys)
    }

    /// The variable swift-configuration's `EnvironmentVariablesProvider` reads for a one-component key:
    /// a `_` between a lowercase and an uppercase letter, uppercased, other punctuation made `_`.
    static func environmentKey(for name: String) -> String {
        var characters: [Character] = []
        var previous: Character?
        for character in name {
            if let previous, previous.isLowercase, character.isUppercase { characters.append("_") }
            characters.append(character)
            previous = character
        }
        return String(characters).uppercased().map { $0.isLetter || $0.isNumber ? String($0) : "_" }.joined()
    }
}

/// A setting's pattern, compiled once and shared by every resolve: an ICU regular expression, the syntax
/// `NSRegularExpression` reads, that must match the whole value.
///
/// The registry compiles patterns the same way (`ValuePattern` in EnvrefRegistry), so `envref validate` and
/// the accessors accept the same values. ICU rather than Swift's `Regex`: one match of W&B's e-mail pattern
/// costs about 0.4 µs against 3.5 µs, which was a quarter of resolving every W&B setting.
final class CompiledPattern: Sendable {
    // Foundation declares the compiled expression safe to match from several threads at once.
    private let expression: NSRegularExpression

    /// Compiles `source`, or fails when ICU cannot read it, on its own or anchored. It is read on its own first:
    /// anchored unread, `a)|(?:b` would become "starts with a or ends with b".
    init?(_ source: String) {
        guard (try? NSRegularExpression(pattern: source)) != nil,
              let expression = try? NSRegularExpression(pattern: Self.wholeValue(source))
        else { return nil }
        self.expression = expression
    }

    /// The pattern anchored at both ends of the text: `\z`, unlike `$`, admits no final line break.
    static func wholeValue(_ source: String) -> String { "\\A(?:" + source + ")\\z" }

    /// Whether the whole of `text` matches.
    func wholeMatches(_ text: String) -> Bool {
        expression.numberOfMatches(in: text, range: NSRange(location: 0, length: text.utf16.count)) > 0
    }
}
