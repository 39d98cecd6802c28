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
        #expect(EncodedDigest.digest(of: source) == EncodedDigest.digest(of: VariableRowSource(moved, language: "fr", sourceLanguage: registry.sourceLanguage)))
        var renamed = variable
        renamed.swiftName = "somethingElse"
        #expect(VariableRowSource(renamed, language: "fr", sourceLanguage: registry.sourceLanguage) == source)
        var changed = variable
        changed.example = "another example"
        #expect(EncodedDigest.digest(of: VariableRowSource(changed, language: "fr", sourceLanguage: registry.sourceLanguage))
            != EncodedDigest.digest(of: source))
    }
}
