import EnvrefCore
import Testing

@testable import EnvrefRegistry

@Suite("Parsing values")
struct ValueParserTests {
    let location = SourceLocation(path: "v.yaml", line: 1, column: 1)

    func variable(_ type: VariableType, _ configure: (inout Variable) -> Void = { _ in }) -> Variable {
        var variable = Variable(name: "WANDB_X", type: type, descriptions: [:], location: location)
        configure(&variable)
        return variable
    }

    @Test("booleans accept true/false/1/0/yes/no in any case", arguments: [
        ("true", true), ("TRUE", true), ("1", true), ("Yes", true), ("false", false), ("0", false), ("NO", false),
    ])
    func booleans(text: String, expected: Bool) throws {
        #expect(try ValueParser.parse(text, as: variable(.bool)).get() == .bool(expected))
    }

    @Test("other booleans are refused")
    func badBoolean() {
        #expect(throws: ValueProblem.notOfType(.bool)) { try ValueParser.parse("on", as: variable(.bool)).get() }
    }

    @Test("lists trim items and drop empty ones")
    func lists() throws {
        #expect(try ValueParser.parse(" a, b ,,c ,", as: variable(.list)).get() == .list(["a", "b", "c"]))
        #expect(try ValueParser.parse("a;b", as: variable(.list) { $0.separator = ";" }).get() == .list(["a", "b"]))
        // Split on the separator's bytes, as the runtime splits: a comma followed by a combining mark is still a comma.
        #expect(try ValueParser.parse("a,\u{301}b,c", as: variable(.list)).get() == .list(["a", "\u{301}b", "c"]))
        #expect(try ValueParser.parse("日本::語::", as: variable(.list) { $0.separator = "::" }).get() == .list(["日本", "語"]))
    }

    @Test("deprecated enum values map to their replacement")
    func deprecatedEnumValue() throws {
        let mode = variable(.enumeration) {
            $0.values = ["online", "offline"]
            $0.deprecatedValues = [DeprecatedValue(value: "dryrun", replacement: "offline")]
        }
        #expect(try ValueParser.parse("dryrun", as: mode).get() == .string("offline"))
        #expect(throws: ValueProblem.notAllowed(values: ["online", "offline"])) { try ValueParser.parse("bogus", as: mode).get() }
    }

    @Test("length, range and pattern constraints apply")
    func constraints() throws {
        let runID = variable(.string) { $0.constraints.maxLength = 3 }
        #expect(throws: ValueProblem.tooLong(maximum: 3)) { try ValueParser.parse("abcd", as: runID).get() }
        let port = variable(.int) { $0.constraints = Constraints(minimum: 1, maximum: 10) }
        #expect(throws: ValueProblem.aboveMaximum(10)) { try ValueParser.parse("11", as: port).get() }
        #expect(throws: ValueProblem.belowMinimum(1)) { try ValueParser.parse("0", as: port).get() }
        let email = variable(.string) { $0.constraints.pattern = "[^@]+@[^@]+" }
        #expect(throws: ValueProblem.patternMismatch("[^@]+@[^@]+")) { try ValueParser.parse("nobody", as: email).get() }
        #expect(try ValueParser.parse("a@b", as: email).get() == .string("a@b"))
    }

    @Test("URLs need a scheme and a host")
    func urls() throws {
        #expect(throws: ValueProblem.notOfType(.url)) { try ValueParser.parse("localhost:8080", as: variable(.url)).get() }
        #expect(try ValueParser.parse("http://localhost:8080", as: variable(.url)).get() == .string("http://localhost:8080"))
    }
}
