/// A BCP 47 language tag such as `en`, `ja` or `pt-BR`.
public struct LanguageCode: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The tag as written.
    public var rawValue: String

    /// Accepts anything; use `isWellFormed` to check.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Creates a code from a literal.
    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    /// Whether the tag has the shape `ll`, `lll`, or those followed by `-` subtags (`pt-BR`, `zh-Hant`).
    public var isWellFormed: Bool {
        let parts = rawValue.split(separator: "-", omittingEmptySubsequences: false)
        guard let language = parts.first, (2...3).contains(language.count),
            language.allSatisfy({ $0.isASCII && $0.isLowercase })
        else { return false }
        return parts.dropFirst().allSatisfy { subtag in
            (2...8).contains(subtag.count) && subtag.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }

    /// The tag.
    public var description: String { rawValue }

    /// Orders alphabetically by tag.
    public static func < (lhs: LanguageCode, rhs: LanguageCode) -> Bool { lhs.rawValue < rhs.rawValue }
}
