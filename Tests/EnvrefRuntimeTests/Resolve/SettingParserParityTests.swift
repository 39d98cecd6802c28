import EnvrefRegistry
import EnvrefTestSupport
import Foundation
import Testing

@testable import EnvrefRuntime

/// The registry's value check and the runtime's parser agree on every text: a default or example the
/// registry accepts is one a program accepts, with the same value, and the reverse.
///
/// The runtime may not depend on the registry, so the two are separate code; this test is what keeps them
/// one rule.
@Suite struct SettingParserParityTests {
    static let registryText = """
        languages: [en]
        variables:
          X_BOOL: {type: bool, description: {en: A.}}
          X_INT: {type: int, minimum: -5, maximum: 1000, description: {en: A.}}
          X_MODE: {type: enum, values: [online, "off line"], deprecatedValues: {dryrun: online}, description: {en: A.}}
          X_TAGS: {type: list, description: {en: A.}}
          X_PAIRS: {type: list, separator: " | ", description: {en: A.}}
          X_URL: {type: url, maxLength: 30, description: {en: A.}}
          X_ID: {type: string, minLength: 2, maxLength: 8, pattern: "[a-z]+-?[0-9]*", description: {en: A.}}
          X_DIR: {type: path, maxLength: 12, description: {en: A.}}

        """

    /// The same settings as the runtime declares them.
    static let definitions: [String: SettingDefinition] = [
        "X_BOOL": SettingDefinition("X_BOOL", property: "bool", kind: .bool),
        "X_INT": SettingDefinition("X_INT", property: "int", kind: .int, constraints: SettingConstraints(minimum: -5, maximum: 1000)),
        "X_MODE": SettingDefinition("X_MODE", property: "mode", kind: .enumeration(values: ["online", "off line"], deprecatedValues: ["dryrun": "online"])),
        "X_TAGS": SettingDefinition("X_TAGS", property: "tags", kind: .list()),
        "X_PAIRS": SettingDefinition("X_PAIRS", property: "pairs", kind: .list(separator: " | ")),
        "X_URL": SettingDefinition("X_URL", property: "url", kind: .url, constraints: SettingConstraints(maxLength: 30)),
        "X_ID": SettingDefinition("X_ID", property: "id", kind: .string,
                                  constraints: SettingConstraints(minLength: 2, maxLength: 8, pattern: "[a-z]+-?[0-9]*")),
        "X_DIR": SettingDefinition("X_DIR", property: "dir", kind: .path, constraints: SettingConstraints(maxLength: 12)),
    ]

    /// Pieces of values: words each kind reads, signs, separators, and white space of every kind.
    static let pieces = [
        "true", "TRUE", "Yes", "no", "1", "0", "00", "+", "-", "12", "1_000", "0x1F", "٣", "online", "off line", "dryrun", "a", "é",
        "\u{301}", ",", ";", " | ", "|", "https://x.y", "http://", "mailto:a@b.c", "ftp://h/p", "~", "/", "ab-c1", " ", "\t", "\n",
        "\r\n", "\u{B}", "\u{A0}", "\u{2028}", "\u{3000}", "\u{85}", "\u{1C}",
    ]

    /// What each side makes of a text: the value as text, or nil when it refuses it.
    static func registryReading(_ text: String, _ variable: Variable) -> String? {
        guard case .success(let value) = ValueParser.parse(text, as: variable) else { return nil }
        switch value {
        case .string(let text): return text
        case .bool(let flag): return String(flag)
        case .int(let number): return String(number)
        case .list(let items): return items.joined(separator: "\u{0}")
        }
    }

    static func runtimeReading(_ text: String, _ definition: SettingDefinition) -> String? {
        let pattern = definition.constraints.pattern.flatMap(CompiledPattern.init)
        guard case .success(let parsed) = SettingParser(homeDirectory: "/home/u").parse(text, for: definition, pattern: pattern) else { return nil }
        switch parsed.value {
        case .string(let text), .enumeration(let text): return text
        // The registry keeps a path as written: `~` is the reader's home, known only when a program runs.
        case .path: return text
        case .bool(let flag): return String(flag)
        case .int(let number): return String(number)
        case .url: return text
        case .list(let items): return items.joined(separator: "\u{0}")
        }
    }

    @Test("every pair of pieces, and every fifth triple, reads the same in the registry and in a program")
    func valuesReadAlike() throws {
        let loaded = RegistryLoader.load(bytes: Array(Self.registryText.utf8), path: "variables.yaml")
        let registry = try #require(loaded.registry, "\(loaded.diagnostics)")
        let texts = Self.pieces.flatMap { first in Self.pieces.map { first + $0 } }
            + everyNthTriple(of: Self.pieces, 5).map { $0 + $1 + $2 }
            // The pieces never spell an enum's values, so its spellings are added whole.
            + ["online", "off line", "dryrun", "Online", "DRYRUN", " online ", "off  line", "online,"]
        var differences: [String] = []
        // Both refusing agrees too, so each variable must also meet texts both sides read: otherwise a broken
        // fixture that refuses everything would pass.
        var readByBoth: [String: Int] = [:]
        for variable in registry.variables {
            let definition = try #require(Self.definitions[variable.name])
            for text in texts {
                let ours = Self.registryReading(text, variable), theirs = Self.runtimeReading(text, definition)
                if ours != theirs {
                    differences.append("\(variable.name) \(text.debugDescription): registry \(ours.debugDescription), runtime \(theirs.debugDescription)")
                } else if ours != nil {
                    readByBoth[variable.name, default: 0] += 1
                }
            }
        }
        let fewest = registry.variables.map { readByBoth[$0.name, default: 0] }.min() ?? 0
        #expect(fewest >= 3, "texts both sides read, by variable: \(readByBoth)")
        // Counted, not listed whole: a broken rule makes thousands of lines.
        #expect(differences.count == 0, "first: \(differences.prefix(12).joined(separator: "\n"))")
    }
}
