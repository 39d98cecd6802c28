import EnvrefCore
import EnvrefRegistry
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
        return check.terms(in: translation, source: source ?? variable.descriptions["en"]!.text, of: variable).map(\.explanation)
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
