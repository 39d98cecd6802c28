import EnvrefCore

/// The context of `translations.html.mustache` and `translations.md.mustache`: how complete and
/// current each language is, and the state of every variable in every language.
///
/// The page templates see every field but `rows`. Each row is rendered on its own, through
/// `_translation.html.mustache` or `_translation.md.mustache` with its `TranslationRowContext`, and the
/// finished rows reach the page template as `matrixRows`, in registry order, as `ReferencePageContext`
/// describes for `variableRows`.
public struct TranslationsPageContext: Hashable, Sendable, Encodable {
    /// The page language (the source language) for `lang` attributes.
    public var language: String
    /// The page title.
    public var title: String
    /// A one-sentence summary.
    public var summary: String
    /// The do-not-edit notice.
    public var generatedNotice: String
    /// Assets, canonical link and footer.
    public var chrome: PageChrome
    /// Front matter lines of the Markdown page.
    public var frontMatter: [FrontMatterField]
    /// Heading over the coverage table.
    public var coverageHeading: String
    /// Heading over the state matrix.
    public var matrixHeading: String
    /// Heading of the language column.
    public var languageLabel: String
    /// Heading of the coverage column.
    public var coverageLabel: String
    /// The states in report order, for column headings and the legend.
    public var states: [StateLabel]
    /// Heading of the value drift column.
    public var valueDriftLabel: String
    /// One entry per target language.
    public var languages: [LanguageCoverageContext]
    /// One entry per variable, in registry order; the page templates get them rendered, as `matrixRows`.
    public var rows: [TranslationRowContext]
    /// Heading over the orphan list.
    public var orphansHeading: String
    /// Lock records and translations that point at nothing, one sentence each.
    public var orphans: [String]
    /// Whether `orphans` has entries.
    public var hasOrphans: Bool
}

/// A translation state's keyword (for CSS classes) and its label in the page language.
public struct StateLabel: Hashable, Sendable, Encodable {
    /// `translated`, `stale`, `untranslated` or `missing`.
    public var keyword: String
    /// The label shown.
    public var label: String
}

/// One language's coverage.
public struct LanguageCoverageContext: Hashable, Sendable, Encodable {
    /// The language code.
    public var language: String
    /// The language's own name.
    public var name: String
    /// Relative URL of the language's reference page.
    public var referenceURL: String
    /// Variables in total.
    public var total: Int
    /// Current translations, the value of the coverage meter.
    public var translated: Int
    /// "30 of 36 current (83.3%)", in the page language.
    public var coverageText: String
    /// A bar of block characters for the Markdown page, such as `████████░░`.
    public var textBar: String
    /// How many variables are in each state, in `states` order.
    public var counts: [StateCount]
    /// How many translations show value drift.
    public var valueDriftCount: Int
}

/// A count of variables in one state.
public struct StateCount: Hashable, Sendable, Encodable {
    /// The state's keyword.
    public var keyword: String
    /// How many variables are in it.
    public var count: Int
}

/// One variable's row in the matrix: the context of `_translation.html.mustache` and `_translation.md.mustache`.
public struct TranslationRowContext: Hashable, Sendable, Encodable {
    /// The variable name.
    public var name: String
    /// Relative URL of the variable on the source-language reference page.
    public var referenceURL: String
    /// One cell per target language, in `languages` order.
    public var cells: [TranslationCellContext]
}

/// One variable in one language.
public struct TranslationCellContext: Hashable, Sendable, Encodable {
    /// The language code.
    public var language: String
    /// The state's keyword, for CSS classes.
    public var keyword: String
    /// The state's label in the page language, with the drift label appended when there is drift.
    public var label: String
    /// Whether the translation shows value drift.
    public var hasValueDrift: Bool
}

extension TranslationRowContext: CachedRowSource {
    /// Every field, each length-prefixed by the archive writer, in declaration order: the matrix has a key to work
    /// out for every variable, and going through `Encodable` took most of the site-wide pages' time in a build
    /// that rendered no row. A test holds this list to the stored properties.
    public func rowKey(seed: UInt64) -> ContentDigest? {
        var archive = ArchiveWriter(capacity: 1_024)
        archive.write(name)
        archive.write(referenceURL)
        archive.write(cells) { archive, cell in
            archive.write(cell.language)
            archive.write(cell.keyword)
            archive.write(cell.label)
            archive.write(cell.hasValueDrift)
        }
        return ContentDigest(of: archive.bytes, seed: seed)
    }
}
