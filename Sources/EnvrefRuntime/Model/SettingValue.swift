import Foundation

/// A typed setting value after parsing and validation.
public enum SettingValue: Sendable, Hashable {
    /// Free text.
    case string(String)
    /// A boolean.
    case bool(Bool)
    /// A whole number.
    case int(Int)
    /// A path with `~` already expanded.
    case path(String)
    /// An absolute URL.
    case url(URL)
    /// One of the allowed values, after mapping a deprecated value to its replacement.
    case enumeration(String)
    /// List items, trimmed, without empty items.
    case list([String])

    /// The value as text: list items joined with `separator`, booleans as `true` or `false`.
    public func text(separator: String = ",") -> String {
        switch self {
        case .string(let text), .path(let text), .enumeration(let text): text
        case .bool(let flag): flag ? "true" : "false"
        case .int(let number): String(number)
        case .url(let url): url.absoluteString
        case .list(let items): items.joined(separator: separator)
        }
    }
}

/// A type a setting value converts to; generated properties use these types.
public protocol SettingRepresentable: Sendable {
    /// Converts a resolved value, or fails when the value is of another kind.
    init?(setting: SettingValue)
}

extension String: SettingRepresentable {
    /// Accepts text, paths and enum values.
    public init?(setting: SettingValue) {
        switch setting {
        case .string(let text), .path(let text), .enumeration(let text): self = text
        default: return nil
        }
    }
}

extension Bool: SettingRepresentable {
    /// Accepts booleans.
    public init?(setting: SettingValue) {
        guard case .bool(let flag) = setting else { return nil }
        self = flag
    }
}

extension Int: SettingRepresentable {
    /// Accepts whole numbers.
    public init?(setting: SettingValue) {
        guard case .int(let number) = setting else { return nil }
        self = number
    }
}

extension URL: SettingRepresentable {
    /// Accepts URLs.
    public init?(setting: SettingValue) {
        guard case .url(let url) = setting else { return nil }
        self = url
    }
}

extension Array: SettingRepresentable where Element == String {
    /// Accepts lists.
    public init?(setting: SettingValue) {
        guard case .list(let items) = setting else { return nil }
        self = items
    }
}

/// A generated enum of allowed values; its raw values are the values as written in the environment.
public protocol SettingEnumeration: SettingRepresentable, RawRepresentable, CaseIterable, Hashable where RawValue == String {}

extension SettingEnumeration {
    /// Accepts an enum value whose text is one of the cases' raw values.
    ///
    /// Inlinable, so each generated enum gets its own copy instead of a generic one that looks up type
    /// metadata on every call.
    @inlinable
    public init?(setting: SettingValue) {
        guard case .enumeration(let text) = setting else { return nil }
        self.init(rawValue: text)
    }
}
