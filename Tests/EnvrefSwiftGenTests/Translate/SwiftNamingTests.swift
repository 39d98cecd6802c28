import EnvrefSwiftGen
import Testing

@Suite struct SwiftNamingTests {
    @Test(arguments: [
        (["API", "KEY"], "apiKey"), (["BASE", "URL"], "baseURL"), (["RUN", "ID"], "runID"), (["MODE"], "mode"),
        (["URL", "PATH"], "urlPath"), (["2FA", "CODE"], "2faCode"), ([], ""),
    ])
    func lowerCamelCase(words: [String], expected: String) {
        #expect(SwiftNaming.lowerCamelCase(words) == expected)
    }

    @Test(arguments: [(["API", "KEY"], "APIKey"), (["MODE"], "Mode"), (["RUN", "ID"], "RunID")])
    func upperCamelCase(words: [String], expected: String) {
        #expect(SwiftNaming.upperCamelCase(words) == expected)
    }

    @Test(arguments: [
        ("online", "online"), ("on-demand", "onDemand"), ("DRY_RUN", "dryRun"), ("dryRun", "dryRun"), ("DryRun", "dryRun"),
        ("1", "_1"), ("2fa", "_2fa"), ("self", "selfValue"), ("Self", "selfValue"), ("Type", "type"), ("init", "initValue"),
        ("rawValue", "rawValueValue"), ("allCases", "allCasesValue"), ("default", "default"), ("a.b c", "aBC"), ("été", "été"),
    ])
    func caseNames(value: String, expected: String) {
        #expect(SwiftNaming.caseName(forValue: value) == expected)
    }

    @Test func valueWithoutLettersOrDigitsHasNoCaseName() {
        #expect(SwiftNaming.caseName(forValue: "-") == nil)
        #expect(SwiftNaming.caseName(forValue: "") == nil)
    }

    @Test func keywordsNeedBackticks() {
        #expect(SwiftNaming.needsBackticks("default"))
        #expect(SwiftNaming.needsBackticks("class"))
        #expect(!SwiftNaming.needsBackticks("mode"))
        #expect(SwiftName("in").declared == "`in`")
        #expect(SwiftName("mode").declared == "mode")
    }
}
