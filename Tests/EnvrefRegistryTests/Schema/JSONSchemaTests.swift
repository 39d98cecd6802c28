import EnvrefTestSupport
import Foundation
import Testing

@testable import EnvrefRegistry

@Suite("The shipped JSON Schema")
struct JSONSchemaTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "../../..").standardized

    func schema() throws -> [String: Any] {
        let data = try Data(contentsOf: Self.root.appending(path: "Content/variables.schema.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func properties(_ object: Any?) -> Set<String> {
        Set(((object as? [String: Any])?["properties"] as? [String: Any])?.keys ?? [:].keys)
    }

    @Test("it names exactly the keys the loader accepts, at every level")
    func keysAgree() throws {
        let schema = try schema()
        let definitions = try #require(schema["definitions"] as? [String: Any])
        #expect(properties(schema) == Set(RegistrySchema.topLevelKeys))
        #expect(properties((schema["properties"] as? [String: Any])?["swift"]) == Set(RegistrySchema.swiftKeys))
        #expect(properties(definitions["variable"]) == Set(RegistrySchema.variableKeys))
        let typeEnum = ((definitions["variable"] as? [String: Any]).flatMap { ($0["properties"] as? [String: Any])?["type"] as? [String: Any] })?["enum"] as? [String]
        #expect(typeEnum == VariableType.allCases.map(\.rawValue))
    }

    @Test("the embedded registry validates against it (python jsonschema)",
          .enabled(if: Python.isReady(["yaml", "jsonschema"]), Python.missingReason))
    func contentValidates() throws {
        let run = try Python.run("""
            import json, sys, yaml, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft7Validator.check_schema(schema)
            jsonschema.validate(yaml.safe_load(open(sys.argv[2])), schema)
            """, arguments: [Self.root.appending(path: "Content/variables.schema.json").path, Self.root.appending(path: "Content/variables.yaml").path])
        #expect(run.status == 0, "\(run.errors)")
    }

    @Test("the registry points editors at the schema")
    func modeline() throws {
        let text = try String(contentsOf: Self.root.appending(path: "Content/variables.yaml"), encoding: .utf8)
        #expect(text.hasPrefix("# yaml-language-server: $schema=variables.schema.json\n"))
    }
}
