import EnvrefRegistry

/// Writes a `Registry` as `variables.yaml` text that the loader reads back to an equal registry.
///
/// Output is deterministic: keys in the order the format spec lists them, variables and languages
/// in registry order, descriptions longer than a line as `|-` blocks that translators can edit.
public enum RegistryEmitter {
    /// The YAML text, optionally preceded by comment lines (each gets a `# `).
    public static func yaml(for registry: Registry, comments: [String] = []) -> String {
        var out = comments.map { $0.isEmpty ? "#" : "# " + $0 }.joined(separator: "\n")
        if !out.isEmpty { out += "\n" }
        out += "languages: " + flowList(registry.languages.map(\.rawValue)) + "\n"
        if let prefix = registry.prefix { out += "prefix: " + value(prefix, indent: 0) + "\n" }
        if let typeName = registry.swift.typeName { out += "swift:\n  typeName: " + value(typeName, indent: 2) + "\n" }
        out += "variables:" + (registry.variables.isEmpty ? " {}" : "") + "\n"
        for variable in registry.variables {
            out += variableYAML(variable, languages: registry.languages)
        }
        return out
    }

    private static func variableYAML(_ variable: Variable, languages: [LanguageCode]) -> String {
        var out = "  \(variable.name):\n"
        func field(_ key: String, _ text: String) { out += "    \(key): \(text)\n" }
        field("type", variable.type.rawValue)
        if !variable.values.isEmpty { field("values", flowList(variable.values)) }
        if !variable.deprecatedValues.isEmpty {
            out += "    deprecatedValues:\n"
            for deprecated in variable.deprecatedValues {
                out += "      \(key(deprecated.value)): \(value(deprecated.replacement, indent: 6))\n"
            }
        }
        if let defaultValue = variable.defaultValue { field("default", defaultText(defaultValue, separator: variable.separator)) }
        if variable.isSecret { field("secret", "true") }
        if let example = variable.example { field("example", value(example, indent: 4)) }
        if !variable.seeAlso.isEmpty { field("seeAlso", flowList(variable.seeAlso)) }
        let constraints = variable.constraints
        if let number = constraints.minLength { field("minLength", String(number)) }
        if let number = constraints.maxLength { field("maxLength", String(number)) }
        if let pattern = constraints.pattern { field("pattern", value(pattern, indent: 4)) }
        if let number = constraints.minimum { field("minimum", String(number)) }
        if let number = constraints.maximum { field("maximum", String(number)) }
        if variable.type == .list, variable.separator != "," { field("separator", value(variable.separator, indent: 4)) }
        if let swiftName = variable.swiftName { field("swiftName", value(swiftName, indent: 4)) }
        if let deprecation = variable.deprecation {
            if let replacement = deprecation.replacement {
                out += "    deprecated:\n      replacement: \(value(replacement, indent: 6))\n"
            } else {
                field("deprecated", "true")
            }
        }
        out += "    description:\n"
        for language in languages {
            guard let text = variable.descriptions[language] else { continue }
            if text.isMarkedUntranslated {
                out += "      \(key(language.rawValue)):\n"
                out += "        text: \(description(text.text, indent: 8))\n"
                out += "        untranslated: true\n"
            } else {
                out += "      \(key(language.rawValue)): \(description(text.text, indent: 6))\n"
            }
        }
        return out
    }

    /// A mapping value at the given key indentation.
    static func value(_ text: String, indent: Int) -> String {
        YAMLScalar.render(text, in: .blockValue(indent: indent))
    }

    /// A description: a block when it is long or spans lines, so translators edit it comfortably.
    static func description(_ text: String, indent: Int) -> String {
        YAMLScalar.render(text, in: .blockValue(indent: indent), preferBlock: true)
    }

    /// A mapping key; names and language codes are always plain-safe, anything else is quoted.
    static func key(_ text: String) -> String {
        YAMLScalar.isPlainSafe(text, inFlow: true) ? text : YAMLScalar.doubleQuoted(text)
    }

    static func flowList(_ items: [String]) -> String {
        "[" + items.map { YAMLScalar.render($0, in: .flow) }.joined(separator: ", ") + "]"
    }

    private static func defaultText(_ value: Value, separator: String) -> String {
        switch value {
        case .string(let text): return self.value(text, indent: 4)
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .list(let items): return flowList(items)
        }
    }
}
