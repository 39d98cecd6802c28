import EnvrefAudit
import Testing

@Suite struct NameMatcherTests {
    let matcher = NameMatcher(prefix: "WANDB_")

    private func names(_ text: String) -> [String] {
        matcher.references(in: text).map { "\($0.name)@\($0.line):\($0.column)" }
    }

    @Test func findsNamesInEveryLanguagesIdiom() {
        #expect(names(#"let mode = ProcessInfo.processInfo.environment["WANDB_MODE"]"#) == ["WANDB_MODE@1:49"])
        #expect(names(#"project = os.environ.get("WANDB_PROJECT", "x")"#) == ["WANDB_PROJECT@1:27"])
        #expect(names(#"key := os.Getenv("WANDB_API_KEY")"#) == ["WANDB_API_KEY@1:19"])
        #expect(names("echo $WANDB_DIR ${WANDB_CACHE_DIR:-~/.cache}\nexport WANDB_SILENT=true") == [
            "WANDB_DIR@1:7", "WANDB_CACHE_DIR@1:19", "WANDB_SILENT@2:8",
        ])
    }

    @Test func skipsPrefixesBeingBuiltAndLongerIdentifiers() {
        #expect(names(#"f"WANDB_{key.upper()}""#).isEmpty)
        #expect(names(#"name.startswith("WANDB_")"#).isEmpty)
        #expect(names("MY_WANDB_MODE WANDB_MODEx wandb_mode WANDB_SWEEP_PARAM_").isEmpty)
    }

    @Test func columnsCountUnicodeScalars() {
        #expect(names("// é WANDB_MODE") == ["WANDB_MODE@1:6"])
    }

    @Test func linesEndWithLineFeedsCarriageReturnsOrBoth() {
        #expect(names("a\r\nWANDB_A\rWANDB_B\nWANDB_C") == ["WANDB_A@2:1", "WANDB_B@3:1", "WANDB_C@4:1"])
    }
}
