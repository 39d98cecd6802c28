import EnvrefCore
import EnvrefRegistry
import Testing

@testable import EnvrefTranslations

@Suite("Emitting a registry")
struct RegistryEmitterTests {
    static let everyField = """
        languages: [en, fr, pt-BR]
        prefix: X_
        swift:
          typeName: XSettings
        variables:
          X_MODE:
            type: enum
            values: [online, "off: line", "yes"]
            deprecatedValues:
              dryrun: online
              "#old": "yes"
            default: "yes"
            example: online
            seeAlso: [X_TAGS]
            description:
              en: "Use `online`.\\n\\n- a list item\\n- another: with colon"
              fr:
                text: "Use `online`."
                untranslated: true
              pt-BR: "  leading spaces, trailing tab\\t"
          X_TAGS:
            type: list
            separator: ";"
            default: [a, "b,c", "#d"]
            secret: true
            description: {en: "# not a comment", fr: "'quoted' \\"double\\" and \\\\ backslash"}
          X_ID:
            type: string
            minLength: 1
            maxLength: 64
            pattern: '^[a-z]+: \\d$'
            swiftName: identifier
            description: {en: "null"}
          X_COUNT:
            type: int
            minimum: -1
            maximum: 10
            default: -1
            description: {en: "123"}
          X_URL:
            type: url
            default: "https://example.com/a?b=c#d"
            description: {en: "~"}
          X_HOME:
            type: path
            default: ~/.x
            description: {en: "Line one\\r\\nwith a CR, a NEL \\u0085 and a bell \\u0007."}
          X_OLD:
            deprecated:
              replacement: X_TAGS
            description: {en: "true"}
          X_GONE:
            type: bool
            deprecated: true
            default: false
            description: {en: ": starts with a colon"}

        """

    @Test("every field and every awkward text reads back to an equal registry")
    func roundTrip() throws {
        let original = try #require(RegistryLoader.load(bytes: Array(Self.everyField.utf8), path: "r.yaml").registry)
        let yaml = RegistryEmitter.yaml(for: original, comments: ["Generated for a test."])
        let loaded = RegistryLoader.load(bytes: Array(yaml.utf8), path: "r.yaml")
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.rendered)\n\(yaml)")
        let reloaded = try #require(loaded.registry)
        #expect(RegistryEditor.content(of: reloaded) == RegistryEditor.content(of: original))
        #expect(RegistryEmitter.yaml(for: reloaded, comments: ["Generated for a test."]) == yaml)
    }

    @Test("the demo registry round-trips, and the output is readable YAML")
    func demo() throws {
        let registry = try Demo.registry()
        let yaml = RegistryEmitter.yaml(for: registry)
        let reloaded = try #require(RegistryLoader.load(bytes: Array(yaml.utf8), path: Demo.path).registry)
        #expect(RegistryEditor.content(of: reloaded) == RegistryEditor.content(of: registry))
        #expect(yaml.contains("""
              DEMO_MODE:
                type: enum
                values: [online, offline, disabled]
                deprecatedValues:
                  dryrun: offline
                default: online
                description:
                  en: |-
                    How the client runs: `online` syncs with the server, `offline` keeps data on disk, and `disabled` turns everything off.
            """))
        #expect(yaml.contains("""
                description:
                  en: The key that authenticates this machine.
            """))
    }

    @Test("scalars that YAML would misread are quoted; plain ones are not", arguments: [
        ("plain text", "plain text"), ("true", "\"true\""), ("No", "\"No\""), ("null", "\"null\""), ("~", "\"~\""),
        ("12", "\"12\""), ("-1", "\"-1\""), ("a: b", "\"a: b\""), ("a #b", "\"a #b\""), ("#a", "\"#a\""), ("", "\"\""),
        (" x", "\" x\""), ("`code`", "\"`code`\""), ("https://x.y/z", "https://x.y/z"), ("tab\there", "\"tab\\there\""),
    ])
    func scalarStyle(_ text: String, _ expected: String) {
        #expect(YAMLScalar.render(text, in: .blockValue(indent: 0)) == expected)
    }
}
