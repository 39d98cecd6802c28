import EnvrefRuntime
import Testing

@Suite("Setting definitions")
struct SettingDefinitionTests {
    static func mode() -> SettingDefinition {
        SettingDefinition("DEMO_MODE", property: "mode", kind: .enumeration(values: ["online", "offline"], deprecatedValues: ["dryrun": "offline"]),
                          default: "online", deprecatedNames: ["DEMO_OLD_MODE"])
    }

    @Test("two definitions made apart are equal and hash alike when every field is")
    func equalByFields() {
        #expect(Self.mode() == Self.mode())
        #expect(Self.mode().hashValue == Self.mode().hashValue)
        var secret = Self.mode()
        secret.isSecret = true
        #expect(secret != Self.mode())
    }

    @Test("changing a copy leaves the original as it was")
    func copyOnWrite() {
        let original = Self.mode()
        var copy = original
        copy.name = "DEMO_OTHER"
        copy.constraints.maxLength = 8
        #expect(original.name == "DEMO_MODE")
        #expect(original.constraints.maxLength == nil)
        #expect(copy.name == "DEMO_OTHER")
        #expect(copy.constraints.maxLength == 8)
        #expect(copy != original)
    }
}
