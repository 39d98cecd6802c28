import EnvrefCore
import Testing

@Suite("Markdown code")
struct MarkdownCodeTests {
    @Test("the longest run of backticks is counted on bytes", arguments: [
        ("", 0), ("plain", 0), ("a`b", 1), ("``a```b`", 3), ("`\u{301}`", 1), ("``\u{301}`", 2), ("日本``語", 2),
    ])
    func longestBacktickRun(text: String, run: Int) {
        #expect(MarkdownCode.longestBacktickRun(in: text) == run)
    }
}
