import Testing

@testable import EnvrefRegistry

@Suite("Patterns that can backtrack exponentially")
struct PatternSafetyTests {
    @Test("a repeated group whose body ends in a repeat is found", arguments: [
        ("(a+)+$", "(a+)+"),
        ("^(\\w+\\s?)*$", "(\\w+\\s?)*"),
        ("x(?:ab*)+", "(?:ab*)+"),
        ("((a|b)+){2,}", "((a|b)+){2,}"),
        ("(a|b+)*c", "(a|b+)*"),
        ("((a+))+", "((a+))+"),
        // A combining mark joins the `+` or `(` before it into one Character; ICU still reads the scalars.
        ("(a+)+\u{301}", "(a+)+"),
        ("(\u{301}x)(a+)+b", "(a+)+"),
    ])
    func nested(_ pattern: String, _ group: String) {
        #expect(PatternSafety.nestedRepetition(in: pattern) == group)
    }

    @Test("patterns with one repeat, or a separator after the inner one, are fine", arguments: [
        "[a-z0-9]+", "([a-z]+\\.)+[a-z]+", "(ab)+", "(a+)?", "(a+){1}", "[(a+)+]", "\\(a+\\)+", "[0-9a-f]{8}(-[0-9a-f]{4}){3}",
        "^[A-Za-z0-9_-]{1,64}$",
    ])
    func safe(_ pattern: String) {
        #expect(PatternSafety.nestedRepetition(in: pattern) == nil)
    }
}
