import Foundation

/// Shows a resolution the way `git config --list --show-origin` does, as text or JSON; secrets redacted.
public struct SettingsReport: Sendable {
    /// The settings to show.
    public var resolution: SettingsResolution

    /// Creates a report.
    public init(_ resolution: SettingsResolution) {
        self.resolution = resolution
    }

    /// One line per setting that has a value: `origin<TAB>NAME=value`, where the origin is the source,
    /// followed by `:path` for settings files.
    public var text: String {
        resolution.settings.compactMap { setting -> String? in
            guard let shown = setting.shownText else { return nil }
            let origin = setting.filePath.map { "\(setting.source):\($0)" } ?? setting.source.rawValue
            return "\(origin)\t\(setting.name)=\(shown)"
        }.joined(separator: "\n")
    }

    /// An object keyed by variable name: `{"WANDB_MODE": {"source": "environment", "value": "offline"}}`.
    ///
    /// Every setting is listed; unset ones have a `null` value. Lists are arrays, booleans and numbers are
    /// JSON booleans and numbers, a set secret is the redaction marker. `file` names the settings file a value
    /// came from, and `deprecatedName` the old name it was read under.
    public var json: String {
        let entries = Dictionary(resolution.settings.map { ($0.name, Entry(setting: $0)) }, uniquingKeysWith: { first, _ in first })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding strings, numbers and booleans cannot fail.
        return String(decoding: (try? encoder.encode(entries)) ?? Data("{}".utf8), as: UTF8.self)
    }

    private struct Entry: Encodable {
        var setting: ResolvedSetting

        enum CodingKeys: String, CodingKey {
            case value, source, file, deprecatedName
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(setting.source.rawValue, forKey: .source)
            try container.encodeIfPresent(setting.filePath, forKey: .file)
            if setting.readName != setting.name { try container.encode(setting.readName, forKey: .deprecatedName) }
            switch setting.value {
            case nil: try container.encodeNil(forKey: .value)
            case _ where setting.definition.isSecret: try container.encode(Redaction.marker, forKey: .value)
            case .bool(let flag)?: try container.encode(flag, forKey: .value)
            case .int(let number)?: try container.encode(number, forKey: .value)
            case .list(let items)?: try container.encode(items, forKey: .value)
            case let value?: try container.encode(value.text(), forKey: .value)
            }
        }
    }
}
