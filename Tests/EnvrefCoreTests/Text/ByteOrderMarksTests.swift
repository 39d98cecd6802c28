import EnvrefCore
import Testing

@Suite("Text: byte order marks")
struct ByteOrderMarksTests {
    @Test("every U+FEFF goes, wherever it is, and nothing else changes")
    func removesEveryMark() {
        #expect("\u{FEFF}".removingByteOrderMarks() == "")
        #expect("\u{FEFF}a\u{FEFF}b\u{FEFF}".removingByteOrderMarks() == "ab")
        #expect("\u{FEFF}\u{301}x".removingByteOrderMarks() == "\u{301}x")
        #expect("no mark \u{200B}\u{2060}".removingByteOrderMarks() == "no mark \u{200B}\u{2060}")
    }
}
