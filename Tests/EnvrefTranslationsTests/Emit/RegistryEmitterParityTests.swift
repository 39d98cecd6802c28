import EnvrefCore
import EnvrefRegistry
import EnvrefTestSupport
import Foundation
import Testing

@testable import EnvrefTranslations

/// What envref writes into `variables.yaml` reads back as the same text in PyYAML, which scripts beside a
/// registry are likely to read it with.
///
/// PyYAML reads YAML 1.1, where more plain words mean something other than text (`=`, `1_000`, `1:20`,
/// `2001-12-14`), and Yams reads YAML 1.2; the writer must quote for both.
@Suite("Emitting a registry: read alike by PyYAML")
struct RegistryEmitterParityTests {
    /// Whole values YAML 1.1 or 1.2 reads as something other than text when written plain.
    static let words = [
        "=", "<<", "yes", "No", "ON", "off", "y", "~", "null", "Null", "true", "1_000", "0x1F", "0o17", "0b101", "017",
        "1:20", "190:20:30", "2001-12-14", "2001-12-14t21:59:43.10-05:00", ".5", "1e3", "-1", "+1", ".inf", "-.Inf", ".NaN",
        "@x", "`x`", "%TAG", "!x", "&a", "*a", "|", ">", "[a]", "{a}", "'a'", "\"a\"", "#a", "- a", "? a", ": a", "a:",
    ]

    /// Pieces of longer texts: punctuation YAML reads specially, white space, line breaks and non-ASCII text.
    static let pieces = [
        "a", "Run", " ", "  ", "\t", "\n", "\n\n", ": ", " #", "#", ",", "[", "]", "{", "}", "-", "?", "'", "\"", "\\",
        "=", "<<", "1", "é", "日本", "\u{301}", "\u{85}", "\u{2028}", "\u{7F}", "\u{1}", "\u{FEFF}", "\u{1F600}", "%", "&", "*",
    ]

    static let base = """
        languages: [en, fr]
        prefix: X_
        variables:
          X_A:
            type: enum
            values: [a, b]
            example: a
            description:
              en: Text.
              fr: Texte.

        """

    static func text(_ generator: inout SplitMix64) -> String {
        if Int.random(in: 0..<3, using: &generator) == 0 { return words.randomElement(using: &generator)! }
        return (0..<Int.random(in: 1...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    @Test("300 generated registries: every description, example and enum value reads back as written",
          .enabled(if: Python.isReady(["yaml"]), Python.missingReason))
    func generatedRegistries() throws {
        let loaded = RegistryLoader.load(bytes: Array(Self.base.utf8), path: "variables.yaml")
        let template = try #require(loaded.registry, "\(loaded.diagnostics.rendered)")
        let folder = FileManager.default.temporaryDirectory.appending(path: "envref-yaml-parity-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        var generator = SplitMix64(seed: 20261207)
        var expected: [[String: Any]] = []
        var files: [String] = []
        for number in 0..<300 {
            var registry = template
            let values = [Self.text(&generator), Self.text(&generator)]
            let intended: [String: Any] = ["en": Self.text(&generator), "fr": Self.text(&generator), "example": values[1], "values": values]
            registry.variables[0].descriptions[LanguageCode(rawValue: "en")]?.text = intended["en"] as! String
            registry.variables[0].descriptions[LanguageCode(rawValue: "fr")]?.text = intended["fr"] as! String
            registry.variables[0].values = values
            registry.variables[0].example = values[1]
            let file = folder.appending(path: "case-\(number).yaml")
            try RegistryEmitter.yaml(for: registry).write(to: file, atomically: true, encoding: .utf8)
            files.append(file.path)
            expected.append(intended)
        }

        // One process reads every file: what PyYAML makes of the variable's texts, as JSON, one line per file.
        let script = """
            import json, sys, yaml
            for path in sys.argv[1:]:
                try:
                    variable = yaml.safe_load(open(path, encoding="utf-8"))["variables"]["X_A"]
                    texts = {k: (v["text"] if isinstance(v, dict) else v) for k, v in variable["description"].items()}
                    texts.update(example=variable["example"], values=variable["values"])
                    print(json.dumps(texts))
                except Exception as error:
                    print(json.dumps({"error": f"{type(error).__name__}: {error}"}))
            """
        let output = try Python.run(script, arguments: files)
        try #require(output.status == 0, "\(output.errors)")
        let lines = output.output.split(separator: "\n")
        try #require(lines.count == files.count)
        for (number, line) in lines.enumerated() {
            let read = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let written = try String(contentsOfFile: files[number], encoding: .utf8)
            for key in ["en", "fr", "example"] {
                #expect(read[key] as? String == expected[number][key] as? String,
                        "case \(number), \(key): PyYAML read \(read[key].map { "\($0)" } ?? "nothing") \(read["error"].map { "\($0)" } ?? "")\n\(written)")
            }
            #expect(read["values"] as? [String] == expected[number]["values"] as? [String], "case \(number), values\n\(written)")
        }
    }
}
