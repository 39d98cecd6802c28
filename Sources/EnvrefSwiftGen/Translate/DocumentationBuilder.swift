import EnvrefCore
import EnvrefRegistry
import Foundation

/// Writes the doc comments, so that Quick Help shows the same facts as the reference pages.
struct DocumentationBuilder {
    let registry: Registry

    func settingsType(typeName: String, files: SettingsFilesDescription?) -> [String] {
        let family = registry.prefix.map { "the \(code($0)) environment variables" } ?? "environment variables"
        var lines = [
            "Typed settings for \(family), generated from \(code(registry.path)).",
            "",
            "`try \(typeName)()` resolves every setting in one call; the properties are stored values afterwards.",
            "Highest precedence first, values come from:",
            "1. overrides passed to the initializer;",
            "2. the environment;",
        ]
        if let files {
            let directory = files.userDirectoryVariable.map { "\(code($0)) (default \(code(files.userDirectoryFallback)))" }
                ?? code(files.userDirectoryFallback)
            lines += [
                "3. the project settings file \(code(files.projectFile)) in the working directory;",
                "4. the user settings file `settings` in \(directory);",
                "5. the registry defaults.",
            ]
        } else {
            lines += ["3. the registry defaults."]
        }
        lines += [
            "",
            "Invalid values throw one `SettingsError` that lists them all. Secrets are redacted in",
            "`description`, `debugDescription`, `dump`, access logs and errors.",
        ]
        return lines
    }

    func property(_ variable: Variable, type: SwiftTypeReference, storage: PropertyStorage) -> [String] {
        var facts = ["- Variable: \(code(variable.name))", "- Type: \(typeText(variable, type))"]
        switch storage {
        case .required: facts.append("- Default: \(code(variable.defaultValue!.environmentText(separator: variable.separator)))")
        case .optional: facts.append("- Default: none; `nil` when unset")
        case .list:
            if let value = variable.defaultValue, value != .list([]) {
                facts.append("- Default: \(code(value.environmentText(separator: variable.separator)))")
            } else {
                facts.append("- Default: none; empty when unset")
            }
        }
        if variable.type == .enumeration {
            facts.append("- Allowed values: " + variable.values.map(code).joined(separator: ", "))
            if !variable.deprecatedValues.isEmpty {
                facts.append("- Deprecated values: " + variable.deprecatedValues
                    .map { "\(code($0.value)) (read as \(code($0.replacement)))" }.joined(separator: ", "))
            }
        }
        let limits = limitTexts(variable.constraints)
        if !limits.isEmpty { facts.append("- Limits: " + limits.joined(separator: "; ")) }
        if variable.isSecret { facts.append("- Secret: redacted in descriptions, dumps, logs and errors") }
        let oldNames = registry.deprecatedNames(for: variable).map(\.name)
        if !oldNames.isEmpty {
            facts.append("- Deprecated names: " + oldNames.map(code).joined(separator: ", ") + ", still read with a warning")
        }
        if variable.isDeprecated { facts.append("- Deprecated: yes; setting it prints a warning") }
        return description(of: variable) + [""] + facts
    }

    func alias(_ variable: Variable, replacement: String, replacementProperty: SwiftName) -> [String] {
        description(of: variable) + [
            "",
            "- Variable: \(code(variable.name)), deprecated; use \(code(replacement)) (`\(replacementProperty.identifier)`)",
            "- Reads through to \(code(replacement)), with a warning when the old name is set",
        ]
    }

    private func description(of variable: Variable) -> [String] {
        let text = variable.descriptions[registry.sourceLanguage]?.text ?? ""
        let lines = text.lineSlices()
            .map { String($0.reversed().drop(while: \.isWhitespace).reversed()) }
        let trimmed = lines.drop { $0.isEmpty }.reversed().drop { $0.isEmpty }.reversed()
        return trimmed.isEmpty ? ["\(variable.name)."] : Array(trimmed)
    }

    private func typeText(_ variable: Variable, _ type: SwiftTypeReference) -> String {
        switch variable.type {
        case .string: "`String`"
        case .bool: "`Bool`; accepts true/false, 1/0 and yes/no in any case"
        case .int: "`Int`"
        case .url: "`URL`, absolute"
        case .path: "`String`, a path; a leading `~` expands to the home folder"
        case .list: "`[String]`, split on \(code(variable.separator)); items are trimmed and empty items dropped"
        case .enumeration:
            if case .enumeration(let name) = type { "`\(name.identifier)`" } else { "enum" }
        }
    }

    private func limitTexts(_ constraints: Constraints) -> [String] {
        var texts: [String] = []
        if let value = constraints.minLength { texts.append("at least \(value) characters") }
        if let value = constraints.maxLength { texts.append("at most \(value) characters") }
        if let value = constraints.pattern { texts.append("matches \(code(value))") }
        if let value = constraints.minimum { texts.append("at least \(value)") }
        if let value = constraints.maximum { texts.append("at most \(value)") }
        return texts
    }

    /// Markdown code span that survives backticks inside the text.
    private func code(_ text: String) -> String {
        MarkdownCode.span(text.replacingOccurrences(of: "\n", with: " "), padLeadingSpace: false)
    }
}
