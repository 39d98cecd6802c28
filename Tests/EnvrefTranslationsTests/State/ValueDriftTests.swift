import EnvrefCore
import EnvrefRegistry
import EnvrefTestSupport
import Testing

@testable import EnvrefTranslations

@Suite("Value drift")
struct ValueDriftTests {
    static let yaml = """
        languages: [en, fr]
        prefix: DEMO_
        variables:
          DEMO_MODE:
            type: enum
            values: [online, offline, disabled]
            deprecatedValues: {dryrun: offline}
            default: online
            description: {en: "Use `online`, `offline` or `disabled`."}
          DEMO_FLAG:
            type: bool
            description: {en: "Set to `true` to enable."}
          DEMO_JOB:
            type: string
            description: {en: "A label such as `training`."}

        """

    static func drift(_ translation: String, of name: String, source: String? = nil) throws -> [String] {
        let registry = try #require(RegistryLoader.load(bytes: Array(yaml.utf8), path: "r.yaml").registry)
        let variable = try #require(registry.variable(named: name))
        let check = ValueDriftCheck(registry: registry)
        let sourceWords = ValueDriftCheck.wordSet(of: source ?? variable.descriptions["en"]!.text)
        return check.terms(in: translation, sourceWords: sourceWords, of: variable).map(\.explanation)
    }

    @Test("a deprecated value in an enum's translation is drift, even when nobody marked it stale")
    func deprecatedValue() throws {
        #expect(try Self.drift("Réglez-la sur `dryrun` pour travailler hors ligne.", of: "DEMO_MODE") == [
            "`dryrun` is a deprecated value of DEMO_MODE; the source now uses `offline`"
        ])
    }

    @Test("an enum value that does not exist at all is drift")
    func unknownValue() throws {
        #expect(try Self.drift("Utilisez `online` ou `run`.", of: "DEMO_MODE") == [
            "`run` is not a value of DEMO_MODE (online, offline, disabled)"
        ])
    }

    @Test("current values, the default and words the source text itself mentions are not drift")
    func currentValues() throws {
        #expect(try Self.drift("Utilisez `online`, `offline` ou `disabled`.", of: "DEMO_MODE") == [])
        #expect(try Self.drift("`dryrun` marche encore.", of: "DEMO_MODE", source: "`offline` (formerly `dryrun`).") == [])
    }

    @Test("NAME=value in code names the variable's values, in any variable's text")
    func assignments() throws {
        #expect(try Self.drift("Exemple : `export DEMO_MODE=dryrun`.", of: "DEMO_JOB") == [
            "`dryrun` is a deprecated value of DEMO_MODE; the source now uses `offline`"
        ])
        #expect(try Self.drift("```sh\nDEMO_FLAG=\"maybe\" run\n```", of: "DEMO_JOB") == ["`maybe` is not a boolean value of DEMO_FLAG"])
        #expect(try Self.drift("`DEMO_FLAG=yes`", of: "DEMO_JOB") == [])
    }

    @Test("a variable name the registry does not have is drift; registry names are not")
    func variableNames() throws {
        #expect(try Self.drift("Voir `DEMO_FLAG` et `DEMO_DESCRIPTION`.", of: "DEMO_JOB") == [
            "`DEMO_DESCRIPTION` is not a variable in the registry"
        ])
        #expect(try Self.drift("Voir `$OTHER_TOOL_HOME/bin`.", of: "DEMO_JOB") == ["`OTHER_TOOL_HOME` is not a variable in the registry"])
    }

    @Test("one-word code in a string variable's text is not a value, so it cannot drift")
    func stringVariables() throws {
        #expect(try Self.drift("Une étiquette comme `entraînement` ou `evaluation`.", of: "DEMO_JOB") == [])
    }
}

@Suite("Value drift, cleared from bytes")
struct ValueDriftShortcutTests {
    /// Pieces that reach every branch of the byte-level clearing: names in and out of the registry and the
    /// source, `=`, code spans and blocks, combining marks and a prepended sign next to names, CJK, `.` and `-`.
    static let pieces = ["DEMO_MODE", "DEMO_FLAG", "DEMO_NEW", "OTHER_TOOL_HOME", "MY_X", "A_B", "X_", "_Y", "Dryrun", "offline",
                         "dryrun", "`", "```\n", "`DEMO_NEW`", "`OTHER_TOOL_HOME", "DEMO_NEW\u{301}`", "`DEMO_FLAG=maybe`", "`\u{600}XDEMO_NEW`", "    ", "\n", " ", "=", "$", "(", ")", ".", "-", "..", "\"", "'", "é", "e\u{301}",
                         "\u{301}", "\u{20E3}", "\u{600}", "日本", "설정", "1", "9", "_", "WANDB_X", "DEMO_", "~~~\n", "\\", "|", "\r\n",
                         "\0", "\t", "| a |\n|-|\n| ", "\\|", "> ", "\u{FFFD}"]

    @Test("clearing a translation from its bytes never hides drift that reading all its code finds, on 20,000 texts")
    func matchesReadingAllCode() throws {
        let registry = try #require(RegistryLoader.load(bytes: Array(ValueDriftTests.yaml.utf8), path: "r.yaml").registry)
        let check = ValueDriftCheck(registry: registry)
        let variables = try ["DEMO_JOB", "DEMO_FLAG"].map { try #require(registry.variable(named: $0)) }
        var generator = SplitMix64(seed: 0xD21F7)
        var mismatches: [String] = []
        var drifting = 0
        for _ in 0..<20_000 {
            let count = Int(generator.next() % 12)
            let text = (0..<count).map { _ in Self.pieces[Int(generator.next() % UInt64(Self.pieces.count))] }.joined()
            let variable = variables[Int(generator.next() % 2)]
            let sourceWords = ValueDriftCheck.wordSet(of: variable.descriptions["en"]!.text + " MY_X")
            let expected = check.termsReadingAllCode(in: text, sourceWords: sourceWords, of: variable)
            // Only texts without `=` count: with one, the shortcut defers to reading the code at once.
            if !expected.isEmpty, !text.contains("=") { drifting += 1 }
            if check.terms(in: text, sourceWords: sourceWords, of: variable) != expected { mismatches.append(text) }
        }
        #expect(mismatches.isEmpty, "first differences: \(mismatches.prefix(5).map { $0.debugDescription })")
        // Texts the shortcut itself had to judge must drift often enough for the comparison to mean something.
        #expect(drifting > 2_000)
    }

    @Test("an ASCII text splits into the same words byte by byte as one Character at a time")
    func asciiWordsMatchCharacterWords() {
        let pieces = ["DEMO_MODE", "a", "Z9", ".", "-", "..", "-x-", "_", " ", "\t", "\r\n", "\n", "=", "`", "(", ")", "/", ",", "x.y", "1e3"]
        var generator = SplitMix64(seed: 0xA5C11)
        for _ in 0..<5_000 {
            let count = Int(generator.next() % 10)
            let text = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            #expect(ValueDriftCheck.words(in: text) == ValueDriftCheck.characterWords(in: text), "\(text.debugDescription)")
        }
    }

    @Test("a prepended sign joins the letter after it, so the name starts one letter later; a combining mark makes no name")
    func joinedNames() throws {
        #expect(try ValueDriftTests.drift("Voir `\u{600}XDEMO_NEW`.", of: "DEMO_JOB") == ["`DEMO_NEW` is not a variable in the registry"])
        #expect(try ValueDriftTests.drift("Voir `DEMO_NEW\u{301}`.", of: "DEMO_JOB") == [])
    }
}
