import Testing

@testable import EnvrefCore

@Suite("Diagnostics")
struct DiagnosticTests {
    @Test("they render the way compilers and editors print them")
    func rendering() {
        let location = SourceLocation(path: "Content/variables.yaml", line: 12, column: 5)
        #expect(Diagnostic.error("unknown type 'x'", at: location).description == "Content/variables.yaml:12:5: error: unknown type 'x'")
        #expect(Diagnostic.warning("w", at: SourceLocation(path: "a.md", line: 3)).description == "a.md:3: warning: w")
        #expect(Diagnostic.note("n").description == "note: n")
    }

    @Test("they sort by file and position")
    func ordering() {
        let diagnostics: [Diagnostic] = [
            .error("c", at: SourceLocation(path: "b", line: 1, column: 1)),
            .error("b", at: SourceLocation(path: "a", line: 2, column: 1)),
            .error("a", at: SourceLocation(path: "a", line: 1, column: 9)),
        ]
        #expect(diagnostics.sorted().map(\.message) == ["a", "b", "c"])
    }

    @Test("did-you-mean finds typos and ignores unrelated words", arguments: [
        ("tpye", "type"), ("secrte", "secret"), ("langauges", "languages"), ("defualt", "default"), ("xyz", nil), ("frobnicate", nil),
    ])
    func didYouMean(word: String, expected: String?) {
        let keys = ["type", "secret", "languages", "default", "values", "description"]
        #expect(DidYouMean.suggestion(for: word, among: keys) == expected)
    }

    @Test("of two candidates equally near, the same one wins in any order")
    func didYouMeanTie() {
        #expect(DidYouMean.suggestion(for: "APP_B", among: ["APP_C", "APP_A"]) == "APP_A")
        #expect(DidYouMean.suggestion(for: "APP_B", among: ["APP_A", "APP_C"]) == "APP_A")
    }
}
