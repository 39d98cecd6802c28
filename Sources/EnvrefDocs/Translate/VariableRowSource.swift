import EnvrefCore
import EnvrefRegistry

/// What one variable's row on one language's page is made from: the facts of the variable the row shows,
/// and the description it shows in that language.
///
/// A row's context is made from this and the page's `ReferenceRows` alone, so what this is made from stands for
/// the row (`VariableRow.rowKey(seed:)`): a build that finds the row's key in the row cache takes the row from
/// there without making its source, parsing its description or rendering it. The registry's source positions are
/// left out: a line added above a variable moves it without changing its row.
public struct VariableRowSource: Hashable, Sendable, Encodable {
    /// The variable's name.
    public var name: String
    /// Its type's keyword, such as `enum`.
    public var typeKeyword: String
    /// Its allowed values, for enums.
    public var values: [String]
    /// Old values still accepted, each with the value that replaces it.
    public var deprecatedValues: [DeprecatedValueSource]
    /// The default as the environment spells it.
    public var defaultValue: String?
    /// Whether the value must never be shown.
    public var isSecret: Bool
    /// A sample value.
    public var example: String?
    /// Related variables, by name.
    public var seeAlso: [String]
    /// The shortest value allowed, in characters.
    public var minLength: Int?
    /// The longest value allowed, in characters.
    public var maxLength: Int?
    /// A regular expression the value must match.
    public var pattern: String?
    /// The smallest number allowed.
    public var minimum: Int?
    /// The largest number allowed.
    public var maximum: Int?
    /// What separates list items.
    public var separator: String
    /// Whether the name is deprecated.
    public var isDeprecated: Bool
    /// The variable that replaces a deprecated one.
    public var replacement: String?
    /// Whether the page's language has its own description; when not, the source language's is shown.
    public var isTranslated: Bool
    /// The Markdown of the description the row shows.
    public var description: String

    /// An old enum value and its replacement.
    public struct DeprecatedValueSource: Hashable, Sendable, Encodable {
        /// The old value.
        public var value: String
        /// The value to use instead.
        public var replacement: String
    }

    /// The row of `variable` on the page in `language`, falling back to the `sourceLanguage` description.
    public init(_ variable: Variable, language: LanguageCode, sourceLanguage: LanguageCode) {
        let own = variable.descriptions[language]
        name = variable.name
        typeKeyword = variable.type.rawValue
        values = variable.values
        deprecatedValues = variable.deprecatedValues.map { DeprecatedValueSource(value: $0.value, replacement: $0.replacement) }
        defaultValue = variable.defaultValue?.environmentText(separator: variable.separator)
        isSecret = variable.isSecret
        example = variable.example
        seeAlso = variable.seeAlso
        minLength = variable.constraints.minLength
        maxLength = variable.constraints.maxLength
        pattern = variable.constraints.pattern
        minimum = variable.constraints.minimum
        maximum = variable.constraints.maximum
        separator = variable.separator
        isDeprecated = variable.deprecation != nil
        replacement = variable.deprecation?.replacement
        isTranslated = own != nil
        description = (own ?? variable.descriptions[sourceLanguage]!).text
    }

    /// The variable's type.
    var type: VariableType { VariableType(rawValue: typeKeyword)! }
}

/// One variable's row on one language's page, as the row cache keys it: by the digest of the variable's facts,
/// which the registry's snapshot keeps, and the one description the row shows. Its `source` is made only for a
/// row the cache lacks, so a rebuild does not lay out ten thousand sources per page to key them.
public struct VariableRow: CachedRowSource {
    /// The registry's variables, shared by every row of a page.
    private let variables: [Variable]
    private let index: Int
    private let language: LanguageCode
    private let sourceLanguage: LanguageCode
    /// The digest of the variable's facts (`VariableDigest.facts`); `nil` for a build without a cache, which
    /// asks no row for a key.
    private let facts: ContentDigest?

    /// The row of the variable at `index` of `variables`, whose facts digest is `facts`, on the page in `language`.
    public init(_ variables: [Variable], index: Int, facts: ContentDigest?, language: LanguageCode, sourceLanguage: LanguageCode) {
        self.variables = variables
        self.index = index
        self.facts = facts
        self.language = language
        self.sourceLanguage = sourceLanguage
    }

    /// What the row is made from.
    public var source: VariableRowSource {
        VariableRowSource(variables[index], language: language, sourceLanguage: sourceLanguage)
    }

    /// The facts' digest, whether the page's language has its own description, and the digest of the description
    /// shown: all `source` is made from. The facts cover more than a row shows (the Swift name), which at worst renders a
    /// row again; a description of another language, which no row of this page shows, is left out. `nil` without
    /// the facts' digest.
    public func rowKey(seed: UInt64) -> ContentDigest? {
        guard let facts else { return nil }
        // The text is digested where it lies and the key made from fixed-size parts on the stack: a rebuild keys
        // every row of every page, and copying each text into a buffer of its own was half of a page's time.
        let own = variables[index].descriptions[language]?.text
        guard var shown = own ?? variables[index].descriptions[sourceLanguage]?.text else { return nil }
        let isOwn = own != nil
        let text = shown.withUTF8 { ContentDigest(of: UnsafeRawBufferPointer($0), seed: seed) }
        let parts = (facts.high.littleEndian, facts.low.littleEndian, UInt64(isOwn ? 1 : 0).littleEndian, text.high.littleEndian,
                     text.low.littleEndian)
        return withUnsafeBytes(of: parts) { ContentDigest(of: $0, seed: seed) }
    }
}

/// What every row of one language's page shares, and each variable's `VariableRow`: everything the page's rows
/// are made from.
public struct ReferenceRows: Sendable {
    /// One row per variable, in registry order.
    public var rows: [VariableRow]
    /// The page's interface strings, which word every label of a row.
    public var strings: InterfaceStrings
    /// The language a row falls back to.
    public var sourceLanguage: LanguageCode
    /// The notice over a description shown in the source language.
    public var fallbackNotice: String

    /// A digest of what the rows share: a row's key (`VariableRow.rowKey(seed:)`) is seeded with this.
    public var sharedDigest: ContentDigest {
        struct Shared: Encodable {
            var sourceLanguage: String
            var fallbackNotice: String
            var strings: [[String]]
        }
        // Keys sorted: a dictionary's order changes from run to run.
        let shared = Shared(
            sourceLanguage: sourceLanguage.rawValue, fallbackNotice: fallbackNotice,
            strings: strings.texts.sorted { $0.key < $1.key }.map { [$0.key, $0.value] })
        return EncodedDigest.digest(of: shared)!
    }
}
