import EnvrefAudit
import EnvrefRegistry
import Testing

@Suite struct AuditorTests {
    let registry: Registry

    init() throws {
        let yaml = """
            languages: [en]
            prefix: WANDB_
            variables:
              WANDB_MODE:
                type: string
                description: x
              WANDB_NAME:
                type: string
                description: x
              WANDB_DESCRIPTION:
                deprecated:
                  replacement: WANDB_NAME
                description: x
              WANDB_PROJECT:
                type: string
                description: x

            """
        registry = try #require(RegistryLoader.load(bytes: Array(yaml.utf8), path: "Content/variables.yaml").registry)
    }

    @Test func reportsUnknownAndDeprecatedNamesAndUnreadVariables() {
        let report = Auditor(registry: registry).audit([
            (path: "train.py", text: "mode = os.environ['WANDB_MODE']\nextra = os.environ['WANDB_FOO']\n"),
            (path: "run.sh", text: "echo $WANDB_DESCRIPTION $WANDB_BAR\n"),
        ])
        #expect(report.diagnostics.map(\.description) == [
            "run.sh:1:7: warning: WANDB_DESCRIPTION is deprecated; use WANDB_NAME",
            "run.sh:1:26: warning: WANDB_BAR is not in the registry",
            "train.py:2:21: warning: WANDB_FOO is not in the registry",
            "Content/variables.yaml:14:3: note: WANDB_PROJECT is not read by any scanned file",
        ])
        #expect(report.summary == "audited 2 files: 2 references to names not in the registry, 1 reference to deprecated names, 1 registry variable not read")
    }

    @Test func exitStatusGatesCI() {
        let clean = Auditor(registry: registry).audit([(path: "a.go", text: #"os.Getenv("WANDB_MODE"); os.Getenv("WANDB_NAME"); os.Getenv("WANDB_PROJECT")"#)])
        #expect(clean.exitStatus(strict: false) == 0)
        #expect(clean.exitStatus(strict: true) == 0)

        let unread = Auditor(registry: registry).audit([(path: "a.go", text: #"os.Getenv("WANDB_MODE")"#)])
        #expect(unread.exitStatus(strict: false) == 0)
        #expect(unread.exitStatus(strict: true) == 1)

        let deprecatedOnly = Auditor(registry: registry).audit([(path: "a.sh", text: "$WANDB_MODE $WANDB_DESCRIPTION $WANDB_PROJECT")])
        #expect(deprecatedOnly.unreadVariables.isEmpty)
        #expect(deprecatedOnly.exitStatus(strict: false) == 0)
        #expect(deprecatedOnly.exitStatus(strict: true) == 1)

        let unknown = Auditor(registry: registry).audit([(path: "a.sh", text: "$WANDB_NOPE")])
        #expect(unknown.exitStatus(strict: false) == 1)

        var missing = clean
        missing.errors = [.error("cannot audit 'x': no such file or folder")]
        #expect(missing.exitStatus(strict: false) == 2)
    }

    @Test func prefixCanBeGivenExplicitly() {
        let report = Auditor(registry: registry, prefix: "OTHER_").audit([(path: "a.sh", text: "$OTHER_THING $WANDB_FOO")])
        #expect(report.unknownNames.map(\.description) == ["a.sh:1:2: warning: OTHER_THING is not in the registry"])
    }
}
