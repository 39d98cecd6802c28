import Configuration
import Foundation

/// A swift-configuration provider for one section of an INI settings file, such as W&B's
/// `wandb/settings` and `~/.config/wandb/settings`.
///
/// A key's components are joined with `_`, the key prefix is dropped and the rest is lowercased, so both
/// `WANDB_BASE_URL` and `wandb.base_url` read the INI key `base_url`. Values are text; numbers, booleans
/// (`true/false/1/0/yes/no`) and comma-separated arrays are converted on request.
public struct SettingsFileProvider: Sendable {
    /// The values of the section, by INI key.
    public let values: [String: String]
    /// The prefix dropped from key names.
    public let keyPrefix: String
    /// The name shown in access logs, usually the file's path.
    public let name: String
    private let secretsSpecifier: SecretsSpecifier<String, String>

    /// Creates a provider over values already read, keyed by INI key.
    public init(values: [String: String], keyPrefix: String, name: String,
                secretsSpecifier: SecretsSpecifier<String, String> = .none) {
        self.values = values
        self.keyPrefix = keyPrefix
        self.name = name
        self.secretsSpecifier = secretsSpecifier
    }

    /// Creates a provider over one section of parsed INI text.
    public init(document: INIDocument, section: String = "default", keyPrefix: String, name: String,
                secretsSpecifier: SecretsSpecifier<String, String> = .none) {
        self.init(values: document.values(in: section), keyPrefix: keyPrefix, name: name, secretsSpecifier: secretsSpecifier)
    }

    /// The INI key for a variable name: the prefix dropped, the rest lowercased (`WANDB_BASE_URL` → `base_url`).
    public static func iniKey(for name: String, droppingPrefix prefix: String) -> String {
        let upper = name.uppercased()
        let withoutPrefix = !prefix.isEmpty && upper.hasPrefix(prefix.uppercased()) && upper.count > prefix.count
            ? String(name.dropFirst(prefix.count)) : name
        return withoutPrefix.lowercased()
    }

    /// The INI key a configuration key reads.
    public func encodedKey(_ key: AbsoluteConfigKey) -> String {
        Self.iniKey(for: key.components.joined(separator: "_"), droppingPrefix: keyPrefix)
    }

    /// Why a value could not be converted to the requested type.
    public struct ConversionError: Error, CustomStringConvertible {
        /// The INI key.
        public var key: String
        /// The requested type.
        public var type: ConfigType

        /// Names the key and the type, never the value.
        public var description: String { "settings file value for '\(key)' is not a valid \(type.rawValue)" }
    }

    private func content(_ text: String, key: String, type: ConfigType) throws -> ConfigContent {
        func items() -> [String] {
            // Split on the comma's byte, as Python splits: a comma followed by a combining mark is still a comma.
            text.utf8.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
                .map { String(Substring($0).trimmingWhitespace()) }
        }
        func convert<T>(_ item: String, _ parse: (String) -> T?) throws -> T {
            guard let value = parse(item) else { throw ConversionError(key: key, type: type) }
            return value
        }
        let bool: (String) -> Bool? = { text in
            switch text.trimmingWhitespace().lowercased() {
            case "true", "1", "yes": true
            case "false", "0", "no": false
            default: nil
            }
        }
        let bytes: (String) -> [UInt8]? = { Data(base64Encoded: $0).map(Array.init) }
        switch type {
        case .string: return .string(text)
        case .int: return .int(try convert(text) { Int($0.trimmingWhitespace()) })
        case .double: return .double(try convert(text) { Double($0.trimmingWhitespace()) })
        case .bool: return .bool(try convert(text, bool))
        case .bytes: return .bytes(try convert(text, bytes))
        case .stringArray: return .stringArray(items())
        case .intArray: return .intArray(try items().map { try convert($0) { Int($0) } })
        case .doubleArray: return .doubleArray(try items().map { try convert($0) { Double($0) } })
        case .boolArray: return .boolArray(try items().map { try convert($0, bool) })
        case .byteChunkArray: return .byteChunkArray(try items().map { try convert($0, bytes) })
        }
    }
}

extension SettingsFileProvider: ConfigSnapshot {
    /// `SettingsFileProvider[name]`.
    public var providerName: String { "SettingsFileProvider[\(name)]" }

    /// The value of the INI key the configuration key maps to, converted to `type`.
    public func value(forKey key: AbsoluteConfigKey, type: ConfigType) throws -> LookupResult {
        let iniKey = encodedKey(key)
        guard let text = values[iniKey] else { return LookupResult(encodedKey: iniKey, value: nil) }
        let content = try content(text, key: iniKey, type: type)
        return LookupResult(encodedKey: iniKey, value: ConfigValue(content, isSecret: secretsSpecifier.isSecret(key: iniKey, value: text)))
    }
}

extension SettingsFileProvider: ConfigProvider {
    /// Reads the value; the file was read once, so fetching is the same as reading.
    public func fetchValue(forKey key: AbsoluteConfigKey, type: ConfigType) async throws -> LookupResult {
        try value(forKey: key, type: type)
    }

    /// Emits the current value once; the provider does not watch the file.
    public nonisolated(nonsending) func watchValue<Return: ~Copyable>(
        forKey key: AbsoluteConfigKey,
        type: ConfigType,
        updatesHandler: nonisolated(nonsending) (_ updates: ConfigUpdatesAsyncSequence<Result<LookupResult, any Error>, Never>) async throws -> Return
    ) async throws -> Return {
        try await watchValueFromValue(forKey: key, type: type, updatesHandler: updatesHandler)
    }

    /// The provider itself: it never changes.
    public func snapshot() -> any ConfigSnapshot { self }

    /// Emits the only snapshot once.
    public nonisolated(nonsending) func watchSnapshot<Return: ~Copyable>(
        updatesHandler: nonisolated(nonsending) (_ updates: ConfigUpdatesAsyncSequence<any ConfigSnapshot, Never>) async throws -> Return
    ) async throws -> Return {
        try await watchSnapshotFromSnapshot(updatesHandler: updatesHandler)
    }
}

extension SettingsFileProvider: CustomStringConvertible, CustomDebugStringConvertible {
    /// `SettingsFileProvider[name, N values]`.
    public var description: String { "SettingsFileProvider[\(name), \(values.count) values]" }

    /// Every key and value, secrets redacted.
    public var debugDescription: String {
        let pairs = values.sorted { $0.key < $1.key }
            .map { "\($0.key)=\(secretsSpecifier.isSecret(key: $0.key, value: $0.value) ? Redaction.marker : $0.value)" }
        return "SettingsFileProvider[\(name), \(values.count) values: \(pairs.joined(separator: ", "))]"
    }
}
