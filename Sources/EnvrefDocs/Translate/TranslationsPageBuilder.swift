import EnvrefRegistry
import EnvrefTranslations
import Foundation

/// Turns the translation status into the translations page's context, worded in the source language.
public struct TranslationsPageBuilder: Sendable {
    /// Where the page is written, relative to the site folder.
    public static let htmlPath = "translations.html"
    /// Where the Markdown twin is written.
    public static let markdownPath = "translations.md"

    /// Creates a builder.
    public init() {}

    /// Builds the context from the status and the site content (for the strings and language names);
    /// `chrome` is the page's head and footer, which the site builder words for every page alike.
    public func build(_ status: TranslationStatus, content: SiteContent, chrome: PageChrome) -> TranslationsPageContext {
        let strings = content.source.strings
        let names = Dictionary(content.languages.map { ($0.language, $0.strings["languageName"]) }, uniquingKeysWith: { first, _ in first })
        let states = TranslationState.allCases.map { StateLabel(keyword: $0.rawValue, label: strings["translations.states.\($0.rawValue)"]) }
        let sourcePage = "\(content.source.language)/\(SiteContextBuilder.htmlFileName)"
        return TranslationsPageContext(
            language: content.source.language.rawValue,
            title: strings["translations.title"],
            summary: strings["translations.summary"],
            generatedNotice: SiteContextBuilder.generatedNotice,
            chrome: chrome,
            frontMatter: [
                FrontMatterField(key: "title", yamlValue: YAMLScalar.doubleQuoted(strings["translations.title"])),
                FrontMatterField(key: "description", yamlValue: YAMLScalar.doubleQuoted(strings["translations.summary"])),
                FrontMatterField(key: "lang", yamlValue: YAMLScalar.doubleQuoted(content.source.language.rawValue)),
            ],
            coverageHeading: strings["translations.coverageHeading"],
            matrixHeading: strings["translations.matrixHeading"],
            languageLabel: strings["translations.language"],
            coverageLabel: strings["translations.coverage"],
            states: states,
            valueDriftLabel: strings["translations.valueDrift"],
            languages: status.summaries.map { summary in
                let translated = summary.count(.translated)
                return LanguageCoverageContext(
                    language: summary.language.rawValue,
                    name: names[summary.language] ?? summary.language.rawValue,
                    referenceURL: "\(summary.language)/\(SiteContextBuilder.htmlFileName)",
                    total: summary.total,
                    translated: translated,
                    coverageText: strings.format("translations.coverageText", [
                        "translated": String(translated), "total": String(summary.total), "percent": summary.coverageText,
                    ]),
                    textBar: Self.textBar(translated, of: summary.total),
                    counts: TranslationState.allCases.map { StateCount(keyword: $0.rawValue, count: summary.count($0)) },
                    valueDriftCount: summary.valueDrift.count)
            },
            rows: status.rows.map { row in
                TranslationRowContext(
                    name: row.variable,
                    referenceURL: "\(sourcePage)#\(row.variable)",
                    cells: row.cells.map { cell in
                        let label = strings["translations.states.\(cell.state.rawValue)"]
                        return TranslationCellContext(
                            language: cell.language.rawValue, keyword: cell.state.rawValue,
                            label: cell.valueDrift.isEmpty ? label : "\(label), \(strings["translations.valueDrift"])",
                            hasValueDrift: !cell.valueDrift.isEmpty)
                    })
            },
            orphansHeading: strings["translations.orphansHeading"],
            orphans: status.orphans.map { "\($0.variable) (\($0.language)): \($0.reason)" },
            hasOrphans: !status.orphans.isEmpty)
    }

    /// Ten block characters, filled in proportion to `part` of `whole`.
    static func textBar(_ part: Int, of whole: Int) -> String {
        let filled = whole == 0 ? 0 : Int((Double(part) / Double(whole) * 10).rounded(.down))
        return String(repeating: "█", count: filled) + String(repeating: "░", count: 10 - filled)
    }
}
