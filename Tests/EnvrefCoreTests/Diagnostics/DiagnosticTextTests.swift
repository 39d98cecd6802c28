import Testing

@testable import EnvrefCore

@Suite("Quoting input text in diagnostics")
struct DiagnosticTextTests {
    @Test("terminal escapes, bidirectional overrides, invisible marks and line breaks are spelled out")
    func escapes() {
        #expect(DiagnosticText.escapingControlCharacters("A\u{1B}[31mB") == "A\\u{1B}[31mB")
        #expect(DiagnosticText.escapingControlCharacters("abc\u{202E}cba") == "abc\\u{202E}cba")
        #expect(DiagnosticText.escapingControlCharacters("zero\u{200B}width\u{FEFF}") == "zero\\u{200B}width\\u{FEFF}")
        #expect(DiagnosticText.escapingControlCharacters("line\nbreak\ttab\rreturn\u{0}") == "line\\nbreak\\ttab\\rreturn\\u{0}")
        #expect(DiagnosticText.escapingControlCharacters("\u{85}\u{7F}") == "\\u{85}\\u{7F}")
    }

    @Test("ordinary text in any script is left as it is")
    func ordinaryText() {
        let text = "défaut 既定値 기본값 <b>{{x}}</b> 🙂"
        #expect(DiagnosticText.escapingControlCharacters(text) == text)
    }

    @Test("a diagnostic's message can never carry a raw control character")
    func diagnosticsEscape() {
        let diagnostic = Diagnostic.error("invalid name 'A\u{1B}]0;title\u{7}'", at: SourceLocation(path: "v.yaml", line: 1, column: 2))
        #expect(diagnostic.description == "v.yaml:1:2: error: invalid name 'A\\u{1B}]0;title\\u{7}'")
    }

    @Test("long input is cut, with its full length")
    func excerpt() {
        #expect(DiagnosticText.excerpt("short") == "short")
        #expect(DiagnosticText.excerpt(String(repeating: "x", count: 70), limit: 4) == "xxxx… (70 characters)")
    }
}
