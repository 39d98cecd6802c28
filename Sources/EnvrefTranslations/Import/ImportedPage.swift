import EnvrefCore
import EnvrefRegistry

/// One variable documented on a hand-written page.
public struct PageEntry: Hashable, Sendable {
    /// How the page documents the variable.
    public enum Form: String, Hashable, Sendable {
        /// A heading whose text is the name, with the section below it as the description.
        case heading
        /// A table row whose first cell is the name.
        case tableRow = "table row"
        /// A row that Markdown renderers would drop (extra cells, a row outside any table), recovered.
        case recoveredRow = "recovered row"
    }

    /// The variable's name.
    public var name: String
    /// The description, as Markdown.
    public var description: String
    /// The default value the page states, when it states one as a single code span.
    public var defaultValue: String?
    /// Where the name is written.
    public var location: SourceLocation
    /// How the page documents it.
    public var form: Form

    /// Creates an entry.
    public init(name: String, description: String, defaultValue: String? = nil, location: SourceLocation, form: Form) {
        self.name = name
        self.description = description
        self.defaultValue = defaultValue
        self.location = location
        self.form = form
    }
}

/// Everything read from one page: its language, its entries in page order, and the problems found.
public struct ImportedPage: Sendable {
    /// Where the language came from.
    public enum LanguageSource: String, Sendable {
        /// The `--lang` option.
        case option
        /// A `lang`/`language`/`locale` key in the front matter.
        case frontMatter = "front matter"
        /// The file name, such as `fr.md` or `fr-FR.md`.
        case fileName = "file name"
    }

    /// The path diagnostics show.
    public var path: String
    /// The page's language, if the option, the front matter or the file name gave one.
    public var language: LanguageCode?
    /// Where `language` came from.
    public var languageSource: LanguageSource?
    /// The documented variables, in page order, each name once.
    public var entries: [PageEntry]
    /// Warnings about rows that renderers drop, duplicates and unreadable metadata.
    public var diagnostics: [Diagnostic]

    /// The documented names, in page order.
    public var names: [String] { entries.map(\.name) }
}
