import EnvrefTestSupport
import Foundation
import Testing
import Yams

@testable import EnvrefRegistry

/// An unquoted value is flagged exactly when a common YAML reader reads it as something other than the
/// same text: PyYAML for YAML 1.1, and YAML 1.2's core schema.
@Suite("Unquoted values: flagged as PyYAML reads them")
struct PlainScalarTrapParityTests {
    /// Pieces of numbers, booleans, nulls, dates and times in YAML 1.1's many spellings.
    static let pieces = [
        "0", "1", "7", "12", "2001", "-", "+", ".", "_", ":", "e", "E", "x", "o", "b", "T", "Z", " ", "inf", "Inf", "nan",
        "NaN", "y", "Y", "n", "N", "on", "Off", "yes", "NO", "true", "False", "null", "NULL", "~", "=", "<<", "a",
    ]

    @Test("every piece, pair and third triple of pieces that Yams reads as plain text",
          .enabled(if: Python.isReady(["yaml"]), Python.missingReason))
    func flaggedAsPyYAMLReadsThem() throws {
        var texts = Self.pieces + Self.pieces.flatMap { first in Self.pieces.map { first + $0 } }
            + everyNthTriple(of: Self.pieces, 3).map { $0 + $1 + $2 }
        texts += ["2001-12-14", "2001-12-14 21:59:43.10 -5", "2001-1-4 1:59:43", "1:20:30", "-1:20", "190:20:30.15", "0b1_0", "0x_1F", "1__0"]
        // Only texts that stay one plain scalar in YAML are values a registry can hold unquoted.
        texts = texts.filter { text in
            guard let node = try? Yams.compose(yaml: "k: " + text, .basic), case .scalar(let scalar) = node["k"] else { return false }
            return scalar.style == .plain && scalar.string == text
        }
        // A reader agrees when it reads the same text, or a number Python writes as that text. PyYAML stands
        // for YAML 1.1; YAML 1.2's core schema (js-yaml, ruamel, Go's yaml.v3) is its published patterns; and
        // YAML 1.1's own spec adds `y` and `n`, which PyYAML leaves out but Go's yaml.v2 reads as booleans.
        let script = #"""
            import json, re, sys, yaml
            texts = json.load(sys.stdin)
            def same(value, text):
                if isinstance(value, bool) or value is None:
                    return False
                if isinstance(value, str):
                    return value == text
                if isinstance(value, (int, float)):
                    return repr(value) == text
                return False
            def pyyaml(text):
                try:
                    return same(yaml.safe_load("k: " + text)["k"], text)
                except Exception:
                    return False
            def core12(text):
                if re.fullmatch(r"null|Null|NULL|~|true|True|TRUE|false|False|FALSE", text):
                    return False
                if re.fullmatch(r"[-+]?[0-9]+", text):
                    return same(int(text), text)
                if re.fullmatch(r"0o[0-7]+|0x[0-9a-fA-F]+", text):
                    return False
                if re.fullmatch(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?", text):
                    return same(float(text), text)
                return not re.fullmatch(r"[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)", text)
            def spec11(text):
                return text not in ("y", "Y", "n", "N")
            print(json.dumps([pyyaml(text) and core12(text) and spec11(text) for text in texts]))
            """#
        let run = try Python.run(script, input: try JSONSerialization.data(withJSONObject: texts))
        try #require(run.status == 0, "\(run.errors)")
        let data = Data(run.output.utf8)
        let readsAsText = try #require(try JSONSerialization.jsonObject(with: data) as? [Bool])
        try #require(readsAsText.count == texts.count)
        var missed: [String] = [], needless: [String] = []
        for (text, isText) in zip(texts, readsAsText) {
            let flagged = PlainScalarTrap.otherReading(of: text) != nil
            if !isText, !flagged { missed.append(text) }
            if isText, flagged { needless.append(text) }
        }
        #expect(missed.isEmpty, "a reader takes these for something else, and envref lets them through: \(missed.prefix(20))")
        #expect(needless.isEmpty, "every reader takes these for text, and envref refuses them: \(needless.prefix(20))")
        #expect(texts.count > 10_000)
    }
}
