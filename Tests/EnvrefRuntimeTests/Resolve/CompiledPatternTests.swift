import Testing

@testable import EnvrefRuntime

@Suite("Compiled patterns")
struct CompiledPatternTests {
    /// The same cases as the registry's `ValuePattern` tests: the accessors and `envref validate` must agree.
    static let cases: [(pattern: String, value: String, matches: Bool)] = [
        (#"^[^@\s]+@[^@\s]+$"#, "someone@example.com", true),
        (#"^[^@\s]+@[^@\s]+$"#, "someone@", false),
        ("a|ab", "ab", true),
        ("a|b", "ab", false),
        ("(?x)[a-z]+ # lower\n", "abc", true),
        ("[a-z]+", "abc\n", false),
        ("[a-z]+$", "abc\n", false),
        ("x", "xx", false),
        ("(?i)abc", "ABC", true),
        ("[a-z0-9]+", "", false),
        // Over 256 UTF-16 units, where Foundation copies a pattern to the heap before ICU reads it.
        (String(repeating: "[a-z]", count: 60), String(repeating: "a", count: 60), true),
        (String(repeating: "[a-z]", count: 60), String(repeating: "a", count: 59), false),
    ]

    @Test("a pattern must match the whole value", arguments: cases)
    func wholeValue(_ pattern: String, _ value: String, _ matches: Bool) throws {
        #expect(try #require(CompiledPattern(pattern)).wholeMatches(value) == matches)
    }

    @Test("a pattern ICU cannot read, on its own or anchored, is not compiled, so it is not checked")
    func unreadable() {
        #expect(CompiledPattern("a{,3}") == nil)
        #expect(CompiledPattern("a)|(?:b") == nil)
        #expect(CompiledPattern("(?x)[a-z]+ # lower") == nil)
    }
}
