/// Template contexts: every value a template shows, already worded, escaped for its target and
/// ordered, so templates only place text and never compute.
///
/// Text fields are plain text (HTML templates escape them with `{{ }}`); fields whose names end in
/// `HTML` are finished HTML (placed with `{{{ }}}`); fields whose names end in `Markdown` or `Cell`
/// are finished Markdown for the `.md` templates.

/// The context of `reference.html.mustache` and `reference.md.mustache`: one language's page.
public struct ReferencePageContext: Hashable, Sendable, Encodable {
    /// The page language's code, for `lang` attributes.
    public var language: String
    /// The page language's own name.
    public var languageName: String
    /// The page title.
    public var title: String
    /// A one-sentence summary for `<meta name="description">`.
    public var summary: String
    /// Front matter lines of the Markdown page, each `key: value` with the value YAML-quoted.
    public var frontMatter: [FrontMatterField]
    /// The do-not-edit notice placed in a comment at the top of every generated page.
    public var generatedNotice: String
    /// Relative URL of the shared stylesheet.
    public var stylesheetURL: String
    /// Heading of the language switcher.
    public var languageSwitcherLabel: String
    /// One entry per language, the current one marked.
    public var languages: [LanguageLink]
    /// The text before the table.
    public var intro: SectionContext?
    /// The text after the table.
    public var after: SectionContext?
    /// Heading over the variables table.
    public var variablesHeading: String
    /// Column headings of the variables table.
    public var columns: ColumnHeadings
    /// One entry per variable, in registry order.
    public var variables: [VariableContext]
}

/// A `key: value` line of Markdown front matter.
public struct FrontMatterField: Hashable, Sendable, Encodable {
    /// The key.
    public var key: String
    /// The value, already quoted for YAML.
    public var yamlValue: String
}

/// A link to one language's pages.
public struct LanguageLink: Hashable, Sendable, Encodable {
    /// The language code, for `lang` and `hreflang`.
    public var language: String
    /// The language's own name.
    public var name: String
    /// Relative URL of its HTML page from the page that shows the link.
    public var htmlURL: String
    /// Relative URL of its Markdown page from the page that shows the link.
    public var markdownURL: String
    /// Whether this is the page being shown.
    public var isCurrent: Bool
}

/// A block of page content written in Markdown (intro, closing sections).
public struct SectionContext: Hashable, Sendable, Encodable {
    /// The content rendered to HTML.
    public var contentHTML: String
    /// The content as Markdown.
    public var contentMarkdown: String
    /// Set when the section is shown in the source language instead of the page language.
    public var fallback: FallbackContext?
}

/// Marks text shown in the source language because the page language lacks it.
public struct FallbackContext: Hashable, Sendable, Encodable {
    /// The language the text is actually in, for `lang` attributes.
    public var language: String
    /// The notice telling readers why, in the page language.
    public var notice: String
}

/// The headings of the variables table.
public struct ColumnHeadings: Hashable, Sendable, Encodable {
    /// The name column.
    public var variable: String
    /// The type column.
    public var type: String
    /// The default column.
    public var defaultValue: String
    /// The description column.
    public var description: String
}

/// Everything one row of the variables table shows.
public struct VariableContext: Hashable, Sendable, Encodable {
    /// The variable name, also the row's anchor id.
    public var name: String
    /// The localised type name.
    public var typeLabel: String
    /// The registry's type keyword, for CSS classes.
    public var typeKeyword: String
    /// The default as it would be written in the environment, if any.
    public var defaultValue: String?
    /// What the default column says when there is no default.
    public var noDefaultLabel: String
    /// Heading of the allowed values list.
    public var allowedValuesLabel: String
    /// Allowed values, current ones first, then deprecated ones.
    public var allowedValues: [AllowedValueContext]
    /// Whether `allowedValues` has entries (Mustache cannot test an array's size).
    public var hasAllowedValues: Bool
    /// The badge for secret variables, when the variable is secret.
    public var secretLabel: String?
    /// Deprecation details, when the variable is deprecated.
    public var deprecation: DeprecationContext?
    /// Sentences about constraints and list syntax.
    public var notes: [String]
    /// Label before the example.
    public var exampleLabel: String
    /// A sample value, if any.
    public var example: String?
    /// Label before related variables.
    public var seeAlsoLabel: String
    /// Related variables, by name (each is also an anchor on the page).
    public var seeAlso: [String]
    /// Whether `seeAlso` has entries.
    public var hasSeeAlso: Bool
    /// The description rendered to HTML.
    public var descriptionHTML: String
    /// Set when the description is shown in the source language.
    public var fallback: FallbackContext?
    /// The row's cells for the Markdown table, escaped to stay in one row.
    public var markdownRow: MarkdownRowContext
}

/// One allowed value of an enum.
public struct AllowedValueContext: Hashable, Sendable, Encodable {
    /// The value.
    public var value: String
    /// For a deprecated value, the sentence naming its replacement.
    public var deprecationNote: String?
}

/// Why a variable is deprecated and what replaces it.
public struct DeprecationContext: Hashable, Sendable, Encodable {
    /// The badge text.
    public var label: String
    /// The replacement's name, if any.
    public var replacement: String?
    /// The sentence naming the replacement, with the name where the placeholder was.
    public var replacementNoteBeforeName: String?
    /// Text that follows the replacement's name in the sentence.
    public var replacementNoteAfterName: String?
}

/// The four cells of a variable's row in the Markdown table.
public struct MarkdownRowContext: Hashable, Sendable, Encodable {
    /// Anchor and name.
    public var variableCell: String
    /// The type.
    public var typeCell: String
    /// The default.
    public var defaultCell: String
    /// Badges, description, allowed values, notes, example and related variables.
    public var descriptionCell: String
}

/// The context of `index.html.mustache`: the site's entry page.
public struct SiteIndexContext: Hashable, Sendable, Encodable {
    /// The source language's code.
    public var language: String
    /// The page title.
    public var title: String
    /// A one-sentence summary.
    public var summary: String
    /// The do-not-edit notice.
    public var generatedNotice: String
    /// Relative URL of the shared stylesheet.
    public var stylesheetURL: String
    /// One entry per language, each with its title in its own language.
    public var languages: [IndexLanguageEntry]
    /// A link to the translation status page, when there is one.
    public var translationsLink: PageLink?
}

/// A link to another page of the site.
public struct PageLink: Hashable, Sendable, Encodable {
    /// The link text.
    public var title: String
    /// The relative URL.
    public var url: String
}

/// A language on the entry page.
public struct IndexLanguageEntry: Hashable, Sendable, Encodable {
    /// Links to the language's pages.
    public var link: LanguageLink
    /// The page title in that language.
    public var title: String
    /// The summary in that language.
    public var summary: String
}
