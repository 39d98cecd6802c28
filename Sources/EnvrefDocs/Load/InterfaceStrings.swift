import EnvrefRegistry

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
        "fallbackNotice", "languageSwitcher",
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
    ]

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

    /// The text for a key with `{name}` placeholders replaced.
    public func format(_ key: String, _ values: [String: String]) -> String {
        var text = self[key]
        for (name, value) in values.sorted(by: { $0.key < $1.key }) {
            text = text.replacing("{\(name)}", with: value)
        }
        return text
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
