import EnvrefCore
import EnvrefRegistry
import EnvrefSwiftGen
import Testing

/// Names, types and diagnostics the translate stage decides, checked on the file description.
@Suite struct SettingsTranslatorTests {
    private func translate(_ variables: String, prefix: String? = "WANDB_", typeName: String? = nil) throws -> TranslationResult {
        SettingsTranslator().translate(try RegistrySnippet.registry(variables, prefix: prefix, typeName: typeName))
    }

    private func propertyNames(_ result: TranslationResult) throws -> [String: String] {
        let file = try #require(result.file)
        var names = Dictionary(uniqueKeysWithValues: file.settingsType.properties.map { ($0.variableName, $0.name.declared) })
        for alias in file.settingsType.aliases { names[alias.variableName] = alias.name.declared }
        return names
    }

    private static func variable(_ name: String, _ type: String = "string", extra: String = "") -> String {
        "  \(name):\n    type: \(type)\n\(extra)    description: x\n"
    }

    @Test func propertyNamesDropThePrefixAndFollowTheSwiftGuidelines() throws {
        let result = try translate(["WANDB_API_KEY", "WANDB_BASE_URL", "WANDB_RUN_ID", "WANDB_MODE"].map { Self.variable($0) }.joined())
        #expect(try propertyNames(result) == ["WANDB_API_KEY": "apiKey", "WANDB_BASE_URL": "baseURL", "WANDB_RUN_ID": "runID", "WANDB_MODE": "mode"])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func keywordsAreDeclaredWithBackticks() throws {
        let result = try translate(["WANDB_DEFAULT", "WANDB_CLASS", "WANDB_IN"].map { Self.variable($0) }.joined())
        #expect(try propertyNames(result) == ["WANDB_DEFAULT": "`default`", "WANDB_CLASS": "`class`", "WANDB_IN": "`in`"])
    }

    @Test func unusableReservedAndDigitNamesUseTheWholeVariableName() throws {
        let names = ["WANDB_SELF", "WANDB_INIT", "WANDB_TYPE", "WANDB_DESCRIPTION", "WANDB_DEBUG_DESCRIPTION", "WANDB_RESOLUTION", "WANDB_SCHEMA", "WANDB_2FA"]
        let result = try translate(names.map { Self.variable($0) }.joined())
        #expect(try propertyNames(result) == [
            "WANDB_SELF": "wandbSelf", "WANDB_INIT": "wandbInit", "WANDB_TYPE": "type", "WANDB_DESCRIPTION": "wandbDescription",
            "WANDB_DEBUG_DESCRIPTION": "wandbDebugDescription", "WANDB_RESOLUTION": "wandbResolution", "WANDB_SCHEMA": "wandbSchema",
            "WANDB_2FA": "wandb2fa",
        ])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func collidingNamesAreSettledInRegistryOrderWithAWarning() throws {
        let result = try translate(Self.variable("WANDB_X_Y") + Self.variable("WANDB_X__Y") + Self.variable("WANDB_XY", extra: "    swiftName: wandbXY\n"))
        #expect(try propertyNames(result) == ["WANDB_X_Y": "xY", "WANDB_X__Y": "wandbXYSetting", "WANDB_XY": "wandbXY"])
        #expect(result.diagnostics.map(\.description) == [
            "variables.yaml:7:3: warning: 'WANDB_X__Y' would be named 'xY' like 'WANDB_X_Y', so it is named 'wandbXYSetting'; set 'swiftName' to choose a name",
        ])
    }

    @Test func variablesWithoutThePrefixKeepTheirWholeName() throws {
        let result = try translate(Self.variable("WANDB_MODE") + Self.variable("MODE"))
        #expect(try propertyNames(result) == ["WANDB_MODE": "mode", "MODE": "modeSetting"])
    }

    @Test func swiftNameOverridesTheDerivedName() throws {
        let result = try translate(Self.variable("WANDB_MODE", extra: "    swiftName: runMode\n"))
        #expect(try propertyNames(result) == ["WANDB_MODE": "runMode"])
    }

    @Test func reservedOrDuplicateSwiftNamesAreErrors() throws {
        let result = try translate(
            Self.variable("WANDB_A", extra: "    swiftName: description\n") + Self.variable("WANDB_B", extra: "    swiftName: shared\n")
                + Self.variable("WANDB_C", extra: "    swiftName: shared\n"))
        #expect(result.file == nil)
        #expect(result.diagnostics.map(\.description) == [
            "variables.yaml:4:3: error: 'swiftName' 'description' of 'WANDB_A' is reserved in generated settings types; choose another name",
            "variables.yaml:12:3: error: 'swiftName' 'shared' of 'WANDB_C' is already the 'swiftName' of 'WANDB_B'",
        ])
    }

    @Test func swiftNamesThatHideAModuleAreErrors() throws {
        let result = try translate(Self.variable("WANDB_A", extra: "    swiftName: Swift\n"))
        #expect(result.diagnostics.map(\.description) == [
            "variables.yaml:4:3: error: 'swiftName' 'Swift' of 'WANDB_A' is reserved in generated settings types; choose another name",
        ])
    }

    @Test func typeNameComesFromTheRegistryOrThePrefix() throws {
        #expect(try translate(Self.variable("WANDB_MODE")).file?.settingsType.name == "WandbSettings")
        #expect(try translate(Self.variable("MY_APP_MODE"), prefix: "MY_APP_").file?.settingsType.name == "MyAppSettings")
        #expect(try translate(Self.variable("MODE"), prefix: nil).file?.settingsType.name == "Settings")
        #expect(try translate(Self.variable("WANDB_MODE"), typeName: "Config").file?.settingsType.name == "Config")
    }

    @Test func aTypeNameThatHidesAModuleIsAnError() throws {
        let result = try translate(Self.variable("WANDB_MODE"), typeName: "Foundation")
        #expect(result.file == nil)
        #expect(result.diagnostics.map(\.description) == [
            "variables.yaml:1:1: error: 'typeName' 'Foundation' would hide a type or module the generated code uses; choose another name",
        ])
    }

    @Test func enumTypeNamesAvoidReservedNamesAndTheSettingsType() throws {
        let enumValues = "    values: [a, b]\n"
        let result = try translate(
            Self.variable("WANDB_TYPE", "enum", extra: enumValues) + Self.variable("WANDB_STRING", "enum", extra: enumValues)
                + Self.variable("WANDB_MODE", "enum", extra: enumValues) + Self.variable("WANDB_API_KEY", "enum", extra: enumValues),
            typeName: "Mode")
        let file = try #require(result.file)
        #expect(file.settingsType.enums.map(\.name.identifier) == ["TypeValue", "String", "ModeValue", "APIKey"])
    }

    @Test func enumTypeNamesAvoidPropertyNames() throws {
        let result = try translate(Self.variable("WANDB_MODE", "enum", extra: "    values: [a]\n    swiftName: Mode\n"))
        let file = try #require(result.file)
        #expect(file.settingsType.properties.map(\.name.identifier) == ["Mode"])
        #expect(file.settingsType.enums.map(\.name.identifier) == ["ModeValue"])
    }

    @Test func enumCaseCollisionsGetNumbers() throws {
        let result = try translate(Self.variable("WANDB_MODE", "enum", extra: "    values: [on-demand, onDemand, ON_DEMAND, '-']\n"))
        let file = try #require(result.file)
        #expect(file.settingsType.enums[0].cases.map(\.name.identifier) == ["onDemand", "onDemand2", "onDemand3", "value"])
    }

    @Test func propertyTypesAndStorageFollowTheVariable() throws {
        let result = try translate(
            Self.variable("WANDB_A", "bool", extra: "    default: true\n") + Self.variable("WANDB_B", "int") + Self.variable("WANDB_C", "url")
                + Self.variable("WANDB_D", "path", extra: "    default: '~/x'\n") + Self.variable("WANDB_E", "list")
                + Self.variable("WANDB_F", "enum", extra: "    values: [x]\n    default: x\n"))
        let properties = try #require(result.file).settingsType.properties
        #expect(properties.map(\.type) == [.bool, .int, .url, .string, .stringArray, .enumeration(SwiftName("F"))])
        #expect(properties.map(\.storage) == [.required, .optional, .optional, .required, .list, .required])
        #expect(try #require(result.file).imports == ["EnvrefRuntime", "Foundation"])
    }

    @Test func foundationIsImportedOnlyForURLs() throws {
        #expect(try translate(Self.variable("WANDB_A")).file?.imports == ["EnvrefRuntime"])
    }

    @Test func aListDefaultItemContainingTheSeparatorIsAWarning() throws {
        let result = try translate(Self.variable("WANDB_TAGS", "list", extra: "    default: ['a,b', c]\n"))
        #expect(result.diagnostics.map(\.description) == [
            "variables.yaml:4:3: warning: a default item of 'WANDB_TAGS' contains the separator ',', so generated code reads it as several items",
        ])
    }

    @Test func settingsFilesFollowTheWandbConvention() throws {
        let withDirectory = try translate(Self.variable("WANDB_CONFIG_DIR", "path", extra: "    default: /etc/wandb\n")).file?.settingsType.files
        #expect(withDirectory == SettingsFilesDescription(
            projectFile: "wandb/settings", userDirectoryVariable: "WANDB_CONFIG_DIR", userDirectoryFallback: "/etc/wandb", keyPrefix: "WANDB_"))
        let without = try translate(Self.variable("MY_APP_MODE"), prefix: "MY_APP_").file?.settingsType.files
        #expect(without == SettingsFilesDescription(
            projectFile: "my_app/settings", userDirectoryVariable: nil, userDirectoryFallback: "~/.config/my_app", keyPrefix: "MY_APP_"))
        #expect(try translate(Self.variable("MODE"), prefix: nil).file?.settingsType.files == nil)
    }
}
