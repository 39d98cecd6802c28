import EnvrefCore
import Foundation
import Testing

@testable import EnvrefRegistry

/// Composing a registry's variables in groups must load exactly what composing it whole loads: the same
/// registry, and the same diagnostics at the same lines and columns.
@Suite("Loading: composing the variables in groups")
struct GroupedComposeTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let hostileCorpus = repository.appending(path: "Tests/envrefTests/HostileRegistries")

    /// Small registries, each cut at every variable, covering the shapes a cut has to get right.
    static let shapes: [(name: String, text: String, isCut: Bool)] = [
        ("no line feed at the end", "languages: [en]\nvariables:\n  A_ONE:\n    type: string\n    description: {en: One.}\n  A_TWO:\n    type: bool\n    description: {en: Two.}", true),
        ("comments between and after entries, and a key after the mapping",
         "languages: [en]\nvariables:\n  # first\n  A_ONE:\n    type: string # trailing\n    description: {en: One.}\n\n# between\n  A_TWO:\n    type: int\n    default: x\n    description: {en: Two.}\n# after\nswift: {typeName: 3}\nprefix: A_\n", true),
        ("block scalars with an indentation indicator",
         "languages: [en, fr]\nvariables:\n  A_ONE:\n    type: string\n    description:\n      en: |2\n          indented\n        text\n      fr: >-\n        folded\n        text\n  A_TWO:\n    type: string\n    description: {en: Two.}\n", true),
        ("quoted keys and a flow entry on one line",
         "languages: [en]\nvariables:\n  \"A_ONE\": {type: string, description: {en: One.}}\n  'A_TWO':\n    type: string\n    description: {en: Two.}\n  A_THREE: {type: nope, description: {en: Three.}}\n", true),
        ("a variable defined twice, in different groups",
         "languages: [en]\nvariables:\n  A_ONE:\n    type: string\n    description: {en: One.}\n  A_TWO:\n    type: string\n    description: {en: Two.}\n  A_ONE:\n    type: int\n    description: {en: Again.}\n", true),
        ("an entry with no value and one that is a list",
         "languages: [en]\nvariables:\n  A_ONE:\n  A_TWO:\n    - type\n  A_THREE:\n    type: string\n    description: {en: Three.}\n", true),
        ("variables before languages, and a document end marker",
         "variables:\n  A_ONE:\n    type: string\n    description: {en: One., fr: Un.}\n  A_TWO:\n    type: string\n    description: {en: Two.}\nlanguages: [en, fr]\n...\n", true),
        ("CRLF line endings, which are composed whole",
         "languages: [en]\r\nvariables:\r\n  A_ONE:\r\n    type: string\r\n    description: {en: One.}\r\n  A_TWO:\r\n    type: string\r\n    description: {en: Two.}\r\n", false),
        ("a flow mapping of variables, which is composed whole",
         "languages: [en]\nvariables: {A_ONE: {type: string, description: {en: One.}}, A_TWO: {type: string, description: {en: Two.}}}\n", false),
        ("two variables mappings, which are composed whole",
         "languages: [en]\nvariables:\n  A_ONE:\n    type: string\n    description: {en: One.}\nvariables:\n  A_TWO:\n    type: string\n    description: {en: Two.}\n", false),
        ("an empty variables key before a variables mapping, which is composed whole",
         "languages: [en]\nvariables:\nprefix: A_\nvariables:\n  A_ONE:\n    type: string\n    description: {en: One.}\n  A_TWO:\n    type: nope\n    description: {en: Two.}\n", false),
        ("an anchored variables mapping, which is composed whole",
         "languages: [en]\nvariables: &all\n  A_ONE:\n    type: string\n    description: {en: One.}\n  A_TWO:\n    type: string\n    description: {en: Two.}\n", false),
        ("an explicit key, which is composed whole",
         "languages: [en]\nvariables:\n  ? A_ONE\n  : type: string\n    description: {en: One.}\n  A_TWO:\n    type: string\n    description: {en: Two.}\n", false),
    ]

    @Test("small registries of every shape load the same either way", arguments: shapes.map(\.name))
    func shapesLoadTheSame(name: String) throws {
        let text = try #require(Self.shapes.first { $0.name == name }?.text)
        try Self.expectSameLoad(Array(text.utf8), path: "Content/variables.yaml")
    }

    @Test("every registry of the hostile corpus loads the same either way")
    func hostileCorpus() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.hostileCorpus.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(names.count >= 40)
        var cut = 0
        for name in names where name != "fifty-megabyte-description.yaml" {
            let bytes = [UInt8](try Data(contentsOf: Self.hostileCorpus.appending(path: name)))
            try Self.expectSameLoad(bytes, path: name)
            if case .success(let text) = SourceText.decode(bytes, path: name), YAMLPrescan(text).composeInGroups(2) != nil { cut += 1 }
        }
        // Most of the corpus is refused before composing or has a single variable, so only one file is cut: the
        // comparison here mostly guards the fallback. The shapes above are what test the cut itself.
        #expect(cut >= 1, "\(cut) files of the corpus cut")
    }

    @Test("the embedded registry is cut into groups and loads the same")
    func embeddedRegistry() throws {
        let bytes = [UInt8](try Data(contentsOf: Self.repository.appending(path: "Content/variables.yaml")))
        let text = try SourceText.decode(bytes, path: "Content/variables.yaml").get()
        #expect(YAMLPrescan(text).composeInGroups(5) != nil, "the cut is used, not only its fallback")
        try Self.expectSameLoad(bytes, path: "Content/variables.yaml")
    }

    @Test("a cut that does not apply gives nil, so the whole file is composed")
    func fallbacks() throws {
        for (name, text, _) in Self.shapes.filter({ !$0.isCut }) {
            #expect(YAMLPrescan(try SourceText.decode(Array(text.utf8), path: "v.yaml").get()).composeInGroups(2) == nil, "\(name)")
        }
    }

    @Test("every other shape is cut, so the comparison covers the cut and not only its fallback")
    func cuts() throws {
        for (name, text, _) in Self.shapes.filter(\.isCut) {
            #expect(YAMLPrescan(try SourceText.decode(Array(text.utf8), path: "v.yaml").get()).composeInGroups(2) != nil, "\(name)")
        }
    }

    private static func expectSameLoad(_ bytes: [UInt8], path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let whole = RegistryLoader.load(bytes: bytes, path: path, composingInGroupsFrom: .max)
        let grouped = RegistryLoader.load(bytes: bytes, path: path, composingInGroupsFrom: 1)
        #expect(grouped.diagnostics.map(\.description) == whole.diagnostics.map(\.description), "\(path)", sourceLocation: sourceLocation)
        #expect(grouped.registry == whole.registry, "\(path)", sourceLocation: sourceLocation)
    }
}
