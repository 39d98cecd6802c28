import EnvrefCore
import Foundation
import Testing

@testable import EnvrefRegistry

@Suite("Validating the registry")
struct RegistryValidationTests {
    @Test("a valid registry becomes a typed model, in file order")
    func validModel() throws {
        let yaml = """
            languages: [en, fr]
            prefix: WANDB_
            swift:
              typeName: WandbSettings
            variables:
              WANDB_MODE:
                type: enum
                values: [online, offline, disabled]
                deprecatedValues: {dryrun: offline}
                default: online
                description:
                  en: Where runs go.
                  fr:
                    text: Where runs go.
                    untranslated: true
              WANDB_API_KEY:
                type: string
                secret: true
                description: Authenticates the client.
              WANDB_TAGS:
                type: list
                default: [a, b]
                description: {en: Tags.}
              WANDB_RUN_ID:
                type: string
                maxLength: 64
                description: {en: Run id.}
              WANDB_DESCRIPTION:
                deprecated: {replacement: WANDB_NAME}
                description: {en: Old name.}
              WANDB_NAME:
                type: string
                description: {en: Name.}

            """
        let registry = try RegistryLoader.load(bytes: Array(yaml.utf8), path: "v.yaml").get()
        #expect(registry.languages == ["en", "fr"])
        #expect(registry.prefix == "WANDB_")
        #expect(registry.swift.typeName == "WandbSettings")
        #expect(registry.variables.map(\.name) == ["WANDB_MODE", "WANDB_API_KEY", "WANDB_TAGS", "WANDB_RUN_ID", "WANDB_DESCRIPTION", "WANDB_NAME"])
        let mode = try #require(registry.variable(named: "WANDB_MODE"))
        #expect(mode.type == .enumeration)
        #expect(mode.values == ["online", "offline", "disabled"])
        #expect(mode.deprecatedValues == [DeprecatedValue(value: "dryrun", replacement: "offline")])
        #expect(mode.defaultValue == .string("online"))
        #expect(mode.descriptions["fr"]?.isMarkedUntranslated == true)
        #expect(mode.location == SourceLocation(path: "v.yaml", line: 6, column: 3))
        #expect(registry.variable(named: "WANDB_API_KEY")?.isSecret == true)
        #expect(registry.variable(named: "WANDB_API_KEY")?.descriptions["en"]?.text == "Authenticates the client.")
        #expect(registry.variable(named: "WANDB_TAGS")?.defaultValue == .list(["a", "b"]))
        #expect(registry.variable(named: "WANDB_RUN_ID")?.constraints.maxLength == 64)
        let old = try #require(registry.variable(named: "WANDB_DESCRIPTION"))
        #expect(old.type == .string)
        #expect(old.deprecation == Deprecation(replacement: "WANDB_NAME"))
        #expect(registry.deprecatedNames(for: try #require(registry.variable(named: "WANDB_NAME"))).map(\.name) == ["WANDB_DESCRIPTION"])
    }

    @Test("a deprecated name without a type reads values like its replacement")
    func deprecatedInheritsValues() throws {
        let yaml = registry("""
              WANDB_RESUME:
                type: enum
                values: [allow, must, never, auto]
                description: {en: Resume.}
              WANDB_RETRY:
                deprecated: {replacement: WANDB_RESUME}
                description: {en: Old.}

            """)
        let registry = try RegistryLoader.load(bytes: Array(yaml.utf8), path: "v.yaml").get()
        #expect(registry.variable(named: "WANDB_RETRY")?.type == .enumeration)
        #expect(registry.variable(named: "WANDB_RETRY")?.values == ["allow", "must", "never", "auto"])
    }

    @Test("deprecation mistakes are reported")
    func deprecationMistakes() {
        let yaml = registry("""
              WANDB_A:
                deprecated: {replacement: WANDB_NAM}
                description: {en: A.}
              WANDB_NAME:
                type: string
                description: {en: Name.}
              WANDB_B:
                deprecated: {replacement: WANDB_A}
                description: {en: B.}
              WANDB_C:
                deprecated: {replacement: WANDB_NAME}
                default: x
                description: {en: C.}

            """)
        #expect(diagnostics(yaml) == [
            "Content/variables.yaml:3:3: error: variable 'WANDB_A' has no 'type' (or a valid 'deprecated.replacement' to inherit it from)",
            "Content/variables.yaml:4:31: error: replacement 'WANDB_NAM' is not a variable in the registry; did you mean 'WANDB_NAME'?",
            "Content/variables.yaml:9:3: error: variable 'WANDB_B' has no 'type' (or a valid 'deprecated.replacement' to inherit it from)",
            "Content/variables.yaml:10:31: error: replacement 'WANDB_A' is itself deprecated; point to the current name",
            "Content/variables.yaml:14:14: error: deprecated name 'WANDB_C' cannot have its own default; it reads through to its replacement",
        ])
    }

    @Test("keys that do not fit the type are reported")
    func typeSpecificKeys() {
        let yaml = registry("""
              WANDB_MODE:
                type: enum
                deprecatedValues: {dryrun: offlin}
                description: {en: Mode.}
              WANDB_DIR:
                type: path
                values: [a]
                separator: ";"
                minimum: 1
                pattern: "^/"
                description: {en: Dir.}
              WANDB_PORT:
                type: int
                minimum: 10
                maximum: 1
                maxLength: 3
                description: {en: Port.}

            """)
        #expect(diagnostics(yaml) == [
            "Content/variables.yaml:4:11: error: enum variable 'WANDB_MODE' needs 'values', the list of allowed values",
            "Content/variables.yaml:5:24: error: deprecated value 'dryrun' is replaced by 'offlin', which is not one of the allowed values ()",
            "Content/variables.yaml:9:13: error: 'values' only applies to enum variables; 'WANDB_DIR' is a path",
            "Content/variables.yaml:10:16: error: 'separator' only applies to list variables; 'WANDB_DIR' is a path",
            "Content/variables.yaml:11:14: error: 'minimum' only applies to int variables; 'WANDB_DIR' is a path",
            "Content/variables.yaml:12:14: error: 'pattern' only applies to string variables; 'WANDB_DIR' is a path",
            "Content/variables.yaml:16:14: error: 'minimum' (10) is greater than 'maximum' (1)",
            "Content/variables.yaml:18:16: error: 'maxLength' only applies to string, path and url variables; 'WANDB_PORT' is a int",
        ])
    }

    @Test("references to unknown variables and invalid Swift names are reported")
    func references() {
        let yaml = registry("""
              WANDB_DIR:
                type: path
                seeAlso: [WANDB_ARTIFACT_DIRR]
                swiftName: "2fast"
                pattern: "("
                description: {en: Dir.}
              WANDB_ARTIFACT_DIR:
                type: path
                description: {en: Artifacts.}

            """)
        let found = diagnostics(yaml)
        #expect(found.contains("Content/variables.yaml:5:15: error: 'seeAlso' names 'WANDB_ARTIFACT_DIRR', which is not a variable in the registry; did you mean 'WANDB_ARTIFACT_DIR'?"))
        #expect(found.contains("Content/variables.yaml:6:16: error: 'swiftName' must be a Swift identifier, not '2fast'"))
        #expect(found.contains { $0.hasPrefix("Content/variables.yaml:7:14: error: 'pattern' is not a valid regular expression:") })
    }

    @Test("a pattern only Swift can read is refused, since values are matched with ICU")
    func swiftOnlyPattern() {
        let yaml = registry("""
              WANDB_ENTITY:
                type: string
                pattern: "a{,3}"
                description: {en: Team.}

            """)
        #expect(diagnostics(yaml) == [
            "Content/variables.yaml:5:14: error: 'pattern' is not a regular expression ICU can read, and values are matched with ICU (NSRegularExpression)"
        ])
    }

    @Test("a pattern ending in an open comment is refused, since it would swallow the anchor")
    func openCommentPattern() {
        let yaml = registry("""
              WANDB_ENTITY:
                type: string
                pattern: "(?x)[a-z]+ # lower"
                description: {en: Team.}

            """)
        #expect(diagnostics(yaml) == [
            "Content/variables.yaml:5:14: error: 'pattern' cannot be anchored to the whole value: a '#' comment or '\\Q' quote still open at its end would swallow the anchor; end it with a line break or '\\E'"
        ])
    }

    @Test("a variable outside the prefix is a warning, so the registry still loads")
    func prefixWarning() throws {
        let yaml = "languages: [en]\nprefix: WANDB_\nvariables:\n  HOME:\n    type: path\n    description: Home.\n"
        let result = RegistryLoader.load(bytes: Array(yaml.utf8), path: "v.yaml")
        #expect(result.registry != nil)
        #expect(result.diagnostics.map(\.description) == ["v.yaml:4:3: warning: variable 'HOME' does not start with the registry prefix 'WANDB_'"])
    }

    @Test("the embedded W&B registry is valid and complete")
    func embeddedContent() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "../../../Content/variables.yaml").standardized
        let result = RegistryLoader.load(fileAt: url, displayPath: "Content/variables.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.rendered)")
        let registry = try result.get()
        #expect(registry.languages == ["en", "fr", "es", "ja", "ko"])
        #expect(registry.variables.count == 36)
        #expect(registry.variables.filter(\.isDeprecated).map(\.name) == ["WANDB_DESCRIPTION", "WANDB_RETRY"])
        for variable in registry.variables {
            #expect(Set(variable.descriptions.keys) == Set(registry.languages), "\(variable.name)")
        }
        #expect(registry.variable(named: "WANDB_API_KEY")?.isSecret == true)
        #expect(registry.variable(named: "WANDB_CONFIG_DIR")?.defaultValue == .string("~/.config/wandb"))
        #expect(registry.variable(named: "WANDB_RUN_ID")?.constraints.maxLength == 64)
        #expect(registry.variable(named: "WANDB_MODE")?.deprecatedValues.first == DeprecatedValue(value: "dryrun", replacement: "offline"))
        for name in ["WANDB_TAGS", "WANDB_IGNORE_GLOBS", "WANDB_CONFIG_PATHS"] {
            #expect(registry.variable(named: name)?.type == .list, "\(name)")
        }
    }
}

@Suite("Validating a large registry")
struct LargeRegistryValidationTests {
    /// A registry large enough that its variables are composed, decoded and resolved over several threads, with
    /// a different mistake every few hundred variables: each diagnostic must come out exactly once, and the
    /// variables in file order. The loader sorts diagnostics, so the order they are merged in cannot show here.
    @Test("variables decoded on several threads give every diagnostic once, and the variables in file order")
    func manyVariables() throws {
        var lines = ["languages: [en, fr]", "variables:"]
        var expected: [String] = []
        for index in 0..<1_500 {
            let name = String(format: "APP_V%04d", index)
            let nameLine = lines.count + 1
            switch index {
            case 7:
                lines += ["  \(name):", "    type: string", "    values: [a]"]
                expected.append("Content/variables.yaml:\(nameLine + 2):13: error: 'values' only applies to enum variables; '\(name)' is a string")
            case 307:
                lines += ["  \(name):", "    example: x"]
                expected.append("Content/variables.yaml:\(nameLine):3: error: variable '\(name)' has no 'type'")
            case 607:
                lines += ["  \(name):", "    type: string", "    deprecated: {replacement: \(name)}"]
                expected.append("Content/variables.yaml:\(nameLine + 2):31: error: '\(name)' cannot be its own replacement")
            case 907:
                lines += ["  \(name):", "    type: string", "    deprecated: {replacement: APP_V0607}"]
                expected.append("Content/variables.yaml:\(nameLine + 2):31: error: replacement 'APP_V0607' is itself deprecated; point to the current name")
            case 1_207:
                let lowercased = name.lowercased()
                lines += ["  \(lowercased):", "    type: string"]
                expected.append("Content/variables.yaml:\(nameLine):3: error: invalid variable name '\(lowercased)': names must match \(RegistrySchema.namePattern); did you mean '\(name)'?")
            default:
                lines += ["  \(name):", "    type: string"]
            }
            lines.append("    description: {en: Variable \(index).}")
        }
        let result = RegistryLoader.load(bytes: Array((lines.joined(separator: "\n") + "\n").utf8), path: "Content/variables.yaml")
        #expect(result.diagnostics.map(\.description) == expected)
        #expect(result.registry == nil)

        // With the mistakes put right, the model lists every variable in file order, each at its own line.
        let valid = lines.compactMap { line -> String? in
            switch line {
            case "    values: [a]": nil
            case "    example: x": "    type: string"
            case "  app_v1207:": "  APP_V1207:"
            default: line.hasPrefix("    deprecated:") ? nil : line
            }
        }
        let registry = try RegistryLoader.load(bytes: Array((valid.joined(separator: "\n") + "\n").utf8), path: "v.yaml").get()
        #expect(registry.variables.map(\.name) == (0..<1_500).map { String(format: "APP_V%04d", $0) })
        #expect(registry.variables.map(\.location.line) == valid.indices.filter { valid[$0].hasPrefix("  APP_V") }.map { $0 + 1 })
    }
}
