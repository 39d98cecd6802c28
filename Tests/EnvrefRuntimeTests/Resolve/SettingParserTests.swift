import Foundation
import Testing
@testable import EnvrefRuntime

/// The parser's byte-level shortcuts give the answers of the plain String operations they replace.
@Suite struct SettingParserTests {
    /// The rule the boolean check replaced: lowercase the trimmed text, then compare whole words.
    private func lowercasedBoolean(_ text: Substring) -> Bool? {
        switch text.lowercased() {
        case "true", "1", "yes": true
        case "false", "0", "no": false
        default: nil
        }
    }

    @Test(arguments: [
        ("a,\u{301}b,c", ",", ["a", "\u{301}b", "c"]),
        (" a, b ,,c ,", ",", ["a", "b", "c"]),
        ("a; b;;c", "; ", ["a", "b;;c"]),
        ("\u{3000}é\u{3000},ü ", ",", ["é", "ü"]),
        ("日本::語::", "::", ["日本", "語"]),
        ("", ",", []),
    ])
    func listsSplitOnTheSeparatorsBytes(text: String, separator: String, items: [String]) {
        // A comma followed by a combining mark is one Character, but a shell or Python still splits there.
        #expect(SettingParser.listItems(text, separator: separator) == items)
    }

    @Test func booleanAgreesWithLowercasing() {
        // Every case mix of every word, near misses around each, NUL bytes that would pad a shorter word, and
        // non-ASCII letters, some of which lowercase to ASCII (KELVIN SIGN, DOTTED CAPITAL I).
        let words = ["true", "false", "yes", "no", "1", "0"]
        var texts = words.flatMap { word in
            (0..<(1 << word.count)).map { mask in
                String(word.enumerated().map { offset, character in mask & (1 << offset) != 0 ? Character(character.uppercased()) : character })
            }
        }
        texts += words.flatMap { ["\($0)x", "x\($0)", String($0.dropLast()), "\0\($0)", "\($0)\0", "\0\0\0\($0)"] }
        texts += ["", "\0", "2", "01", "truefalse", "ｔｒｕｅ", "TRU\u{212A}", "\u{130}", "nо", "yes\u{301}", "é", "on", "off"]
        for text in texts {
            #expect(SettingParser.boolean(Substring(text)) == lowercasedBoolean(Substring(text)), "\(text.debugDescription)")
        }
    }

    @Test(arguments: [
        ("~", "/home/someone"), ("~/runs", "/home/someone/runs"), ("~someone/runs", "~someone/runs"),
        ("/abs/~", "/abs/~"), ("runs", "runs"), ("~\u{301}/x", "~\u{301}/x"), ("", ""),
    ])
    func tildeExpandsOnlyAsAWholeFirstComponent(path: String, expected: String) {
        #expect(SettingParser(homeDirectory: "/home/someone").expandingTilde(in: path) == expected)
        #expect(SettingParser(homeDirectory: "/home/someone/").expandingTilde(in: path) == expected)
    }

    @Test func byteRulesFollowTheSystemNotCharacters() {
        // A combining mark after the `/` still leaves `~/` a whole first component, as a shell sees it.
        #expect(SettingParser(homeDirectory: "/h").expandingTilde(in: "~/\u{301}x") == "/h/\u{301}x")
        // U+0600 joins the `/` after it into one character; only the `/` byte is dropped from the home folder.
        #expect(SettingParser(homeDirectory: "/h/a\u{600}/").expandingTilde(in: "~/x") == "/h/a\u{600}/x")
    }

    @Test func rootHomeKeepsItsSlash() {
        #expect(SettingParser(homeDirectory: "/").expandingTilde(in: "~") == "/")
        #expect(SettingParser(homeDirectory: "/").expandingTilde(in: "~/x") == "//x")
    }
}
