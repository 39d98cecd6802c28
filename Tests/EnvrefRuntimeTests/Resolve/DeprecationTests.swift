import EnvrefRuntime
import Testing
import WandbSettings

/// Deprecated names read through to their replacement and deprecated values map to theirs, with warnings.
@Suite struct DeprecationTests {
    @Test func deprecatedNameReadsThroughWithAWarning() throws {
        let project = try TemporaryProject()
        let settings = try WandbSettings(inputs: project.inputs(["WANDB_DESCRIPTION": "baseline", "WANDB_RETRY": "allow"]))
        #expect(settings.name == "baseline")
        #expect(settings.resume == .allow)
        #expect(settings.resolution["WANDB_NAME"]?.readName == "WANDB_DESCRIPTION")
        #expect(settings.resolution.warnings.map(\.description) == [
            "WANDB_DESCRIPTION (environment) is deprecated; use WANDB_NAME instead",
            "WANDB_RETRY (environment) is deprecated; use WANDB_RESUME instead",
        ])
        #expect(settings.resolution.warnings.map(\.kind) == [.deprecatedName, .deprecatedName])
    }

    @Test func currentNameBeatsADeprecatedOneInTheSameLayer() throws {
        let project = try TemporaryProject()
        let settings = try WandbSettings(inputs: project.inputs(["WANDB_DESCRIPTION": "old", "WANDB_NAME": "new"]))
        #expect(settings.name == "new")
        #expect(settings.resolution.warnings.map(\.description) == [
            "WANDB_DESCRIPTION (environment) is deprecated; use WANDB_NAME instead; ignored because WANDB_NAME is set (environment)",
        ])
    }

    @Test func deprecatedNameInAHigherLayerBeatsTheCurrentNameBelow() throws {
        let project = try TemporaryProject()
        try project.writeProjectSettings("[default]\nname = from-file\n")
        let settings = try WandbSettings(overrides: ["WANDB_DESCRIPTION": "from-override"], inputs: project.inputs())
        #expect(settings.name == "from-override")
        #expect(settings.resolution.source(of: "WANDB_NAME") == .override)
        #expect(settings.resolution.warnings.map(\.description) == ["WANDB_DESCRIPTION (override) is deprecated; use WANDB_NAME instead"])
    }

    @Test func deprecatedNameInASettingsFileUsesItsINIKey() throws {
        let project = try TemporaryProject()
        try project.writeUserSettings("[default]\ndescription = from-user-file\n")
        let settings = try WandbSettings(inputs: project.inputs())
        #expect(settings.name == "from-user-file")
        #expect(settings.resolution.warnings.map(\.description) == ["WANDB_DESCRIPTION (user-settings) is deprecated; use WANDB_NAME instead"])
    }

    @Test func deprecatedValueMapsToItsReplacementWithAWarning() throws {
        let project = try TemporaryProject()
        let settings = try WandbSettings(inputs: project.inputs(["WANDB_MODE": "dryrun"]))
        #expect(settings.mode == .offline)
        #expect(settings.resolution.warnings.map(\.description) == ["WANDB_MODE='dryrun' (environment) is deprecated; use 'offline' instead"])
        #expect(settings.resolution.warnings.map(\.kind) == [.deprecatedValue])
    }

    @Test func deprecatedSettingWithoutReplacementWarnsWhenSet() throws {
        let resolution = try DemoSchema.resolve(["DEMO_LEGACY": "yes"])
        #expect(resolution.value("DEMO_LEGACY", as: Bool.self) == true)
        #expect(resolution.warnings.map(\.description) == ["DEMO_LEGACY (override) is deprecated"])
        #expect(try DemoSchema.resolve().warnings.isEmpty)
    }

    @Test func deprecatedValueOfTheOldNameIsReadAsTheNewValue() throws {
        let resolution = try DemoSchema.resolve(environment: ["DEMO_MODE": "quick"])
        #expect(resolution.value("DEMO_MODE", as: String.self) == "fast")
        #expect(resolution.warnings.map(\.description) == ["DEMO_MODE='quick' (environment) is deprecated; use 'fast' instead"])
    }

    /// Calling the deprecated accessor from a deprecated context keeps the build free of warnings.
    @available(*, deprecated)
    private func oldNames(_ settings: WandbSettings) -> (String?, WandbSettings.Resume) {
        (settings.wandbDescription, settings.retry)
    }

    @available(*, deprecated)
    @Test func deprecatedPropertiesReadTheReplacement() throws {
        let project = try TemporaryProject()
        let settings = try WandbSettings(overrides: ["WANDB_NAME": "run", "WANDB_RESUME": "must"], inputs: project.inputs())
        let (description, retry) = oldNames(settings)
        #expect(description == "run")
        #expect(retry == .must)
    }
}
