import EnvrefCore
import Foundation
import Testing

@testable import EnvrefRegistry

/// Work keyed by a variable's digests is reused while they stay the same: they must change with what the variable
/// says, and not with where it is.
@Suite("Loading: variable digests")
struct VariableDigestTests {
    static let yaml = """
        languages: [en, fr]
        variables:
          APP_MODE:
            type: enum
            values: [online, offline]
            default: online
            description:
              en: Where runs go.
              fr: Où vont les exécutions.

        """

    static func variable() throws -> Variable {
        try #require(RegistryLoader.load(bytes: Array(yaml.utf8), path: "variables.yaml").registry?.variables.first)
    }

    @Test("a description changes the content digest and not the facts'; a fact changes both; a position neither")
    func coverage() throws {
        let base = try Self.variable()
        let digest = VariableDigest(of: base)
        #expect(digest.content != digest.facts)

        var described = base
        described.descriptions["fr"]?.text = "Où partent les exécutions."
        #expect(VariableDigest(of: described).facts == digest.facts)
        #expect(VariableDigest(of: described).content != digest.content)

        var flagged = base
        flagged.descriptions["fr"]?.isMarkedUntranslated = true
        #expect(VariableDigest(of: flagged).content != digest.content)

        var changed = base
        changed.values.append("disabled")
        #expect(VariableDigest(of: changed).facts != digest.facts)
        #expect(VariableDigest(of: changed).content != digest.content)

        // Pieces are length-prefixed, so text cannot move from one value, or one field, to the next unnoticed.
        var joined = base, split = base
        joined.values = ["ab"]
        split.values = ["a", "b"]
        #expect(VariableDigest(of: joined).facts != VariableDigest(of: split).facts)
        var exampleAB = base, exampleA = base
        exampleAB.example = "ab"
        exampleAB.seeAlso = []
        exampleA.example = "a"
        exampleA.seeAlso = ["b"]
        #expect(VariableDigest(of: exampleAB).facts != VariableDigest(of: exampleA).facts)

        var moved = base
        moved.location.line += 3
        moved.descriptions["fr"]?.location.line += 3
        #expect(VariableDigest(of: moved) == digest)
    }

    @Test("a registry's digests are its variables', in order, also when worked out over both cores")
    func registryDigests() throws {
        var text = "languages: [en]\nvariables:\n"
        for index in 0..<600 { text += "  V_\(index):\n    type: string\n    description: {en: Variable \(index).}\n" }
        let registry = try #require(RegistryLoader.load(bytes: Array(text.utf8), path: "variables.yaml").registry)
        #expect(VariableDigest.of(registry) == registry.variables.map(VariableDigest.init(of:)))
        #expect(Set(VariableDigest.of(registry).map(\.content)).count == 600)
    }
}
