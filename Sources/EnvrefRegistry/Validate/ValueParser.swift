import EnvrefCore
import Foundation

/// Why a text is not a valid value for a variable.
public enum ValueProblem: Error, Hashable, Sendable {
    /// Not a value of the type at all.
    case notOfType(VariableType)
    /// Not among an enum's allowed values.
    case notAllowed(values: [String])
    /// Shorter than `minLength`.
    case tooShort(minimum: Int)
    /// Longer than `maxLength`.
    case tooLong(maximum: Int)
    /// Does not match `pattern`.
    case patternMismatch(String)
    /// Below `minimum`.
    case belowMinimum(Int)
    /// Above `maximum`.
    case aboveMaximum(Int)

    /// What was expected, phrased to follow "expected".
    public var expectation: String {
        switch self {
        case .notOfType(.bool): "true, false, 1, 0, yes or no"
        case .notOfType(.int): "a whole number"
        case .notOfType(.url): "an absolute URL such as https://example.com"
        case .notOfType(let type): "a \(type)"
        case .notAllowed(let values): "one of \(values.joined(separator: ", "))"
        case .tooShort(let minimum): "at least \(minimum) characters"
        case .tooLong(let maximum): "at most \(maximum) characters"
        case .patternMismatch(let pattern): "a value matching \(pattern)"
        case .belowMinimum(let minimum): "at least \(minimum)"
        case .aboveMaximum(let maximum): "at most \(maximum)"
        }
    }

    /// A message about `text`, such as `'bogus' is not valid: expected one of a, b`.
    public func message(quoting text: String) -> String {
        "'\(text)' is not valid: expected \(expectation)"
    }
}

/// Parses text into a typed `Value`, applying the variable's type and constraints.
public enum ValueParser {
    /// `text` split on the separator's UTF-8 bytes, as the runtime and a shell split it: a separator followed by a
    /// combining mark is one `Character`, which a `Character` search would not split at.
    static func split(_ text: String, on separator: String) -> [String] {
        guard !separator.isEmpty else { return [text] }
        return text.utf8.split(separator: separator.utf8, omittingEmptySubsequences: false).map { String(Substring($0)) }
    }

    /// Parses `text` as a value of `variable`; deprecated enum values map to their replacement.
    public static func parse(_ text: String, as variable: Variable) -> Result<Value, ValueProblem> {
        parse(text, as: variable, pattern: variable.constraints.pattern.flatMap { try? ValuePattern($0) })
    }

    /// Parses as `parse(_:as:)` does, with the variable's pattern already compiled (`nil` when it has none).
    static func parse(_ text: String, as variable: Variable, pattern: ValuePattern?) -> Result<Value, ValueProblem> {
        switch variable.type {
        case .bool:
            guard let flag = BooleanText.parse(text) else { return .failure(.notOfType(.bool)) }
            return .success(.bool(flag))
        case .int:
            guard let number = Int(text.trimmingWhitespace()) else { return .failure(.notOfType(.int)) }
            if let minimum = variable.constraints.minimum, number < minimum { return .failure(.belowMinimum(minimum)) }
            if let maximum = variable.constraints.maximum, number > maximum { return .failure(.aboveMaximum(maximum)) }
            return .success(.int(number))
        case .enumeration:
            if variable.values.contains(text) { return .success(.string(text)) }
            if let deprecated = variable.deprecatedValues.first(where: { $0.value == text }) {
                return .success(.string(deprecated.replacement))
            }
            return .failure(.notAllowed(values: variable.values))
        case .list:
            let items = Self.split(text, on: variable.separator)
                .map { $0.trimmingWhitespace() }
                .filter { !$0.isEmpty }
            return .success(.list(items))
        case .url:
            guard let url = URL(string: text), let scheme = url.scheme, !scheme.isEmpty, url.host?.isEmpty == false else {
                return .failure(.notOfType(.url))
            }
            return checkLength(text, variable)
        case .string, .path:
            if variable.type == .string, let source = variable.constraints.pattern, let pattern, !pattern.matchesWhole(text) {
                return .failure(.patternMismatch(source))
            }
            return checkLength(text, variable)
        }
    }

    private static func checkLength(_ text: String, _ variable: Variable) -> Result<Value, ValueProblem> {
        if let minimum = variable.constraints.minLength, text.count < minimum { return .failure(.tooShort(minimum: minimum)) }
        if let maximum = variable.constraints.maxLength, text.count > maximum { return .failure(.tooLong(maximum: maximum)) }
        return .success(.string(text))
    }
}
