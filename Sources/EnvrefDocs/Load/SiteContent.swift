import EnvrefCore
import EnvrefRegistry

/// A Markdown file of page content, with the language it is actually written in.
public struct MarkdownSection: Hashable, Sendable {
    /// The Markdown text.
    public var markdown: String
    /// The language of `markdown`; differs from the page language when the source text stands in.
    public var language: LanguageCode
    /// Where it was read from.
    public var path: String

    /// Creates a section.
    public init(markdown: String, language: LanguageCode, path: String) {
        self.markdown = markdown
        self.language = language
        self.path = path
    }
}

/// Everything one language's page needs besides the registry.
public struct LanguageContent: Hashable, Sendable {
    /// The page language.
    public var language: LanguageCode
    /// Interface strings, with source-language stand-ins already filled in.
    public var strings: InterfaceStrings
    /// The text before the variables table.
    public var intro: MarkdownSection?
    /// The text after the variables table.
    public var after: MarkdownSection?

    /// Creates the content of one language.
    public init(language: LanguageCode, strings: InterfaceStrings, intro: MarkdownSection?, after: MarkdownSection?) {
        self.language = language
        self.strings = strings
        self.intro = intro
        self.after = after
    }
}

/// The validated registry plus the page content of every language: the input of the translate stage.
public struct SiteContent: Hashable, Sendable {
    /// The registry.
    public var registry: Registry
    /// Page content per language, in the registry's language order.
    public var languages: [LanguageContent]
    /// Where the site is published.
    public var settings: SiteSettings

    /// Creates site content.
    public init(registry: Registry, languages: [LanguageContent], settings: SiteSettings = SiteSettings()) {
        self.registry = registry
        self.languages = languages
        self.settings = settings
    }

    /// The source language's content.
    public var source: LanguageContent { languages[0] }
}
