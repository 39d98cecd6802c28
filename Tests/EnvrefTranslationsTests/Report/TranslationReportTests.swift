import EnvrefCore
import Foundation
import SnapshotTesting
import Testing

@testable import EnvrefTranslations

@Suite("Report formats")
struct TranslationReportTests {
    @Test("text: a table per language, then stale texts with the previous source, untranslated and drift")
    func text() throws {
        assertSnapshot(of: TranslationReport.render(try Demo.status(), as: .text), as: .lines)
    }

    @Test("JSON: the contract keys, sorted, plus details")
    func json() throws {
        let output = TranslationReport.render(try Demo.status(), as: .json)
        assertSnapshot(of: output, as: .lines)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        #expect(object["sourceLanguage"] as? String == "en")
        let fr = try #require((object["languages"] as? [String: Any])?["fr"] as? [String: Any])
        #expect(fr["total"] as? Int == 6)
        #expect(fr["translated"] as? Int == 2)
        #expect(fr["missing"] as? [String] == ["DEMO_NAME"])
        #expect(fr["stale"] as? [String] == ["DEMO_OLD"])
        #expect(fr["untranslated"] as? [String] == ["DEMO_API_KEY", "DEMO_DIR"])
        #expect(fr["valueDrift"] as? [String] == ["DEMO_MODE"])
        #expect((object["orphans"] as? [[String: Any]])?.map { $0["variable"] as? String } == ["DEMO_GONE"])
    }

    @Test("Markdown: summary table, a section per language, stale texts as diffs")
    func markdown() throws {
        assertSnapshot(of: TranslationReport.render(try Demo.status(), as: .markdown), as: .lines)
    }

    @Test("a stale text's diff marks every line, whatever ends it, inside a fence longer than any backtick run")
    func diffBlock() {
        #expect(MarkdownReport.diffBlock(previous: "a", current: "b") == "```diff\n- a\n+ b\n```\n")
        // A CRLF or a lone CR ends a line for a Markdown reader, so the line after it gets its marker too.
        #expect(MarkdownReport.diffBlock(previous: "a\r\nb", current: "c\rd") == "```diff\n- a\n- b\n+ c\n+ d\n```\n")
        // A backtick followed by a combining mark is still a backtick to a Markdown reader.
        #expect(MarkdownReport.diffBlock(previous: nil, current: "````\u{301}") == "`````diff\n+ ````\u{301}\n`````\n")
    }

    @Test("github: an annotation per finding on its registry line; --fail-on findings are errors")
    func github() throws {
        let policy = FailurePolicy(conditions: [.missing, .drift])
        assertSnapshot(of: TranslationReport.render(try Demo.status(), as: .github, policy: policy), as: .lines)
    }

    @Test("the same input renders the same bytes")
    func deterministic() throws {
        for format in ReportFormat.allCases {
            #expect(TranslationReport.render(try Demo.status(), as: format) == TranslationReport.render(try Demo.status(), as: format))
        }
    }

    @Test("GitHub escapes keep messages and properties intact")
    func githubEscaping() {
        #expect(GitHubReport.escapeData("50% done\nnext") == "50%25 done%0Anext")
        #expect(GitHubReport.escapeProperty("a:b,c") == "a%3Ab%2Cc")
        #expect(GitHubReport.escapeData("a\r\nb") == "a%0D%0Ab")
        // A comma or colon with a combining mark after it is one Character; the runner reads bytes.
        #expect(GitHubReport.escapeProperty("a,\u{301}b:\u{301}c") == "a%2C\u{301}b%3A\u{301}c")
    }
}

@Suite("Failing CI on findings")
struct FailurePolicyTests {
    @Test("each --fail-on condition and --min-coverage names what fails")
    func failures() throws {
        let status = try Demo.status()
        let policy = FailurePolicy(conditions: Set(FailureCondition.allCases), minimumCoverage: 50)
        #expect(policy.failures(in: status) == [
            "fr: 1 translation missing (--fail-on missing)",
            "fr: 1 translation stale (--fail-on stale)",
            "fr: 2 translations untranslated (--fail-on untranslated)",
            "fr: 1 translation with value drift (--fail-on drift)",
            "fr: coverage 33.3% is below --min-coverage 50%",
            "ja: 3 translations missing (--fail-on missing)",
            "ja: 1 translation stale (--fail-on stale)",
            "ja: 1 translation untranslated (--fail-on untranslated)",
            "ja: coverage 16.7% is below --min-coverage 50%",
            "1 orphaned translation record (--fail-on orphans)",
        ])
        #expect(FailurePolicy().failures(in: status) == [])
        #expect(FailurePolicy(minimumCoverage: 16).failures(in: status) == [])
        #expect(FailurePolicy(minimumCoverage: 20.5).failures(in: status) == ["ja: coverage 16.7% is below --min-coverage 20.5%"])
    }

    @Test("--fail-on lists are parsed, and unknown words get a suggestion")
    func parsing() throws {
        #expect(try FailureCondition.parseList("missing,stale, drift") == [.missing, .stale, .drift])
        #expect(try FailureCondition.parseList("orphan value-drift") == [.orphans, .drift])
        #expect(throws: FailureConditionError.self) { try FailureCondition.parseList("missing,stail") }
        let error = try #require(throws: FailureConditionError.self) { try FailureCondition.parseList("misssing") }
        #expect(error.description == "unknown condition 'misssing'; did you mean 'missing'? expected a comma-separated list of missing, stale, untranslated, drift, orphans")
    }
}
