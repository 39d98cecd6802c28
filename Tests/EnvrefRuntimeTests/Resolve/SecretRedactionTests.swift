import Configuration
import EnvrefRuntime
import Foundation
import Testing
import WandbSettings

/// A secret set anywhere must not appear in any output: searched for in every text the API can produce.
@Suite struct SecretRedactionTests {
    static let secret = "s3cr3t-api-key-0123456789abcdef"

    private func everyOutput(of settings: WandbSettings) -> [String: String] {
        var dumped = "", resolutionDump = "", settingDump = ""
        dump(settings, to: &dumped)
        dump(settings.resolution, to: &resolutionDump)
        dump(settings.resolution["WANDB_API_KEY"]!, to: &settingDump)
        let report = SettingsReport(settings.resolution)
        return [
            "description": settings.description, "debugDescription": settings.debugDescription,
            "String(describing:)": String(describing: settings), "String(reflecting:)": String(reflecting: settings),
            "dump": dumped, "resolution dump": resolutionDump, "setting dump": settingDump,
            "resolution": "\(settings.resolution) \(String(reflecting: settings.resolution))",
            "setting": "\(settings.resolution["WANDB_API_KEY"]!) \(String(reflecting: settings.resolution["WANDB_API_KEY"]!))",
            "mirror": Mirror(reflecting: settings).children.map { "\($0.label ?? ""): \($0.value)" }.joined(separator: "\n"),
            "warnings": settings.resolution.warnings.map(\.description).joined(separator: "\n"),
            "json": report.json, "text": report.text,
        ]
    }

    @Test(arguments: ["override", "environment", "project-settings", "user-settings"])
    func secretFromAnyLayerIsRedacted(layer: String) throws {
        let project = try TemporaryProject()
        var overrides: [String: String] = [:]
        var environment: [String: String] = [:]
        switch layer {
        case "override": overrides["WANDB_API_KEY"] = Self.secret
        case "environment": environment["WANDB_API_KEY"] = Self.secret
        case "project-settings": try project.writeProjectSettings("[default]\napi_key = \(Self.secret)\n")
        default: try project.writeUserSettings("[default]\napi_key = \(Self.secret)\n")
        }
        let events = EventCollector()
        let settings = try WandbSettings(overrides: overrides, inputs: project.inputs(environment, accessReporter: events))
        #expect(settings.apiKey == Self.secret)
        #expect(settings.resolution.source(of: "WANDB_API_KEY")?.rawValue == layer)
        for (name, text) in everyOutput(of: settings) {
            #expect(!text.contains(Self.secret), "\(name) shows the secret")
        }
        #expect(settings.description.contains("apiKey: <REDACTED>"))
        #expect(SettingsReport(settings.resolution).text.contains("WANDB_API_KEY=<REDACTED>"))
        let apiKeyEvents = events.descriptions.filter { $0.contains("WANDB_API_KEY") }
        #expect(apiKeyEvents.count == 1)
        for event in events.descriptions { #expect(!event.contains(Self.secret), "access event shows the secret: \(event)") }
        #expect(apiKeyEvents.allSatisfy { $0.contains("<REDACTED>") })
    }

    @Test func invalidSecretIsRedactedInTheError() throws {
        let secret = "too-short"
        let error = try #require(DemoSchema.error(environment: ["DEMO_OLD_TOKEN": secret]))
        for text in [error.description, error.localizedDescription, String(reflecting: error), "\(error.problems)",
                     error.warnings.map(\.description).joined()] {
            #expect(!text.contains(secret))
        }
        #expect(error.problems.map(\.description) == ["DEMO_OLD_TOKEN=<REDACTED> (environment): expected at least 12 characters"])
        var dumped = ""
        dump(error, to: &dumped)
        #expect(!dumped.contains(secret))
    }

    @Test func secretReadUnderADeprecatedNameIsRedactedInWarningsAndReports() throws {
        let secret = "a-long-enough-secret"
        let resolution = try DemoSchema.resolve(environment: ["DEMO_OLD_TOKEN": secret])
        #expect(resolution.value("DEMO_TOKEN", as: String.self) == secret)
        let report = SettingsReport(resolution)
        var dumped = ""
        dump(resolution, to: &dumped)
        for text in [report.json, report.text, resolution.description, resolution.debugDescription, dumped,
                     resolution.warnings.map(\.description).joined()] {
            #expect(!text.contains(secret))
        }
        #expect(resolution.warnings.map(\.description) == ["DEMO_OLD_TOKEN (environment) is deprecated; use DEMO_TOKEN instead"])
    }

    @Test func redactedStandInKeepsOnlyWhetherAValueIsSet() {
        #expect(Redacted("x").description == "<REDACTED>")
        #expect(Redacted(String?.none).description == "nil")
        var dumped = ""
        dump(Redacted("hidden"), to: &dumped)
        #expect(!dumped.contains("hidden"))
    }
}
