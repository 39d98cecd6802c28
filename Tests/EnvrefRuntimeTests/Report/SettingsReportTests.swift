import EnvrefRuntime
import Testing

@Suite struct SettingsReportTests {
    private func resolution() throws -> SettingsResolution {
        try DemoSchema.resolve(
            ["DEMO_RETRIES": "5", "DEMO_OLD_TOKEN": "a-long-enough-secret"],
            environment: ["DEMO_TAGS": "a;b", "DEMO_SERVER": "https://demo.example/", "DEMO_MODE": "quick"])
    }

    @Test func textListsSetValuesWithTheirOrigin() throws {
        #expect(SettingsReport(try resolution()).text == """
            environment\tDEMO_MODE=fast
            override\tDEMO_RETRIES=5
            default\tDEMO_VERBOSE=false
            environment\tDEMO_SERVER=https://demo.example/
            default\tDEMO_CACHE=/home/demo/cache
            environment\tDEMO_TAGS=a;b
            override\tDEMO_TOKEN=<REDACTED>
            """)
    }

    @Test func jsonListsEverySettingWithTypedValues() throws {
        #expect(SettingsReport(try resolution()).json == """
            {
              "DEMO_CACHE" : {
                "source" : "default",
                "value" : "/home/demo/cache"
              },
              "DEMO_LEGACY" : {
                "source" : "default",
                "value" : null
              },
              "DEMO_MODE" : {
                "source" : "environment",
                "value" : "fast"
              },
              "DEMO_RETRIES" : {
                "source" : "override",
                "value" : 5
              },
              "DEMO_RUN_ID" : {
                "source" : "default",
                "value" : null
              },
              "DEMO_SERVER" : {
                "source" : "environment",
                "value" : "https://demo.example/"
              },
              "DEMO_TAGS" : {
                "source" : "environment",
                "value" : [
                  "a",
                  "b"
                ]
              },
              "DEMO_TOKEN" : {
                "deprecatedName" : "DEMO_OLD_TOKEN",
                "source" : "override",
                "value" : "<REDACTED>"
              },
              "DEMO_VERBOSE" : {
                "source" : "default",
                "value" : false
              }
            }
            """)
    }

    @Test func descriptionsListPropertiesInRegistryOrder() throws {
        let resolved = try resolution()
        #expect(resolved.description == "DemoSettings(mode: fast, retries: 5, verbose: false, server: https://demo.example/, runID: nil, cache: /home/demo/cache, tags: a;b, token: <REDACTED>, legacy: nil)")
        #expect(resolved.debugDescription.hasPrefix("DemoSettings(mode: fast (environment), retries: 5 (override), verbose: false (default),"))
    }

    @Test func sourcesOrderByPrecedence() {
        #expect(SettingSource.allCases.sorted() == [.override, .environment, .projectSettings, .userSettings, .default])
        #expect(SettingSource.allCases.map(\.description) == ["override", "environment", "project-settings", "user-settings", "default"])
    }
}
