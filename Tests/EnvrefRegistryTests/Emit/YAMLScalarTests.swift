import Testing
import Yams

@testable import EnvrefRegistry

@Suite("Writing YAML scalars")
struct YAMLScalarTests {
    @Test("double-quoted text escapes what YAML would alter", arguments: [
        (#"A "quoted": title\with"# + "\na newline", #""A \"quoted\": title\\with\na newline""#),
        ("tab\there\u{1}", #""tab\there\x01""#),
        ("line\u{2028}separator", #""line\Lseparator""#),
    ])
    func doubleQuoted(text: String, yaml: String) throws {
        #expect(YAMLScalar.doubleQuoted(text) == yaml)
        #expect(try Yams.load(yaml: "key: " + yaml) as? [String: String] == ["key": text])
    }
}
