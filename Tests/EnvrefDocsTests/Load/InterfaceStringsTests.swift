import Testing

@testable import EnvrefDocs

@Suite("Load: interface strings")
struct InterfaceStringsTests {
    @Test("placeholders are filled in one pass: a value's own braces stay as they are", arguments: [
        ("Between {minimum} and {maximum}.", ["minimum": "1", "maximum": "9"], "Between 1 and 9."),
        ("Must match {pattern}", ["pattern": "^a{2}{maximum}$", "maximum": "9"], "Must match ^a{2}{maximum}$"),
        ("{{pattern}} and {unknown} and {", ["pattern": "x"], "{x} and {unknown} and {"),
        ("{count}{count}", ["count": "3"], "33"),
        ("no placeholders", [:], "no placeholders"),
        ("{}", ["": "empty"], "empty"),
    ])
    func format(text: String, values: [String: String], expected: String) {
        #expect(InterfaceStrings(texts: ["key": text]).format("key", values) == expected)
    }

    @Test("a missing key formats as the key itself, its placeholders filled in")
    func missingKey() {
        #expect(InterfaceStrings(texts: [:]).format("labels.{x}", ["x": "y"]) == "labels.y")
    }
}
