import EnvrefCore
import EnvrefRegistry
import Foundation
import Testing

@testable import EnvrefDocs

/// The row cache trusts `VariableRowSource` to hold everything a row shows of its variable. These tests make a
/// new field of `Variable` a decision: a field a row shows belongs in the source, or cached rows go stale.
@Suite("Translate: row sources")
struct VariableRowSourceTests {
    /// The fields of `Variable` that a row's source is made from.
    static let inSource: Set<String> = [
        "name", "type", "values", "deprecatedValues", "defaultValue", "isSecret", "example", "seeAlso", "constraints",
        "separator", "deprecation", "descriptions",
    ]
    static let constraintsInSource: Set<String> = ["minLength", "maxLength", "pattern", "minimum", "maximum"]

    @Test("every field of Variable is either in the row source or known not to be shown in a row")
    func fieldsAreAccountedFor() throws {
        let variable = try #require(try Fixtures.siteContent().registry.variables.first)
        let fields = Set(Mirror(reflecting: variable).children.compactMap(\.label))
        // `swiftName` names the generated accessor and `location` the registry line; rows show neither, and a
        // line added above a variable must not re-render its row. `descriptions` reaches the source as the one
        // text the page shows.
        let notShown: Set<String> = ["swiftName", "location"]
        #expect(fields == notShown.union(Self.inSource), "a new field of Variable: add it to VariableRowSource if a row shows it")
        let constraints = Set(Mirror(reflecting: variable.constraints).children.compactMap(\.label))
        #expect(constraints == Self.constraintsInSource)
        // A row shows a description's text alone: neither its untranslated mark nor where it was written.
        let description = try #require(variable.descriptions.values.first)
        #expect(Set(Mirror(reflecting: description).children.compactMap(\.label)) == ["text", "isMarkedUntranslated", "location"],
                "a new field of LocalizedText: add it to VariableRowSource and VariableRow.rowKey if a row shows it")
    }

    @Test("two variables that differ only in their position give the same source, and in anything shown, another")
    func positionIsLeftOut() throws {
        let registry = try Fixtures.siteContent().registry
        let variable = try #require(registry.variables.first)
        var moved = variable
        moved.location = SourceLocation(path: "elsewhere.yaml", line: variable.location.line + 40)
        let source = VariableRowSource(variable, language: "fr", sourceLanguage: registry.sourceLanguage)
        #expect(VariableRowSource(moved, language: "fr", sourceLanguage: registry.sourceLanguage) == source)
        var renamed = variable
        renamed.swiftName = "somethingElse"
        #expect(VariableRowSource(renamed, language: "fr", sourceLanguage: registry.sourceLanguage) == source)
        #expect(Self.key(of: moved, language: "fr", in: registry) == Self.key(of: variable, language: "fr", in: registry))
        var changed = variable
        changed.example = "another example"
        #expect(Self.key(of: changed, language: "fr", in: registry) != Self.key(of: variable, language: "fr", in: registry))
    }

    /// `variable`'s row on the page in `language`, as a build makes it.
    private static func row(of variable: Variable, language: LanguageCode, in registry: Registry) -> VariableRow {
        VariableRow([variable], index: 0, facts: VariableDigest(of: variable).facts, language: language, sourceLanguage: registry.sourceLanguage)
    }

    /// The key of `variable`'s row on the page in `language`, as a build works it out.
    private static func key(of variable: Variable, language: LanguageCode, in registry: Registry, seed: UInt64 = 1) -> ContentDigest? {
        row(of: variable, language: language, in: registry).rowKey(seed: seed)
    }

    /// A row is taken from the cache by its key, so anything its source is made from must change the key.
    @Test("a row's key changes with everything its source is made from, and with the seed, and not with another language's text")
    func keyCoversTheSource() throws {
        let registry = try Fixtures.siteContent().registry
        let base = try #require(registry.variables.first { $0.descriptions["fr"] != nil && $0.deprecation == nil })
        let key = try #require(Self.key(of: base, language: "fr", in: registry))
        #expect(Self.key(of: base, language: "fr", in: registry, seed: 2) != key)
        let changes: [(field: String, change: (inout Variable) -> Void)] = [
            ("name", { $0.name += "X" }), ("type", { $0.type = $0.type == .string ? .int : .string }), ("values", { $0.values.append("x") }),
            ("deprecatedValues", { $0.deprecatedValues.append(DeprecatedValue(value: "a", replacement: "b")) }),
            ("defaultValue", { $0.defaultValue = .string("x\($0.name)") }), ("isSecret", { $0.isSecret.toggle() }),
            ("example", { $0.example = ($0.example ?? "") + "x" }), ("seeAlso", { $0.seeAlso.append("X") }),
            ("constraints.minLength", { $0.constraints.minLength = ($0.constraints.minLength ?? 0) + 1 }),
            ("constraints.maxLength", { $0.constraints.maxLength = ($0.constraints.maxLength ?? 0) + 1 }),
            ("constraints.pattern", { $0.constraints.pattern = ($0.constraints.pattern ?? "") + "x" }),
            ("constraints.minimum", { $0.constraints.minimum = ($0.constraints.minimum ?? 0) + 1 }),
            ("constraints.maximum", { $0.constraints.maximum = ($0.constraints.maximum ?? 0) + 1 }), ("separator", { $0.separator += ";" }),
            ("deprecation", { $0.deprecation = Deprecation(replacement: "OTHER") }),
            ("descriptions", { $0.descriptions["fr"]!.text += "." }),
            ("descriptions", { $0.descriptions["fr"] = nil }),
        ]
        // Every field the source is made from, and every constraint, is changed at least once.
        let fieldsChanged = Set(changes.map { $0.field.split(separator: ".").first.map(String.init)! })
        #expect(fieldsChanged == Self.inSource)
        #expect(Set(changes.compactMap { $0.field.hasPrefix("constraints.") ? String($0.field.dropFirst(12)) : nil }) == Self.constraintsInSource)
        let source = Self.row(of: base, language: "fr", in: registry).source
        for (field, change) in changes {
            var changed = base
            change(&changed)
            let changedSource = Self.row(of: changed, language: "fr", in: registry).source
            #expect(changedSource != source, "\(field) changes nothing a row shows")
            #expect(Self.key(of: changed, language: "fr", in: registry) != key, "\(field)")
        }
        // The French row shows neither the source language's text, while French has its own, nor another language's.
        var elsewhere = base
        elsewhere.descriptions[registry.sourceLanguage]!.text += " (edited)"
        for language in elsewhere.descriptions.keys where language != "fr" && language != registry.sourceLanguage {
            elsewhere.descriptions[language]!.text += " (edited)"
        }
        #expect(Self.key(of: elsewhere, language: "fr", in: registry) == key)
        // Without a French text, the row shows the source language's, and its key follows that text.
        var fallback = base
        fallback.descriptions["fr"] = nil
        var fallbackEdited = fallback
        fallbackEdited.descriptions[registry.sourceLanguage]!.text += " (edited)"
        #expect(Self.key(of: fallbackEdited, language: "fr", in: registry) != Self.key(of: fallback, language: "fr", in: registry))
        // A French text that is the source language's text, word for word, shows the same words without the notice
        // over a fallback: only whether the language has its own text tells the two rows apart.
        var copied = fallback
        copied.descriptions["fr"] = copied.descriptions[registry.sourceLanguage]
        #expect(Self.row(of: copied, language: "fr", in: registry).source != Self.row(of: fallback, language: "fr", in: registry).source)
        #expect(Self.key(of: copied, language: "fr", in: registry) != Self.key(of: fallback, language: "fr", in: registry))
    }
}
