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

    @Test("a literal block reads back as the same text when its first content line starts with a space, or blank lines before it hold spaces",
          arguments: [" \u{301}a\nb", " a\nb", "\ta\nb", "  \nx\ny", "\n\nx\ny", "x\n  y", "   \n \u{301}x\n"])
    func literalBlockReadsBack(text: String) throws {
        let block = try #require(YAMLScalar.literalBlock(text, indent: 2))
        let node = try #require(try Yams.compose(yaml: "key: " + block + "\n", .basic))
        #expect(node["key"]?.string == text, "\(block.debugDescription)")
    }

    @Test("a scalar reads back as the same text, also when a combining mark follows a colon, space or hash",
          arguments: [
              "a: \u{301}b", "a #\u{301}b", "a:\u{301}", "key: value", "W&B: the #1 tool", "x #y", "-\u{301}x",
              "\u{301}: a", "plain text", "日本語: テキスト",
          ])
    func readsBack(text: String) throws {
        for context in [YAMLScalar.Context.blockValue(indent: 0), .flow] {
            let rendered = YAMLScalar.render(text, in: context)
            let document = if case .flow = context { "key: [" + rendered + "]" } else { "key: " + rendered }
            let node = try #require(try Yams.compose(yaml: document, .basic))
            let value = if case .flow = context { node["key"]?[0]?.string } else { node["key"]?.string }
            #expect(value == text, "\(document.debugDescription)")
        }
    }
}
