import Testing

@testable import EnvrefRegistry

@Suite("Value patterns")
struct ValuePatternTests {
    /// The same cases as the runtime's pattern tests: the registry and the accessors must agree.
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
        #expect(try ValuePattern(pattern).matchesWhole(value) == matches)
    }

    @Test("a pattern Swift reads but ICU does not is refused")
    func swiftOnlySyntax() {
        #expect(throws: ValuePattern.Failure.unreadable) { try ValuePattern("a{,3}") }
    }

    @Test("a pattern is read on its own before it is anchored, so it cannot break out of the anchors")
    func readAlone() {
        #expect(throws: ValuePattern.Failure.unreadable) { try ValuePattern("a)|(?:b") }
        #expect(throws: ValuePattern.Failure.cannotBeAnchored) { try ValuePattern("(?x)[a-z]+ # lower") }
    }
}
