import EnvrefRuntime
import Foundation
import Testing
import WandbSettings

/// Every kind of invalid value, each with its exact message, and all of them gathered into one error.
@Suite struct ValidationTests {
    @Test(arguments: [
        (["DEMO_MODE": "bogus"], "DEMO_MODE='bogus' (override): expected one of fast, slow"),
        (["DEMO_MODE": "FAST"], "DEMO_MODE='FAST' (override): expected one of fast, slow"),
        (["DEMO_RETRIES": "many"], "DEMO_RETRIES='many' (override): expected a whole number"),
        (["DEMO_RETRIES": "-1"], "DEMO_RETRIES='-1' (override): expected at least 0"),
        (["DEMO_RETRIES": "11"], "DEMO_RETRIES='11' (override): expected at most 10"),
        (["DEMO_VERBOSE": "maybe"], "DEMO_VERBOSE='maybe' (override): expected true, false, 1, 0, yes or no"),
        (["DEMO_SERVER": "localhost"], "DEMO_SERVER='localhost' (override): expected an absolute URL such as https://example.com"),
        (["DEMO_SERVER": "http://"], "DEMO_SERVER='http://' (override): expected an absolute URL such as https://example.com"),
        (["DEMO_RUN_ID": "a"], "DEMO_RUN_ID='a' (override): expected at least 2 characters"),
        (["DEMO_RUN_ID": "abcdefghi"], "DEMO_RUN_ID='abcdefghi' (override): expected at most 8 characters"),
        (["DEMO_RUN_ID": "ABC"], "DEMO_RUN_ID='ABC' (override): expected a value matching [a-z0-9]+"),
        (["DEMO_TOKEN": "short"], "DEMO_TOKEN=<REDACTED> (override): expected at least 12 characters"),
        (["DEMO_MODEE": "fast"], "DEMO_MODEE (override): not a setting of DemoSettings"),
    ])
    func invalidValue(overrides: [String: String], message: String) throws {
        let error = try #require(DemoSchema.error(overrides))
        #expect(error.problems.map(\.description) == [message])
    }

    @Test func everyInvalidValueIsInOneError() throws {
        let error = try #require(DemoSchema.error(
            ["DEMO_VERBOSE": "maybe", "DEMO_UNKNOWN": "x"],
            environment: ["DEMO_MODE": "bogus", "DEMO_RETRIES": "99", "DEMO_SERVER": "nope", "DEMO_RUN_ID": "x"]))
        #expect(error.description == """
            DemoSettings: 6 invalid settings
              DEMO_UNKNOWN (override): not a setting of DemoSettings
              DEMO_MODE='bogus' (environment): expected one of fast, slow
              DEMO_RETRIES='99' (environment): expected at most 10
              DEMO_VERBOSE='maybe' (override): expected true, false, 1, 0, yes or no
              DEMO_SERVER='nope' (environment): expected an absolute URL such as https://example.com
              DEMO_RUN_ID='x' (environment): expected at least 2 characters
            """)
        #expect(error.localizedDescription == error.description)
    }

    @Test func validValuesOfEveryKind() throws {
        let resolution = try DemoSchema.resolve(
            ["DEMO_RETRIES": " 7 ", "DEMO_VERBOSE": "Yes"],
            environment: ["DEMO_SERVER": "https://demo.example/api", "DEMO_RUN_ID": "run42", "DEMO_TAGS": "a; b;;c ", "DEMO_CACHE": "~"])
        #expect(resolution.value("DEMO_MODE", as: String.self) == "fast")
        #expect(resolution.value("DEMO_RETRIES", as: Int.self) == 7)
        #expect(resolution.value("DEMO_VERBOSE", as: Bool.self) == true)
        #expect(resolution.value("DEMO_SERVER", as: URL.self) == URL(string: "https://demo.example/api"))
        #expect(resolution.value("DEMO_RUN_ID", as: String.self) == "run42")
        #expect(resolution.value("DEMO_TAGS", as: [String].self) == ["a", "b", "c"])
        #expect(resolution.value("DEMO_CACHE", as: String.self) == "/home/demo")
        #expect(resolution.value("DEMO_TOKEN", as: String.self) == nil)
        #expect(resolution.value("DEMO_RETRIES", as: Bool.self) == nil)
    }

    @Test(arguments: ["true", "FALSE", "1", "0", "yes", "No", " yes "])
    func booleansAcceptEveryWrittenForm(text: String) throws {
        let resolution = try DemoSchema.resolve(["DEMO_VERBOSE": text])
        #expect(resolution.value("DEMO_VERBOSE", as: Bool.self) == ["true", "1", "yes"].contains(text.trimmingCharacters(in: .whitespaces).lowercased()))
    }

    @Test func wandbExamplesFromTheIssue() throws {
        let project = try TemporaryProject()
        let runID = String(repeating: "r", count: 65)
        do {
            _ = try WandbSettings(inputs: project.inputs([
                "WANDB_MODE": "bogus", "WANDB_RUN_ID": runID, "WANDB_USER_EMAIL": "not-an-email", "WANDB_SILENT": "sometimes",
            ]))
            Issue.record("expected invalid settings")
        } catch {
            #expect(error.problems.map(\.description) == [
                "WANDB_MODE='bogus' (environment): expected one of online, offline, disabled",
                "WANDB_RUN_ID='\(runID)' (environment): expected at most 64 characters",
                "WANDB_SILENT='sometimes' (environment): expected true, false, 1, 0, yes or no",
                #"WANDB_USER_EMAIL='not-an-email' (environment): expected a value matching ^[^@\s]+@[^@\s]+$"#,
            ])
        }
    }

    @Test func invalidValueInASettingsFileNamesItsSource() throws {
        let project = try TemporaryProject()
        try project.writeProjectSettings("[default]\nmode = sometimes\n")
        try project.writeUserSettings("[default]\nbase_url = ftp:nowhere\n")
        do {
            _ = try WandbSettings(inputs: project.inputs())
            Issue.record("expected invalid settings")
        } catch {
            #expect(error.problems.map(\.description) == [
                "WANDB_BASE_URL='ftp:nowhere' (user-settings): expected an absolute URL such as https://example.com",
                "WANDB_MODE='sometimes' (project-settings): expected one of online, offline, disabled",
            ])
        }
    }
}
