import Configuration
import EnvrefRuntime
import Foundation
import Synchronization

/// A hand-written schema with one setting of every kind and limit, for tests that should not depend on the
/// W&B content.
enum DemoSchema {
    static let schema = SettingsSchema(
        typeName: "DemoSettings",
        files: nil,
        definitions: [
            SettingDefinition("DEMO_MODE", property: "mode", kind: .enumeration(values: ["fast", "slow"], deprecatedValues: ["quick": "fast"]), default: "fast"),
            SettingDefinition("DEMO_RETRIES", property: "retries", kind: .int, default: "3", constraints: SettingConstraints(minimum: 0, maximum: 10)),
            SettingDefinition("DEMO_VERBOSE", property: "verbose", kind: .bool, default: "false"),
            SettingDefinition("DEMO_SERVER", property: "server", kind: .url),
            SettingDefinition("DEMO_RUN_ID", property: "runID", kind: .string, constraints: SettingConstraints(minLength: 2, maxLength: 8, pattern: "[a-z0-9]+")),
            SettingDefinition("DEMO_CACHE", property: "cache", kind: .path, default: "~/cache"),
            SettingDefinition("DEMO_TAGS", property: "tags", kind: .list(separator: ";")),
            SettingDefinition("DEMO_TOKEN", property: "token", kind: .string, secret: true, deprecatedNames: ["DEMO_OLD_TOKEN"],
                              constraints: SettingConstraints(minLength: 12)),
            SettingDefinition("DEMO_LEGACY", property: "legacy", kind: .bool, deprecated: true),
        ])

    static func resolve(_ overrides: [String: String] = [:], environment: [String: String] = [:],
                        accessReporter: (any AccessReporter)? = nil) throws(SettingsError) -> SettingsResolution {
        try SettingsResolver(schema: schema).resolve(
            overrides: overrides,
            inputs: SettingsInputs(environment: environment, workingDirectory: "/nonexistent", homeDirectory: "/home/demo",
                                   accessReporter: accessReporter))
    }

    /// The error resolving throws, or `nil` when it resolves.
    static func error(_ overrides: [String: String] = [:], environment: [String: String] = [:]) -> SettingsError? {
        do {
            _ = try resolve(overrides, environment: environment)
            return nil
        } catch {
            return error
        }
    }
}

/// Keeps the text of every access event swift-configuration reports.
final class EventCollector: AccessReporter, Sendable {
    private let events = Mutex<[String]>([])

    func report(_ event: AccessEvent) {
        events.withLock { $0.append(event.description) }
    }

    var descriptions: [String] { events.withLock { $0 } }
}
