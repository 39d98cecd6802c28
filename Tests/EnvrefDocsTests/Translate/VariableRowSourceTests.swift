import EnvrefCore
import EnvrefRegistry
import Foundation
import Testing

@testable import EnvrefDocs

/// The row cache trusts `VariableRowSource` to hold everything a row shows of its variable. These tests make a
/// new field of `Variable` a decision: a field a row shows belongs in the source, or cached rows go stale.
@Suite("Translate: row sources")
struct VariableRowSourceTests {
    @Test("every field of Variable is either in the row source or known not to be shown in a row")
    func fieldsAreAccountedFor() throws {
        let variable = try #require(try Fixtures.siteContent().registry.variables.first)
        let fields = Set(Mirror(reflecting: variable).children.compactMap(\.label))
        // `swiftName` names the generated accessor and `location` the registry line; rows show neither, and a
        // line added above a variable must not re-render its row. `descriptions` reaches the source as the one
        // text the page shows.
        let notShown: Set<String> = ["swiftName", "location"]
        let inSource: Set<String> = [
            "name", "type", "values", "deprecatedValues", "defaultValue", "isSecret", "example", "seeAlso", "constraints",
            "separator", "deprecation", "descriptions",
        ]
        #expect(fields == notShown.union(inSource), "a new field of Variable: add it to VariableRowSource if a row shows it")
        let constraints = Set(Mirror(reflecting: variable.constraints).children.compactMap(\.label))
        #expect(constraints == ["minLength", "maxLength", "pattern", "minimum", "maximum"])
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
        var changed = variable
        changed.example = "another example"
        #expect(VariableRowSource(changed, language: "fr", sourceLanguage: registry.sourceLanguage).rowKey(seed: 1) != source.rowKey(seed: 1))
    }

    /// The key is written field by field, so a field it leaves out would let a changed row be taken from the cache.
    @Test("a row source's key changes with each of its fields, and with the seed")
    func keyCoversEveryField() throws {
        let registry = try Fixtures.siteContent().registry
        let base = VariableRowSource(try #require(registry.variables.first), language: "fr", sourceLanguage: registry.sourceLanguage)
        let changes: [(field: String, change: (inout VariableRowSource) -> Void)] = [
            ("name", { $0.name += "X" }), ("typeKeyword", { $0.typeKeyword += "x" }), ("values", { $0.values.append("x") }),
            ("deprecatedValues", { $0.deprecatedValues.append(.init(value: "a", replacement: "b")) }),
            ("defaultValue", { $0.defaultValue = ($0.defaultValue ?? "") + "x" }), ("isSecret", { $0.isSecret.toggle() }),
            ("example", { $0.example = ($0.example ?? "") + "x" }), ("seeAlso", { $0.seeAlso.append("X") }),
            ("minLength", { $0.minLength = ($0.minLength ?? 0) + 1 }), ("maxLength", { $0.maxLength = ($0.maxLength ?? 0) + 1 }),
            ("pattern", { $0.pattern = ($0.pattern ?? "") + "x" }), ("minimum", { $0.minimum = ($0.minimum ?? 0) + 1 }),
            ("maximum", { $0.maximum = ($0.maximum ?? 0) + 1 }), ("separator", { $0.separator += ";" }),
            ("isDeprecated", { $0.isDeprecated.toggle() }), ("replacement", { $0.replacement = ($0.replacement ?? "") + "X" }),
            ("isTranslated", { $0.isTranslated.toggle() }), ("description", { $0.description += "." }),
        ]
        #expect(Set(changes.map(\.field)) == Set(Mirror(reflecting: base).children.compactMap(\.label)),
                "a new field of VariableRowSource: write it in rowKey(seed:) and change it here")
        let key = try #require(base.rowKey(seed: 1))
        #expect(base.rowKey(seed: 2) != key)
        for (field, change) in changes {
            var changed = base
            change(&changed)
            #expect(changed.rowKey(seed: 1) != key, "\(field)")
        }
        // Pieces are length-prefixed, so text cannot move from one field or item to the next unnoticed.
        var joined = base, split = base
        joined.values = ["ab"]
        split.values = ["a", "b"]
        #expect(joined.rowKey(seed: 1) != split.rowKey(seed: 1))
    }
}
