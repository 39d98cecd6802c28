import EnvrefTestSupport
import Foundation
import Testing

@testable import EnvrefRegistry

/// Every registry envref accepts also passes the shipped JSON Schema, so an editor never marks a valid
/// registry as wrong.
///
/// The schema cannot say everything the loader checks (a default among the values, a pattern that
/// compiles), so the other direction is not a rule: the schema may accept files the loader refuses.
@Suite("The shipped JSON Schema: never stricter than the loader")
struct JSONSchemaParityTests {
    /// YAML spellings of the fields each type takes, mostly valid, some not, chosen to reach the edges of both.
    static let typedFields: [String: [(key: String, spellings: [String])]] = [
        "string": [("default", ["abc", "\"abc\"", "\"8080\"", "\"true\"", "\"\"", "a b"]), ("example", ["abc", "\"3\"", "3"]),
                   ("minLength", ["0", "3", "-1"]), ("maxLength", ["8", "0"]), ("pattern", ["\"[a-z]+\"", "\"(a\"", "'^x$'"])],
        "bool": [("default", ["true", "false", "\"true\"", "\"yes\"", "1"]), ("example", ["true", "\"no\""])],
        "int": [("default", ["8080", "\"8080\"", "-3", "1.5"]), ("minimum", ["-5", "10", "\"10\""]), ("maximum", ["100", "-10"]),
                ("example", ["3", "\"3\""])],
        "enum": [("values", ["[abc, b]", "[\"yes\", b]", "[1, 2]", "[abc]"]), ("default", ["abc", "b", "\"1\"", "1"]),
                 ("deprecatedValues", ["{old: abc}", "{1: abc}", "{old: b}", "{\"no\": abc}"])],
        "list": [("default", ["[a, b]", "\"a,b\"", "[]", "[1, 2]", "a"]), ("separator", ["\";\"", "\" | \"", ","])],
        "path": [("default", ["/tmp/x", "\"~/x\""]), ("maxLength", ["20"])],
        "url": [("default", ["https://x.y", "\"https://x.y/a?b=c\""]), ("minLength", ["5"])],
    ]

    /// Fields every type takes.
    static let commonFields: [(key: String, spellings: [String])] = [
        ("secret", ["true", "false"]),
        ("seeAlso", ["[X_B]", "X_B", "[]", "[X_NONE]"]),
        ("deprecated", ["true", "false", "{replacement: X_B}", "{}"]),
        ("swiftName", ["custom", "_x", "class", "\"9x\""]),
    ]

    /// Second languages, in the spellings of language tags people write.
    static let targetLanguages = ["fr", "pt-BR", "zh-Hant", "zh-Hant-TW", "es-419", "EN-gb", "en_US", "ja-JP-x-kana", "fil", "x-klingon", "de-CH-1996"]

    /// Top-level fields besides the languages and variables.
    static let headers = ["prefix: X_\n", "prefix: X_\nswift:\n  typeName: XSettings\n", "prefix: X_\nupdated: \"2026-11-22\"\n",
                          "prefix: \"X_\"\nswift: {typeName: _X9}\n", "prefix: X_\nswift: {}\n"]

    static let descriptions = ["{en: Text., fr: Texte.}", "Text.", "{en: {text: Text., untranslated: true}}",
                               "{en: Text., fr: {text: Texte., untranslated: true}}", "{en: Text., fr: {text: Texte.}}"]

    @Test("300 generated registries: each one the loader accepts passes the schema",
          .enabled(if: Python.isReady(["yaml", "jsonschema"]), Python.missingReason))
    func acceptedRegistriesPassTheSchema() throws {
        var generator = SplitMix64(seed: 20261207)
        var accepted: [String] = []
        for _ in 0..<3000 where accepted.count < 300 {
            let type = Self.typedFields.keys.sorted().randomElement(using: &generator)!
            var variable = "    type: \(type)\n"
            for field in Self.typedFields[type]! + Self.commonFields where Int.random(in: 0..<3, using: &generator) == 0 {
                variable += "    \(field.key): \(field.spellings.randomElement(using: &generator)!)\n"
            }
            variable += "    description: \(Self.descriptions.randomElement(using: &generator)!)\n"
            let target = Self.targetLanguages.randomElement(using: &generator)!
            let header = Self.headers.randomElement(using: &generator)!
            let text = "languages: [en, \(target)]\n\(header)variables:\n  X_A:\n\(variable.replacingOccurrences(of: "fr:", with: target + ":"))"
                + "  X_B:\n    type: string\n    description: {en: B.}\n"
            if RegistryLoader.load(bytes: Array(text.utf8), path: "variables.yaml").registry != nil { accepted.append(text) }
        }
        try #require(accepted.count >= 100, "only \(accepted.count) generated registries load")
        let script = #"""
            import json, sys, yaml, jsonschema
            schema = json.load(open(sys.argv[1]))
            validator = jsonschema.Draft7Validator(schema)
            for text in json.load(sys.stdin):
                errors = sorted(error.message for error in validator.iter_errors(yaml.safe_load(text)))
                print(json.dumps(errors[:3]))
            """#
        let run = try Python.run(script, arguments: [JSONSchemaTests.root.appending(path: "Content/variables.schema.json").path],
                                 input: try JSONSerialization.data(withJSONObject: accepted))
        let lines = run.output.split(separator: "\n")
        try #require(lines.count == accepted.count, "\(run.errors)")
        var refused: [String] = []
        for (text, line) in zip(accepted, lines) where line != "[]" {
            refused.append("\(line)\n\(text)")
        }
        #expect(refused.isEmpty, "\(refused.count) accepted registries fail the schema; first:\n\(refused.prefix(3).joined(separator: "\n"))")
    }
}
