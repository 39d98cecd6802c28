import EnvrefRuntime
import Foundation
import Testing

/// The plugin generated `TrickySettings` from this target's variables.yaml; that this file compiles is
/// the compile test, and the tests check the awkward names behave.
@Suite struct TrickySettingsTests {
    let inputs = SettingsInputs(environment: [:], workingDirectory: "/nonexistent", homeDirectory: "/home/tricky")

    @Test func keywordsAndReservedNamesAreUsable() throws {
        let settings = try TrickySettings(inputs: inputs)
        #expect(settings.default == "fallback")
        #expect(settings.class == true)
        #expect(settings.trickySelf == nil)
        #expect(settings.tricky2faCode == nil)
        #expect(settings.trickyDescription == nil)
        #expect(settings.type == .default)
        #expect(settings.string == nil)
        #expect(settings.url == URL(string: "https://example.com/path?query=1"))
        #expect(settings.list == ["x", "y"])
        #expect(settings.quoted == #"has "quotes", a \backslash and \(interpolation)"#)
        #expect(settings.homeFolder == "/home/tricky/tricky")
    }

    @Test func enumCasesKeepTheirRawValues() {
        #expect(TrickySettings.TypeValue.allCases.map(\.rawValue) == ["default", "self", "in", "Type", "1", "on-demand", "true"])
        #expect(TrickySettings.TypeValue.allCases == [.default, .selfValue, .in, .type, ._1, .onDemand, .true])
        #expect(TrickySettings.String.allCases.map(\.rawValue) == ["plain", "fancy"])
    }

    @Test func valuesReadThroughTheAwkwardNames() throws {
        let settings = try TrickySettings(
            overrides: ["TRICKY_TYPE": "on-demand", "TRICKY_2FA_CODE": "123456", "TRICKY_STRING": "fancy", "TRICKY_SELF": "me"],
            inputs: SettingsInputs(environment: ["TRICKY_RETIRED": "old", "TRICKY_LIST": " a ;; b "], workingDirectory: "/nonexistent",
                                   homeDirectory: "/home/tricky"))
        #expect(settings.type == .onDemand)
        #expect(settings.tricky2faCode == 123456)
        #expect(settings.string == .fancy)
        #expect(settings.trickySelf == "me")
        #expect(settings.default == "old")
        #expect(settings.list == ["a", "b"])
        #expect(settings.resolution.warnings.map(\.message) == ["TRICKY_RETIRED (environment) is deprecated; use TRICKY_DEFAULT instead"])
    }

    @Test func deprecatedValueOfAKeywordEnumReadsAsItsReplacement() throws {
        let settings = try TrickySettings(overrides: ["TRICKY_TYPE": "classic"], inputs: inputs)
        #expect(settings.type == .default)
        #expect(settings.resolution.warnings.map(\.message) == ["TRICKY_TYPE='classic' (override) is deprecated; use 'default' instead"])
    }

    @Test func secretIsRedactedInDescriptions() throws {
        let secret = "tricky-secret-value"
        let settings = try TrickySettings(overrides: ["TRICKY_API_KEY": secret], inputs: inputs)
        #expect(settings.apiKey == secret)
        var dumped = ""
        dump(settings, to: &dumped)
        for text in [settings.description, settings.debugDescription, dumped, String(reflecting: settings)] {
            #expect(!text.contains(secret))
            #expect(text.contains(Redaction.marker))
        }
    }
}
