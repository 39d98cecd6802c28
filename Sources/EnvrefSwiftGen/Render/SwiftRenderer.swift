/// Render stage: spells a `SwiftFileDescription` out as Swift source, byte for byte the same every time.
///
/// Types from other modules are written fully qualified (`Swift.String`, `Foundation.URL`), so no
/// generated enum name can hide them.
public struct SwiftRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The Swift source for the file.
    public func render(_ file: SwiftFileDescription) -> String {
        var writer = CodeWriter()
        writer.comment(file.banner)
        writer.line("")
        for module in file.imports { writer.line("import \(module)") }
        writer.line("")
        let type = file.settingsType
        renderStruct(type, into: &writer)
        writer.line("")
        renderSchema(type, into: &writer)
        if !type.enums.isEmpty {
            writer.line("")
            writer.line("// MARK: - Allowed values")
            for item in type.enums {
                writer.line("")
                renderEnum(item, in: type, into: &writer)
            }
        }
        if !type.aliases.isEmpty {
            writer.line("")
            writer.line("// MARK: - Deprecated names")
            writer.line("")
            writer.block("extension \(type.name) {") { writer in
                for (index, alias) in type.aliases.enumerated() {
                    if index > 0 { writer.line("") }
                    writer.documentation(alias.documentation)
                    writer.line("@available(*, deprecated, renamed: \(SwiftLiteral.string(alias.replacement.identifier)), message: \(SwiftLiteral.string("\(alias.variableName) is deprecated; use \(alias.replacementVariableName)")))")
                    writer.line("\(type.access.prefix)var \(alias.name.declared): \(typeText(alias.type, alias.storage)) { self.\(alias.replacement.identifier) }")
                }
            }
        }
        writer.line("")
        writer.line("// MARK: - Descriptions with secrets redacted")
        writer.line("")
        renderDescriptions(type, into: &writer)
        return writer.text
    }

    private func renderStruct(_ type: SettingsTypeDescription, into writer: inout CodeWriter) {
        let access = type.access.prefix
        writer.documentation(type.documentation)
        writer.block("\(access)struct \(type.name): Swift.Sendable {") { writer in
            for property in type.properties {
                writer.documentation(property.documentation)
                let valueType = typeText(property.type, property.storage)
                if let storage = property.deprecatedStorageName {
                    writer.line("@available(*, deprecated, message: \(SwiftLiteral.string("\(property.variableName) is deprecated")))")
                    writer.line("\(access)var \(property.name.declared): \(valueType) { self.\(storage.identifier) }")
                    writer.line("private let \(storage.declared): \(valueType)")
                } else {
                    writer.line("\(access)let \(property.name.declared): \(valueType)")
                }
                writer.line("")
            }
            writer.documentation(["Where every value came from, and the warnings raised while resolving."])
            writer.line("\(access)let resolution: EnvrefRuntime.SettingsResolution")
            writer.line("")
            writer.documentation([
                "Resolves every setting in one call.",
                "",
                "- Parameters:",
                "  - overrides: Values that take precedence over every other source, keyed by variable name.",
                "  - inputs: The environment, working directory and home folder to read; the process's own by default.",
                "- Throws: `SettingsError` listing every invalid value, with secrets redacted.",
            ])
            writer.line("\(access)init(")
            writer.line("    overrides: [Swift.String: Swift.String] = [:],")
            writer.line("    inputs: EnvrefRuntime.SettingsInputs = EnvrefRuntime.SettingsInputs()")
            writer.block(") throws(EnvrefRuntime.SettingsError) {") { writer in
                writer.line("self.init(resolution: try Self.resolver.resolve(overrides: overrides, inputs: inputs))")
            }
            writer.line("")
            writer.documentation(["Built once, so every resolve reuses the lookups the schema implies."])
            writer.line("private static let resolver = EnvrefRuntime.SettingsResolver(schema: Self.schema)")
            writer.line("")
            writer.block("private init(resolution: EnvrefRuntime.SettingsResolution) {") { writer in
                writer.line("self.resolution = resolution")
                // Settings follow the schema's order, which is the properties' order, so each is read by index.
                for (index, property) in type.properties.enumerated() {
                    let target = property.deprecatedStorageName ?? property.name
                    let at = "at: \(index), named: \(SwiftLiteral.string(property.variableName))"
                    switch property.storage {
                    case .required: writer.line("self.\(target.identifier) = resolution.required(\(at))")
                    case .optional: writer.line("self.\(target.identifier) = resolution.value(\(at))")
                    case .list: writer.line("self.\(target.identifier) = resolution.value(\(at)) ?? []")
                    }
                }
            }
        }
    }

    private func renderSchema(_ type: SettingsTypeDescription, into writer: inout CodeWriter) {
        writer.block("extension \(type.name) {") { writer in
            writer.documentation(["The settings the registry defines, as the resolver reads them."])
            writer.block("\(type.access.prefix)static let schema = EnvrefRuntime.SettingsSchema(", closer: ")") { writer in
                writer.line("typeName: \(SwiftLiteral.string(type.name)),")
                if let files = type.files {
                    let arguments = [
                        "projectFile: \(SwiftLiteral.string(files.projectFile))",
                        "userDirectoryVariable: \(files.userDirectoryVariable.map(SwiftLiteral.string) ?? "nil")",
                        "userDirectoryFallback: \(SwiftLiteral.string(files.userDirectoryFallback))",
                        "keyPrefix: \(SwiftLiteral.string(files.keyPrefix))",
                    ]
                    writer.block("files: EnvrefRuntime.SettingsFiles(", closer: "),") { writer in
                        for (index, argument) in arguments.enumerated() {
                            writer.line(argument + (index < arguments.count - 1 ? "," : ""))
                        }
                    }
                } else {
                    writer.line("files: nil,")
                }
                writer.line(type.properties.isEmpty ? "definitions: []" : "definitions: Self.schemaDefinitions()")
            }
            guard !type.properties.isEmpty else { return }
            writer.line("")
            // One statement per definition: a single array literal of every definition is one expression whose
            // type checking took seconds and gigabytes for large registries.
            writer.documentation(["Every definition, in registry order."])
            writer.block("private static func schemaDefinitions() -> [EnvrefRuntime.SettingDefinition] {") { writer in
                writer.line("var definitions: [EnvrefRuntime.SettingDefinition] = []")
                writer.line("definitions.reserveCapacity(\(type.properties.count))")
                for property in type.properties {
                    writer.line("definitions.append(\(definitionText(property.definition)))")
                }
                writer.line("return definitions")
            }
        }
    }

    private func definitionText(_ definition: DefinitionDescription) -> String {
        var arguments = [
            SwiftLiteral.string(definition.name),
            "property: \(SwiftLiteral.string(definition.propertyName))",
            "kind: \(kindText(definition.kind))",
        ]
        if let text = definition.defaultText { arguments.append("default: \(SwiftLiteral.string(text))") }
        if definition.isSecret { arguments.append("secret: true") }
        if definition.isDeprecated { arguments.append("deprecated: true") }
        if !definition.deprecatedNames.isEmpty { arguments.append("deprecatedNames: \(SwiftLiteral.stringArray(definition.deprecatedNames))") }
        if !definition.constraints.isEmpty {
            let limits = definition.constraints.map { constraint in
                switch constraint.value {
                case .int(let number): "\(constraint.label): \(number)"
                case .text(let text): "\(constraint.label): \(SwiftLiteral.string(text))"
                }
            }
            arguments.append("constraints: EnvrefRuntime.SettingConstraints(\(limits.joined(separator: ", ")))")
        }
        return "EnvrefRuntime.SettingDefinition(\(arguments.joined(separator: ", ")))"
    }

    private func kindText(_ kind: DefinitionDescription.Kind) -> String {
        switch kind {
        case .string: ".string"
        case .bool: ".bool"
        case .int: ".int"
        case .path: ".path"
        case .url: ".url"
        case .list(let separator): ".list(separator: \(SwiftLiteral.string(separator)))"
        case .enumeration(let values, let deprecatedValues):
            if deprecatedValues.isEmpty {
                ".enumeration(values: \(SwiftLiteral.stringArray(values)))"
            } else {
                ".enumeration(values: \(SwiftLiteral.stringArray(values)), deprecatedValues: ["
                    + deprecatedValues.map { "\(SwiftLiteral.string($0.old)): \(SwiftLiteral.string($0.new))" }.joined(separator: ", ")
                    + "])"
            }
        }
    }

    private func renderEnum(_ item: EnumDescription, in type: SettingsTypeDescription, into writer: inout CodeWriter) {
        writer.block("extension \(type.name) {") { writer in
            writer.documentation(["The allowed values of `\(item.variableName)`."])
            writer.block("\(type.access.prefix)enum \(item.name.declared): Swift.String, EnvrefRuntime.SettingEnumeration {") { writer in
                for enumCase in item.cases {
                    writer.documentation(["`\(item.variableName)=\(enumCase.rawValue)`"])
                    if enumCase.name.identifier == enumCase.rawValue {
                        writer.line("case \(enumCase.name.declared)")
                    } else {
                        writer.line("case \(enumCase.name.declared) = \(SwiftLiteral.string(enumCase.rawValue))")
                    }
                }
            }
        }
    }

    private func renderDescriptions(_ type: SettingsTypeDescription, into writer: inout CodeWriter) {
        let access = type.access.prefix
        writer.block("extension \(type.name): Swift.CustomStringConvertible, Swift.CustomDebugStringConvertible, Swift.CustomReflectable {") { writer in
            writer.documentation(["Every setting and its value, secrets redacted."])
            writer.line("\(access)var description: Swift.String { self.resolution.description }")
            writer.line("")
            writer.documentation(["Every setting with its value and source, secrets redacted."])
            writer.line("\(access)var debugDescription: Swift.String { self.resolution.debugDescription }")
            writer.line("")
            writer.documentation(["The typed values for `dump` and debuggers, secrets redacted."])
            writer.block("\(access)var customMirror: Swift.Mirror {") { writer in
                if type.properties.isEmpty {
                    writer.line("Swift.Mirror(self, children: [:], displayStyle: .struct)")
                    return
                }
                // One statement per child: a single collection literal of every setting makes the type checker
                // and SILGen work on one huge expression, which dominated the compile of large registries.
                writer.line("var children: [Swift.Mirror.Child] = []")
                writer.line("children.reserveCapacity(\(type.properties.count))")
                for property in type.properties {
                    let stored = "self.\((property.deprecatedStorageName ?? property.name).identifier)"
                    let value = property.definition.isSecret
                        ? "EnvrefRuntime.Redacted(\(stored))"
                        : property.storage == .optional ? "\(stored) as Any" : stored
                    writer.line("children.append((label: \(SwiftLiteral.string(property.name.identifier)), value: \(value)))")
                }
                writer.line("return Swift.Mirror(self, children: children, displayStyle: .struct)")
            }
        }
    }

    private func typeText(_ type: SwiftTypeReference, _ storage: PropertyStorage) -> String {
        let base = switch type {
        case .string: "Swift.String"
        case .bool: "Swift.Bool"
        case .int: "Swift.Int"
        case .url: "Foundation.URL"
        case .stringArray: "[Swift.String]"
        case .enumeration(let name): name.declared
        }
        return storage == .optional ? base + "?" : base
    }
}
