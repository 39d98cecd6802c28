import Testing

@testable import EnvrefRegistry

@Suite("Unquoted values other YAML readers take differently")
struct PlainScalarTrapTests {
    @Test("YAML 1.1 booleans in every spelling", arguments: ["y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "true"])
    func booleansTrue(_ text: String) {
        #expect(PlainScalarTrap.otherReading(of: text) == "the boolean true")
    }

    @Test("YAML 1.1 false", arguments: ["n", "no", "No", "NO", "off", "OFF", "false", "False"])
    func booleansFalse(_ text: String) {
        #expect(PlainScalarTrap.otherReading(of: text) == "the boolean false")
    }

    @Test("numbers whose value is written differently from the text")
    func numbers() {
        #expect(PlainScalarTrap.otherReading(of: "0x10") == "the number 16")
        #expect(PlainScalarTrap.otherReading(of: "0b101") == "the number 5")
        #expect(PlainScalarTrap.otherReading(of: "010") == "the number 8")
        #expect(PlainScalarTrap.otherReading(of: "1_000") == "the number 1000")
        #expect(PlainScalarTrap.otherReading(of: "-1:30") == "the number -90")
        #expect(PlainScalarTrap.otherReading(of: "1" + String(repeating: ":00", count: 12)) == "a number too large to keep exactly")
        #expect(PlainScalarTrap.otherReading(of: "9" + String(repeating: "9", count: 30)) == nil)
        #expect(PlainScalarTrap.otherReading(of: "0x" + String(repeating: "F", count: 30)) == "a number too large to keep exactly")
        // Python writes floats below 10^16 without an exponent, where Swift starts one at 2^53.
        #expect(PlainScalarTrap.otherReading(of: "9007199254740994.0") == nil)
        #expect(PlainScalarTrap.otherReading(of: "9007199254740994.50") == "the number 9007199254740994.0")
        #expect(PlainScalarTrap.pythonText(of: -1.25e15) == "-1250000000000000.0")
        #expect(PlainScalarTrap.pythonText(of: 1e16) == "1e+16")
        #expect(PlainScalarTrap.otherReading(of: "1e3") == "the number 1000.0")
        #expect(PlainScalarTrap.otherReading(of: "3.10") == "the number 3.1")
        #expect(PlainScalarTrap.otherReading(of: ".inf") == "the number infinity")
        #expect(PlainScalarTrap.otherReading(of: "~") == "null (no value)")
    }

    @Test("YAML 1.1 timestamps, which PyYAML reads as dates", arguments: [
        ("2001-12-14", "a date"), ("2001-12-14t21:59:43.10-05:00", "a date and time"), ("2001-12-14 21:59:43.10 -5", "a date and time"),
        ("2001-1-4 1:59:43", "a date and time"), ("2001-12-14T21:59:43Z", "a date and time"),
    ])
    func timestamps(_ text: String, _ reading: String) {
        #expect(PlainScalarTrap.otherReading(of: text) == reading)
    }

    @Test("the two plain words PyYAML refuses to load at all")
    func wordsPyYAMLRefuses() {
        #expect(PlainScalarTrap.otherReading(of: "=") == "YAML 1.1's value key, which PyYAML cannot load")
        #expect(PlainScalarTrap.otherReading(of: "<<") == "a merge key, which PyYAML cannot load as a value")
    }

    @Test("text every reader agrees on is accepted", arguments: ["0", "42", "-7", "1.5", "offline", "never", "0:12", "1.2.3", "yes please", "e", "v1e3", "", "==", "<", "a=b", "2001-1-4", "2001-12-14x", "v2001-12-14", "20011-12-14"])
    func agreed(_ text: String) {
        #expect(PlainScalarTrap.otherReading(of: text) == nil)
    }

    @Test("a leading zero in a whole number reads as octal")
    func octal() {
        #expect(PlainScalarTrap.octalReading(of: "010") == "the octal number 8")
        #expect(PlainScalarTrap.octalReading(of: "-017") == "the octal number -15")
        #expect(PlainScalarTrap.octalReading(of: "0") == nil)
        #expect(PlainScalarTrap.octalReading(of: "10") == nil)
        #expect(PlainScalarTrap.octalReading(of: "09") == nil)
    }
}
