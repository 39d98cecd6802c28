/// One setting after resolution: its value, where it came from, and the name it was read under.
public struct ResolvedSetting: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The registry's definition.
    public var definition: SettingDefinition
    /// The value, or `nil` when nothing sets it and it has no default.
    public var value: SettingValue?
    /// The layer the value came from; `default` when nothing set it.
    public var source: SettingSource
    /// The name the value was read under; a deprecated name when one supplied it.
    public var readName: String
    /// The settings file's path, when the value came from one.
    public var filePath: String?

    /// Creates a resolved setting.
    public init(definition: SettingDefinition, value: SettingValue?, source: SettingSource, readName: String, filePath: String? = nil) {
        self.definition = definition
        self.value = value
        self.source = source
        self.readName = readName
        self.filePath = filePath
    }

    /// The variable name.
    public var name: String { definition.name }

    /// The value as text, the redaction marker for a set secret, `nil` when unset.
    public var shownText: String? {
        guard let value else { return nil }
        if definition.isSecret { return Redaction.marker }
        if case .list(let separator) = definition.kind { return value.text(separator: separator) }
        return value.text()
    }

    /// `NAME=value`, secrets redacted.
    public var description: String { "\(name)=\(shownText ?? "")" }

    /// `NAME=value (source)`, secrets redacted.
    public var debugDescription: String { "\(description) (\(source))" }

    /// Shows the redacted text instead of the value, so `dump` cannot reveal a secret.
    public var customMirror: Mirror {
        Mirror(self, children: ["name": name, "value": shownText as Any, "source": source, "readName": readName],
               displayStyle: .struct)
    }
}

/// The outcome of resolving a settings type: every setting with its source, and the warnings raised.
public struct SettingsResolution: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The schema that was resolved.
    public var schema: SettingsSchema
    /// Every setting, in registry order.
    public var settings: [ResolvedSetting]
    /// Deprecated names and values in use, and unreadable settings-file lines.
    public var warnings: [SettingsWarning]
    private var indexByName: [String: Int]

    /// Creates a resolution.
    public init(schema: SettingsSchema, settings: [ResolvedSetting], warnings: [SettingsWarning]) {
        self.schema = schema
        self.settings = settings
        self.warnings = warnings
        self.indexByName = Dictionary(settings.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Creates a resolution whose settings follow the schema's order, reusing the resolver's index of names.
    init(schema: SettingsSchema, settings: [ResolvedSetting], warnings: [SettingsWarning], indexByName: [String: Int]) {
        self.schema = schema
        self.settings = settings
        self.warnings = warnings
        self.indexByName = indexByName
    }

    /// The setting with this variable name.
    public subscript(name: String) -> ResolvedSetting? {
        indexByName[name].map { settings[$0] }
    }

    /// Where the value of a variable came from.
    public func source(of name: String) -> SettingSource? {
        self[name]?.source
    }

    /// The value of a variable converted to `T`, or `nil` when unset.
    public func value<T: SettingRepresentable>(_ name: String, as type: T.Type = T.self) -> T? {
        self[name]?.value.flatMap(T.init(setting:))
    }

    /// The value of a variable that has a registry default, which the resolver always supplies.
    public func required<T: SettingRepresentable>(_ name: String, as type: T.Type = T.self) -> T {
        guard let value = value(name, as: type) else {
            preconditionFailure("\(schema.typeName): \(name) has a registry default, so a resolution always contains it")
        }
        return value
    }

    /// The value of the setting at `index` in registry order, converted to `T`, or `nil` when unset.
    ///
    /// Generated code knows every setting's position, so it reads by index and skips a lookup by name;
    /// `name` is checked in debug builds only.
    /// Inlinable, so generated code gets a copy specialized for each property's type.
    @inlinable
    public func value<T: SettingRepresentable>(at index: Int, named name: String, as type: T.Type = T.self) -> T? {
        assert(settings[index].name == name, "\(schema.typeName): setting \(index) is \(settings[index].name), not \(name)")
        guard let value = settings[index].value else { return nil }
        return T(setting: value)
    }

    /// The value at `index` of a setting that has a registry default, which the resolver always supplies.
    @inlinable
    public func required<T: SettingRepresentable>(at index: Int, named name: String, as type: T.Type = T.self) -> T {
        guard let value = value(at: index, named: name, as: type) else {
            preconditionFailure("\(schema.typeName): \(name) has a registry default, so a resolution always contains it")
        }
        return value
    }

    /// `TypeName(property: value, ...)`, secrets redacted.
    public var description: String {
        "\(schema.typeName)(" + settings.map { "\($0.definition.propertyName): \($0.shownText ?? "nil")" }.joined(separator: ", ") + ")"
    }

    /// Like `description`, with each value's source.
    public var debugDescription: String {
        "\(schema.typeName)(" + settings.map { "\($0.definition.propertyName): \($0.shownText ?? "nil") (\($0.source))" }
            .joined(separator: ", ") + ")"
    }

    /// One child per setting with the redacted text, so `dump` cannot reveal a secret.
    public var customMirror: Mirror {
        Mirror(self, children: settings.map { (label: $0.name, value: $0 as Any) }, displayStyle: .struct)
    }
}
