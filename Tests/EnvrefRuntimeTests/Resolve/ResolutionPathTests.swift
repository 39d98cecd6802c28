import Configuration
import EnvrefRuntime
import Foundation
import Testing
import WandbSettings

/// Resolving reads the layers directly unless an access reporter listens, in which case it goes through a
/// swift-configuration `ConfigReader`; both must give the same settings, sources, warnings and errors.
@Suite struct ResolutionPathTests {
    /// Listens to nothing, only to make the resolver take the reader path.
    final class Silent: AccessReporter, Sendable {
        func report(_ event: AccessEvent) {}
    }

    /// The outcome of one resolve, as text that covers every field.
    static func outcome(_ schema: SettingsSchema, _ overrides: [String: String], _ inputs: SettingsInputs) -> String {
        do {
            let resolution = try SettingsResolver(schema: schema).resolve(overrides: overrides, inputs: inputs)
            let settings = resolution.settings.map { "\($0.name)=\(String(describing: $0.value)) \($0.source) \($0.readName) \($0.filePath ?? "-")" }
            return (settings + resolution.warnings.map(\.message)).joined(separator: "\n")
        } catch {
            return "\(error)\n" + error.warnings.map(\.message).joined(separator: "\n")
        }
    }

    static func expectSamePaths(_ schema: SettingsSchema, _ overrides: [String: String], _ inputs: SettingsInputs,
                                sourceLocation: SourceLocation = #_sourceLocation) {
        var listened = inputs
        listened.accessReporter = Silent()
        let direct = outcome(schema, overrides, inputs)
        #expect(direct == outcome(schema, overrides, listened), sourceLocation: sourceLocation)
    }

    @Test func everyLayerDeprecationAndErrorAgree() throws {
        let project = try TemporaryProject()
        try project.writeUserSettings("[default]\nproject = from-user\nentity = from-user\nnotes = from-user\nrun_group = from-user\nretry = must\nbad line\n")
        try project.writeProjectSettings("[default]\nproject = from-project\nentity = \nnotes = from-project\ndescription = old-name\n")
        let environments: [[String: String]] = [
            [:],
            ["WANDB_PROJECT": "from-environment", "WANDB_MODE": "dryrun", "WANDB_NAME": "", "WANDB_DESCRIPTION": "old"],
            ["WANDB_MODE": "bogus", "WANDB_API_KEY": "short", "WANDB_USER_EMAIL": "not-an-email", "WANDB_SILENT": "maybe"],
            ["WANDB_CONFIG_DIR": project.root.path, "WANDB_RESUME": "allow", "WANDB_RETRY": "never", "WANDB_TAGS": " a ,, b "],
            ["WANDB_USER_EMAIL": "someone@example.com", "WANDB_BASE_URL": "https://example.com", "WANDB_DIR": "~/runs"],
        ]
        let overrides: [[String: String]] = [[:], ["WANDB_PROJECT": "from-override", "WANDB_CONFIG_DIR": "~/elsewhere"], ["NOT_A_SETTING": "x", "WANDB_DESCRIPTION": "  "]]
        for environment in environments {
            for override in overrides {
                Self.expectSamePaths(WandbSettings.schema, override, project.inputs(environment))
            }
        }
    }

    @Test func demoSchemaAgrees() {
        let inputs = SettingsInputs(environment: ["DEMO_OLD_TOKEN": "0123456789abcdef", "DEMO_LEGACY": "yes", "DEMO_MODE": "quick",
                                                  "DEMO_RUN_ID": "Bad!", "DEMO_TAGS": "x; y;;", "DEMO_SERVER": "nohost"],
                                    workingDirectory: "/nonexistent", homeDirectory: "/home/demo")
        Self.expectSamePaths(DemoSchema.schema, [:], inputs)
        Self.expectSamePaths(DemoSchema.schema, ["DEMO_TOKEN": "fedcba9876543210", "DEMO_RUN_ID": "ok1"], inputs)
    }

    @Test func theProcessEnvironmentIsReadWhenNoDictionaryIsGiven() throws {
        try withProcessEnvironment {
            setenv("WANDB_JOB_TYPE", "from-process", 1)
            defer { unsetenv("WANDB_JOB_TYPE") }
            let project = try TemporaryProject()
            let inputs = SettingsInputs(workingDirectory: project.workingDirectory.path, homeDirectory: project.home.path)
            let settings = try WandbSettings(inputs: inputs)
            #expect(settings.jobType == "from-process")
            #expect(inputs.environment["WANDB_JOB_TYPE"] == "from-process")
            Self.expectSamePaths(WandbSettings.schema, [:], inputs)
        }
    }
}
