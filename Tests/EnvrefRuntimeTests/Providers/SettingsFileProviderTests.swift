import Configuration
import EnvrefRuntime
import Testing

@Suite struct SettingsFileProviderTests {
    let provider = SettingsFileProvider(
        document: INIDocument(parsing: "[default]\nbase_url = https://example.com\nretries = 3\nquiet = Yes\ntags = a, b ,c\napi_key = hunter2\n"),
        keyPrefix: "WANDB_", name: "wandb/settings", secretsSpecifier: .specific(["api_key"]))

    @Test func iniKeysDropThePrefixAndAreLowercase() {
        #expect(SettingsFileProvider.iniKey(for: "WANDB_BASE_URL", droppingPrefix: "WANDB_") == "base_url")
        #expect(SettingsFileProvider.iniKey(for: "OTHER_NAME", droppingPrefix: "WANDB_") == "other_name")
        #expect(SettingsFileProvider.iniKey(for: "WANDB_", droppingPrefix: "WANDB_") == "wandb_")
        #expect(provider.encodedKey(AbsoluteConfigKey(["WANDB_BASE_URL"])) == "base_url")
        #expect(provider.encodedKey(AbsoluteConfigKey(["wandb", "base_url"])) == "base_url")
    }

    @Test func readsThroughAConfigReader() {
        let reader = ConfigReader(provider: provider)
        #expect(reader.string(forKey: ["WANDB_BASE_URL"]) == "https://example.com")
        #expect(reader.string(forKey: "wandb.base_url") == "https://example.com")
        #expect(reader.int(forKey: ["WANDB_RETRIES"]) == 3)
        #expect(reader.bool(forKey: ["WANDB_QUIET"]) == true)
        #expect(reader.stringArray(forKey: ["WANDB_TAGS"]) == ["a", "b", "c"])
        #expect(reader.string(forKey: ["WANDB_MISSING"]) == nil)
    }

    @Test func listsSplitAtEveryCommaByte() {
        // A comma followed by a combining mark is one Character; Python's split, like this one, still splits there.
        let marked = SettingsFileProvider(
            document: INIDocument(parsing: "[default]\ntags = a,\u{301}b, c\n"), keyPrefix: "WANDB_", name: "wandb/settings",
            secretsSpecifier: .none)
        #expect(ConfigReader(provider: marked).stringArray(forKey: ["WANDB_TAGS"]) == ["a", "\u{301}b", "c"])
    }

    @Test func valuesThatDoNotConvertThrow() throws {
        #expect(throws: SettingsFileProvider.ConversionError.self) {
            try provider.value(forKey: AbsoluteConfigKey(["WANDB_BASE_URL"]), type: .int)
        }
    }

    @Test func secretsAreMarkedAndRedactedInDescriptions() throws {
        let result = try provider.value(forKey: AbsoluteConfigKey(["WANDB_API_KEY"]), type: .string)
        #expect(result.value?.isSecret == true)
        #expect(result.encodedKey == "api_key")
        #expect(!provider.debugDescription.contains("hunter2"))
        #expect(provider.debugDescription.contains("api_key=<REDACTED>"))
        #expect(provider.description == "SettingsFileProvider[wandb/settings, 5 values]")
        #expect(provider.providerName == "SettingsFileProvider[wandb/settings]")
    }
}
