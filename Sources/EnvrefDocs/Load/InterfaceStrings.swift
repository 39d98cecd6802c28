import EnvrefRegistry
import Foundation

/// The words a reference page shows around the registry's content, in one language.
///
/// Loaded from `Content/strings/<lang>.yaml`; `{placeholder}` markers are filled in by the
/// page builder, never by templates.
public struct InterfaceStrings: Hashable, Sendable {
    /// Every key a strings file may define, in dotted form (`columns.type`).
    public static let keys: [String] = [
        "languageName", "pageTitle", "pageDescription", "variablesHeading",
        "columns.variable", "columns.type", "columns.default", "columns.description",
    ] + VariableType.allCases.map { "types.\($0.rawValue)" } + [
        "labels.secret", "labels.deprecated", "labels.noDefault", "labels.allowedValues", "labels.deprecatedValue",
        "labels.replacedBy", "labels.listSeparator", "labels.minLength", "labels.maxLength", "labels.lengthRange",
        "labels.minimum", "labels.maximum", "labels.range", "labels.pattern", "labels.example", "labels.seeAlso",
        "labels.untranslated", "labels.copyName", "labels.copyLink", "labels.copied",
        "fallbackNotice", "languageSwitcher", "allLanguages", "skipToVariables", "variablesCaption",
        "filter.label", "filter.hint", "filter.count", "filter.noMatch",
        "footer.generatedFrom", "date.format", "date.monthNames",
        "notFound.title", "notFound.text",
        "translations.title", "translations.summary", "translations.coverageHeading", "translations.matrixHeading",
        "translations.language", "translations.coverage", "translations.coverageText", "translations.valueDrift",
        "translations.orphansHeading", "translations.states.translated", "translations.states.stale",
        "translations.states.untranslated", "translations.states.missing",
    ]

    /// The placeholders each key's text must keep, so a translation cannot drop one silently.
    public static let placeholders: [String: Set<String>] = [
        "labels.deprecatedValue": ["value", "replacement"], "labels.replacedBy": ["replacement"],
        "labels.listSeparator": ["separator"], "labels.minLength": ["count"], "labels.maxLength": ["count"],
        "labels.lengthRange": ["min", "max"], "labels.minimum": ["minimum"], "labels.maximum": ["maximum"],
        "labels.range": ["minimum", "maximum"], "labels.pattern": ["pattern"], "fallbackNotice": ["language"],
        "translations.coverageText": ["translated", "total", "percent"],
        "filter.count": ["visible", "total"], "filter.noMatch": ["query"], "footer.generatedFrom": ["date"],
    ]

    /// The placeholders `date.format` may use; it needs the year, the day and one form of the month.
    public static let datePlaceholders: Set<String> = ["year", "month", "monthName", "day"]

    /// Text by dotted key; holds every key in `keys`.
    public let texts: [String: String]

    /// Creates strings from a complete table.
    public init(texts: [String: String]) {
        self.texts = texts
    }

    /// The text for a key; `keys` lists the valid ones.
    public subscript(key: String) -> String {
        texts[key] ?? key
    }

    /// The text for a key with `{name}` placeholders replaced, in one pass: a value is never searched for
    /// placeholders itself. Rows format their notes by the ten thousand, and a `replacing` per placeholder went
    /// through the regex engine each time.
    public func format(_ key: String, _ values: [String: String]) -> String {
        var formatted = ""
        walkPlaceholders(of: key, values) { formatted += $0 } value: { formatted += $0 }
        return formatted
    }

    /// The text for a key cut at its placeholders, each filled one kept apart so a page can mark it
    /// up as code while the words around it stay plain text.
    public func segments(_ key: String, _ values: [String: String]) -> [TextSegment] {
        var segments: [TextSegment] = []
        var literal = ""
        walkPlaceholders(of: key, values) { literal += $0 } value: { value in
            if !literal.isEmpty { segments.append(TextSegment(text: literal)) }
            literal = ""
            segments.append(TextSegment(code: value))
        }
        if !literal.isEmpty { segments.append(TextSegment(text: literal)) }
        return segments
    }

    /// Walks the text for `key`, handing the words between placeholders to `literal` and each placeholder's value
    /// to `value`; a brace that opens no placeholder of `values` is a word.
    private func walkPlaceholders(of key: String, _ values: [String: String], literal: (Substring) -> Void, value: (String) -> Void) {
        var remaining = Substring(self[key])
        while let open = remaining.firstIndex(of: "{") {
            guard let close = remaining[open...].firstIndex(of: "}"),
                  let filled = values[String(remaining[remaining.index(after: open)..<close])]
            else {
                literal(remaining[...open])
                remaining = remaining[remaining.index(after: open)...]
                continue
            }
            literal(remaining[..<open])
            value(filled)
            remaining = remaining[remaining.index(after: close)...]
        }
        literal(remaining)
    }

    /// A date written the way this language writes dates, from `date.format` and `date.monthNames`.
    public func format(_ date: RegistryDate) -> String {
        let monthNames = Self.monthNames(in: self["date.monthNames"])
        let monthName = monthNames.count == 12 ? monthNames[date.month - 1] : String(date.month)
        return format("date.format", ["year": String(date.year), "month": String(date.month),
                                      "monthName": monthName, "day": String(date.day)])
    }

    /// The twelve month names of a `date.monthNames` text, which separates them with commas.
    static func monthNames(in text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// The localised name of a variable type.
    public func typeName(_ type: VariableType) -> String {
        self["types.\(type.rawValue)"]
    }

    /// The `{placeholder}` names used in a text.
    static func placeholderNames(in text: String) -> Set<String> {
        var names: Set<String> = []
        var current: String?
        for character in text {
            if character == "{" {
                current = ""
            } else if character == "}", let name = current {
                if !name.isEmpty { names.insert(name) }
                current = nil
            } else if current != nil {
                current!.append(character)
            }
        }
        return names
    }
}

/// A piece of an interface string: words, or a filled-in value shown as code.
public struct TextSegment: Hashable, Sendable, Encodable {
    /// Plain words, when this piece is text.
    public var text: String?
    /// The value, when this piece is a filled-in placeholder.
    public var code: String?

    /// A piece of plain words.
    public init(text: String) {
        self.text = text
    }

    /// A filled-in value.
    public init(code: String) {
        self.code = code
    }
}
