import EnvrefCore
import Testing

@testable import EnvrefRegistry

/// Loads YAML text and returns the rendered diagnostics, as `envref validate` prints them.
func diagnostics(_ yaml: String, path: String = "Content/variables.yaml") -> [String] {
    RegistryLoader.load(bytes: Array(yaml.utf8), path: path).diagnostics.map(\.description)
}

/// A registry header followed by the given variables block.
func registry(_ variables: String, languages: String = "[en, fr]") -> String {
    "languages: \(languages)\nvariables:\n" + variables
}

@Suite("Loading the registry: bad input")
struct RegistryLoaderBadInputTests {
    @Test("an oversized registry names the line crossing the limit, counting CRLF and lone CR as YAML does", arguments: ["\n", "\r\n", "\r"])
    func oversizedLineBreaks(_ lineBreak: String) {
        let header = ["languages: [en]", "variables:", "  APP_MODE:", "    type: string", "    description:"].joined(separator: lineBreak)
        var bytes = Array((header + lineBreak + "      en: ").utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "x"), count: RegistryLoader.maximumFileSize)
        #expect(RegistryLoader.load(bytes: bytes, path: "huge.yaml").diagnostics.map(\.description) == [
            "huge.yaml:6:1: error: the registry is larger than 32 MiB; this line crosses the limit, and the rest was not read"
        ])
    }

    @Test("a YAML syntax error names the problem and its position")
    func syntaxError() {
        let yaml = "languages: [en\nvariables:\n  A: {type: string\n"
        #expect(diagnostics(yaml) == [
            "Content/variables.yaml:2:10: error: invalid YAML: did not find expected ',' or ']' while parsing a flow sequence at line 1"
        ])
    }

    @Test("a tab used for indentation is a syntax error")
    func tabIndentation() {
        let yaml = "languages: [en]\nvariables:\n\tWANDB_MODE:\n"
        #expect(diagnostics(yaml) == [
            "Content/variables.yaml:3:1: error: invalid YAML: found character that cannot start any token while scanning for the next token at line 3"
        ])
    }

    @Test("every duplicate variable is reported, and the rest of the file is still checked")
    func duplicateVariables() {
        let yaml = registry("""
              WANDB_MODE:
                type: string
                description: {en: First.}
              WANDB_MODE:
                type: string
                description: {en: Second.}
              WANDB_MODE:
                type: strng
                description: {en: Third.}
              WANDB_TAGS:
                type: lst
                description: {en: Tags.}

            """)
        #expect(diagnostics(yaml) == [
            "Content/variables.yaml:6:3: error: duplicate variable 'WANDB_MODE' (first defined at line 3)",
            "Content/variables.yaml:9:3: error: duplicate variable 'WANDB_MODE' (first defined at line 3)",
            "Content/variables.yaml:13:11: error: unknown type 'lst' for 'WANDB_TAGS'; did you mean 'list'? expected one of string, bool, int, enum, list, path, url",
        ])
    }

    /// Renamed duplicates get private-use sentinels that repeat after 4,096, and Yams would then report a
    /// duplicate key spelled in them.
    @Test("thousands of duplicate variables: the first 200 are listed, and nothing else is reported")
    func thousandsOfDuplicates() {
        let entry = "  A:\n    type: string\n    description: {en: A.}\n"
        let yaml = "languages: [en]\nvariables:\n" + String(repeating: entry, count: YAMLPrescan.distinctSentinels + 2)
        let found = diagnostics(yaml)
        #expect(found.count == YAMLPrescan.maximumReportedDuplicates)
        #expect(found.first == "Content/variables.yaml:6:3: error: duplicate variable 'A' (first defined at line 3)")
        #expect(found.allSatisfy { $0.contains("duplicate variable 'A' (first defined at line 3)") })
    }

    @Test("a duplicate key inside a variable names the key")
    func duplicateKey() {
        let yaml = registry("""
              WANDB_MODE:
                type: string
                type: int
                description: {en: Mode.}

            """)
        #expect(diagnostics(yaml) == [
            "Content/variables.yaml:5:5: error: duplicate key 'type' (first used at line 4)"
        ])
    }

    @Test("names must match [A-Z][A-Z0-9_]*, with a suggestion when one is obvious")
    func invalidNames() {
        let yaml = registry("""
              wandb_mode:
                type: string
                description: {en: Lower case.}
              WANDB-TAGS:
                type: string
                description: {en: Dash.}
              1WANDB:
                type: string
                description: {en: Digit first.}

            """)
        #expect(diagnostics(yaml) == [
            "Content/variables.yaml:3:3: error: invalid variable name 'wandb_mode': names must match [A-Z][A-Z0-9_]*; did you mean 'WANDB_MODE'?",
            "Content/variables.yaml:6:3: error: invalid variable name 'WANDB-TAGS': names must match [A-Z][A-Z0-9_]*; did you mean 'WANDB_TAGS'?",
            "Content/variables.yaml:9:3: error: invalid variable name '1WANDB': names must match [A-Z][A-Z0-9_]*",
        ])
    }

    @Test("unknown keys get a did-you-mean hint at every level")
    func unknownKeys() {
        let yaml = """
            langauges: [en]
            languages: [en]
            variables:
              WANDB_MODE:
                tpye: string
                type: string
                secrte: true
                frobnicate: 1
                description:
                  en: {txt: Hello}

            """
        #expect(diagnostics(yaml) == [
            "Content/variables.yaml:1:1: error: unknown key 'langauges' at the top level; did you mean 'languages'?",
            "Content/variables.yaml:5:5: error: unknown key 'tpye' in variable 'WANDB_MODE'; did you mean 'type'?",
            "Content/variables.yaml:7:5: error: unknown key 'secrte' in variable 'WANDB_MODE'; did you mean 'secret'?",
            "Content/variables.yaml:8:5: error: unknown key 'frobnicate' in variable 'WANDB_MODE'; expected one of type, values, deprecatedValues, default, secret, example, seeAlso, minLength, maxLength, pattern, minimum, maximum, separator, swiftName, deprecated, description",
            "Content/variables.yaml:10:11: error: the 'en' description of 'WANDB_MODE' has no 'text'",
            "Content/variables.yaml:10:12: error: unknown key 'txt' in the 'en' description of 'WANDB_MODE'; did you mean 'text'?",
        ])
    }

    @Test("unknown types list the valid ones and suggest the likely one")
    func unknownTypes() {
        let yaml = registry("""
              WANDB_A:
                type: integer
                description: {en: A.}
              WANDB_B:
                type: float
                description: {en: B.}

            """)
        #expect(diagnostics(yaml) == [
            "Content/variables.yaml:4:11: error: unknown type 'integer' for 'WANDB_A'; did you mean 'int'? expected one of string, bool, int, enum, list, path, url",
            "Content/variables.yaml:7:11: error: unknown type 'float' for 'WANDB_B'; expected one of string, bool, int, enum, list, path, url",
        ])
    }

    @Test("a default must be valid for its type and among the allowed values")
    func invalidDefaults() {
        let yaml = registry("""
              WANDB_MODE:
                type: enum
                values: [online, offline, disabled]
                default: bogus
                description: {en: Mode.}
              WANDB_PORT:
                type: int
                default: eighty
                description: {en: Port.}
              WANDB_SILENT:
                type: bool
                default: maybe
                description: {en: Silent.}
              WANDB_BASE_URL:
                type: url
                default: not a url
                description: {en: URL.}
              WANDB_RUN_ID:
                type: string
                maxLength: 4
                default: toolong
                description: {en: Id.}

            """)
        #expect(diagnostics(yaml) == [
            "Content/variables.yaml:6:14: error: default 'bogus' is not valid: expected one of online, offline, disabled",
            "Content/variables.yaml:10:14: error: default 'eighty' is not valid: expected a whole number",
            "Content/variables.yaml:14:14: error: default 'maybe' is not valid: expected true, false, 1, 0, yes or no",
            "Content/variables.yaml:18:14: error: default 'not a url' is not valid: expected an absolute URL such as https://example.com",
            "Content/variables.yaml:23:14: error: default 'toolong' is not valid: expected at most 4 characters",
        ])
    }

    @Test("a description is required in the source language")
    func missingSourceDescription() {
        let yaml = registry("""
              WANDB_MODE:
                type: string
                description:
                  fr: Seulement en français.
              WANDB_TAGS:
                type: list

            """)
        #expect(diagnostics(yaml) == [
            "Content/variables.yaml:6:7: error: variable 'WANDB_MODE' has no description in the source language 'en'",
            "Content/variables.yaml:7:3: error: variable 'WANDB_TAGS' has no description in the source language 'en'",
        ])
    }

    @Test("a description in an undeclared language is an error")
    func undeclaredLanguage() {
        let yaml = registry("""
              WANDB_MODE:
                type: string
                description:
                  en: Mode.
                  de: Modus.

            """)
        #expect(diagnostics(yaml) == [
            "Content/variables.yaml:7:7: error: description of 'WANDB_MODE' is in undeclared language 'de'; declared languages are en, fr"
        ])
    }

    @Test("language codes must be well formed and listed once")
    func badLanguages() {
        let yaml = registry("""
              WANDB_MODE:
                type: string
                description: {en: Mode.}

            """, languages: "[en, fr, English, fr, pt-BR, EN]")
        #expect(diagnostics(yaml) == [
            "Content/variables.yaml:1:21: error: invalid language code 'English'; expected a code like 'en', 'ja' or 'pt-BR'",
            "Content/variables.yaml:1:30: error: language 'fr' is listed twice",
            "Content/variables.yaml:1:41: error: invalid language code 'EN'; expected a code like 'en', 'ja' or 'pt-BR'",
        ])
    }

    @Test("an empty file, or one with only comments, is reported as empty", arguments: ["", "\n\n", "# nothing yet\n", "---\n"])
    func emptyFile(text: String) {
        #expect(diagnostics(text) == [
            "Content/variables.yaml:1:1: error: the registry is empty; expected at least 'languages' and 'variables'"
        ])
    }

    @Test("bytes that are not UTF-8 are reported with their position")
    func notUTF8() {
        var bytes = Array("languages: [en]\nvariables:\n  WANDB_MODE: {type: string, description: {en: \"caf".utf8)
        bytes += [0xE9]  // Latin-1 é
        bytes += Array("\"}}\n".utf8)
        let result = RegistryLoader.load(bytes: bytes, path: "Content/variables.yaml")
        #expect(result.registry == nil)
        #expect(result.diagnostics.map(\.description) == [
            "Content/variables.yaml:3:52: error: the file is not valid UTF-8 (byte 0xE9 at offset 78); save it as UTF-8"
        ])
    }

    @Test("an alias bomb is rejected at its first alias, without expanding it, and its 72 aliases are not all listed")
    func aliasBomb() {
        var yaml = "languages: [en]\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
            previous = name
        }
        yaml += "variables: *i\n"
        let found = diagnostics(yaml)
        #expect(found.count == 20)
        #expect(found.first == "Content/variables.yaml:3:8: error: YAML aliases are not supported in the registry (found '*a'); write the value out in full")
    }

    @Test("aliases used as mapping keys are rejected too")
    func aliasAsKey() {
        let yaml = "languages: [en]\nx: &x [a, b]\nvariables:\n  ? *x\n  : 1\n"
        #expect(diagnostics(yaml) == [
            "Content/variables.yaml:4:5: error: YAML aliases are not supported in the registry (found '*x'); write the value out in full",
        ])
    }

    @Test("absurd nesting is refused before it can exhaust the stack")
    func deepNesting() {
        let yaml = "languages: [en]\nvariables: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n"
        #expect(diagnostics(yaml) == [
            "Content/variables.yaml:2:13: error: the YAML is nested too deeply (more than 32 levels)"
        ])
    }

    @Test("nesting past the registry's limit but within libyaml's is refused by the prescan")
    func moderateNesting() {
        let yaml = "languages: [en]\nvariables: " + String(repeating: "[", count: 40) + String(repeating: "]", count: 40) + "\n"
        #expect(diagnostics(yaml) == [
            "Content/variables.yaml:2:43: error: the YAML is nested too deeply (more than 32 levels)"
        ])
    }

    @Test("a missing file is a diagnostic, not a crash")
    func missingFile() {
        let result = RegistryLoader.load(fileAt: .init(fileURLWithPath: "/nonexistent/variables.yaml"), displayPath: "nope.yaml")
        #expect(result.diagnostics.map(\.description) == ["nope.yaml:1:1: error: cannot read the registry: no such file"])
    }

    @Test("structural mistakes are reported, not trapped")
    func wrongShapes() {
        let yaml = """
            languages: en
            variables:
              WANDB_MODE: just a string
              WANDB_TAGS:
              WANDB_DIR:
                - type
                - path

            """
        #expect(diagnostics(yaml) == [
            "Content/variables.yaml:1:12: error: 'languages' must be a list of language codes, for example [en, fr]",
            "Content/variables.yaml:3:15: error: variable 'WANDB_MODE' must be a mapping of keys to values, not a single value",
            "Content/variables.yaml:4:3: error: variable 'WANDB_TAGS' has no fields; give it at least 'type' and 'description'",
            "Content/variables.yaml:6:5: error: variable 'WANDB_DIR' must be a mapping of keys to values, not a list",
        ])
    }
}
