/// Template contexts: every value a template shows, already worded, escaped for its target and
/// ordered, so templates only place text and never compute.
///
/// Text fields are plain text (HTML templates escape them with `{{ }}`); fields whose names end in
/// `HTML` are finished HTML (placed with `{{{ }}}`); fields whose names end in `Markdown` or `Cell`
/// are finished Markdown for the `.md` templates.

/// The context of `reference.html.mustache` and `reference.md.mustache`: one language's page.
///
/// The page templates see every field but `variables`. Each variable is rendered on its own, through
/// `_variable.html.mustache` or `_variable.md.mustache` with a `VariableRowContext`, and the finished rows
/// reach the page template as `variableRows`, in registry order: one value that the rows replace one per line
/// when the template places it as `{{#variableRows}}`, `{{{.}}}`, `{{/variableRows}}` on lines of their own,
/// and a list of text otherwise (`TemplateSet.placesEachItemOnItsOwnLine`). Rows render over every core, and a
/// large page's variables are never encoded all at once.
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
    /// Assets, canonical and alternate links, and the footer.
    public var chrome: PageChrome
    /// Heading of the language switcher.
    public var languageSwitcherLabel: String
    /// One entry per language, the current one marked.
    public var languages: [LanguageLink]
    /// The entry page's language list.
    public var allLanguages: PageLink
    /// Text of the link that skips to the variables.
    public var skipLinkLabel: String
    /// The filter box's words; the box itself only appears when JavaScript runs.
    public var filter: FilterContext
    /// The copy buttons' words. The page holds the buttons once, in a `<template>` that the script copies
    /// into every row, since they only work with JavaScript; a copy in each row was nearly half of a large page.
    public var copy: CopyLabels
    /// The text before the table.
    public var intro: SectionContext?
    /// The text after the table.
    public var after: SectionContext?
    /// Heading over the variables table.
    public var variablesHeading: String
    /// The table's caption.
    public var variablesCaption: String
    /// Column headings of the variables table.
    public var columns: ColumnHeadings
    /// One entry per variable, in registry order; the page templates get them rendered, as `variableRows`.
    public var variables: [VariableContext]
}

/// The context of `_variable.html.mustache` and `_variable.md.mustache`: one row of the variables table.
///
/// The row templates open `{{#variable}}`, so the variable's fields come first and the page's labels are
/// found beneath them, as they would be in a section of the page template.
public struct VariableRowContext: Hashable, Sendable, Encodable {
    /// The variable the row shows.
    public var variable: VariableContext
    /// The column headings, which label each cell when the table stacks on a narrow screen.
    public var columns: ColumnHeadings

    /// The row of `variable` on `page`.
    public init(_ variable: VariableContext, on page: ReferencePageContext) {
        self.variable = variable
        columns = page.columns
    }
}

/// What every HTML page's head and footer share.
public struct PageChrome: Hashable, Sendable, Encodable {
    /// URL of the stylesheet.
    public var stylesheetURL: String
    /// URL of the script that adds filtering, copying and language choice.
    public var scriptURL: String
    /// URL of the SVG icon.
    public var iconURL: String
    /// URL of the 32-pixel PNG icon, for browsers without SVG icons.
    public var iconPNGURL: String
    /// URL of the 180-pixel icon home screens use.
    public var touchIconURL: String
    /// The page's own preferred address, when it has one (the 404 page does not).
    public var canonicalURL: String?
    /// The same page in every language, plus `x-default`.
    public var alternates: [AlternateLink]
    /// The line naming the registry's revision date, when the registry has one.
    public var footer: FooterContext?
}

/// A `<link rel="alternate" hreflang>` entry.
public struct AlternateLink: Hashable, Sendable, Encodable {
    /// A language code, or `x-default` for the page that picks a language.
    public var hreflang: String
    /// The address.
    public var url: String
}

/// The sentence naming the registry's revision date, split around the date so it can be marked up.
public struct FooterContext: Hashable, Sendable, Encodable {
    /// Text before the date.
    public var beforeDate: String
    /// The date as the page language writes it.
    public var dateText: String
    /// The date as `YYYY-MM-DD`, for `<time datetime>`.
    public var dateISO: String
    /// Text after the date.
    public var afterDate: String
}

/// The filter box's label and the messages its script shows.
public struct FilterContext: Hashable, Sendable, Encodable {
    /// The box's label.
    public var label: String
    /// The hint shown inside the empty box.
    public var hint: String
    /// The count message, with `{visible}` and `{total}` for the script to fill.
    public var countTemplate: String
    /// The message when nothing matches, with `{query}` for the script to fill.
    public var noMatchTemplate: String
}

/// The copy buttons' labels.
public struct CopyLabels: Hashable, Sendable, Encodable {
    /// The button that copies a variable's name.
    public var name: String
    /// The button that copies the address of a variable's row.
    public var link: String
    /// What a button says for a moment after copying.
    public var copied: String
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
    /// The registry's type keyword, shown as code and used in CSS classes.
    public var typeKeyword: String
    /// The localised type name when it says more than the keyword (`integer` for `int`).
    public var typeName: String?
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
    /// The "not yet translated" badge, when the description is shown in the source language.
    public var untranslatedLabel: String?
    /// The row's cells for the Markdown table, escaped to stay in one row.
    public var markdownRow: MarkdownRowContext
}

/// One allowed value of an enum.
public struct AllowedValueContext: Hashable, Sendable, Encodable {
    /// The value.
    public var value: String
    /// For a deprecated value, the sentence naming its replacement; the value and the replacement
    /// are the pieces with `code`.
    public var deprecationNote: [TextSegment]?
    /// Whether the value is deprecated (Mustache cannot test an optional array).
    public var isDeprecated: Bool
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
    /// Assets, canonical and alternate links, and the footer.
    public var chrome: PageChrome
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

/// The context of `404.html.mustache`: one page that speaks every language, since the address that
/// failed says nothing about the reader's.
public struct NotFoundPageContext: Hashable, Sendable, Encodable {
    /// The source language's code.
    public var language: String
    /// The title in the source language.
    public var title: String
    /// The do-not-edit notice.
    public var generatedNotice: String
    /// Assets and footer; URLs start at the site's root, since the page answers for any address.
    public var chrome: PageChrome
    /// The message in every language.
    public var messages: [NotFoundMessage]
}

/// The not-found message in one language.
public struct NotFoundMessage: Hashable, Sendable, Encodable {
    /// The language code.
    public var language: String
    /// The title.
    public var title: String
    /// The explanation.
    public var text: String
    /// The link to this language's reference.
    public var link: LanguageLink
}

/// The context of `sitemap.xml.mustache`.
public struct SitemapContext: Hashable, Sendable, Encodable {
    /// The do-not-edit notice.
    public var generatedNotice: String
    /// One entry per page, with absolute addresses.
    public var urls: [SitemapEntry]
}

/// A page in the sitemap.
public struct SitemapEntry: Hashable, Sendable, Encodable {
    /// The page's address.
    public var url: String
    /// The registry's revision date, when it has one.
    public var lastModified: String?
    /// The same page in every language.
    public var alternates: [AlternateLink]
}
