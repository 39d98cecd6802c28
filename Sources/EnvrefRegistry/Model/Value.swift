import EnvrefCore
import Foundation

/// A typed value from the registry, such as a default.
public enum Value: Hashable, Sendable {
    /// Text, also used for enum, path and URL values.
    case string(String)
    /// A boolean.
    case bool(Bool)
    /// A whole number.
    case int(Int)
    /// The items of a list.
    case list([String])

    /// The value as it would be written in the environment.
    public func environmentText(separator: String = ",") -> String {
        switch self {
        case .string(let text): text
        case .bool(let flag): flag ? "true" : "false"
        case .int(let number): String(number)
        case .list(let items): items.joined(separator: separator)
        }
    }
}

/// The booleans `true/false/1/0/yes/no` in any case, shared by the loader and generated code's runtime.
public enum BooleanText {
    /// Parses a boolean the way every envref component does.
    public static func parse(_ text: String) -> Bool? {
        switch text.trimmingWhitespace().lowercased() {
        case "true", "1", "yes": true
        case "false", "0", "no": false
        default: nil
        }
    }
}

