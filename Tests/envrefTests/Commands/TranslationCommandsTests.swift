import EnvrefTestSupport
import Foundation
import Testing

/// A folder holding the small demo registry of the translation tests as Content/variables.yaml.
private enum DemoProject {
    static let fixture = CommandRunner.repositoryRoot.appending(path: "Tests/EnvrefTranslationsTests/Fixtures/demo/variables.yaml")

    static func make() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appending(path: "envref-translations-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appending(path: "Content"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: fixture, to: directory.appending(path: "Content/variables.yaml"))
        return directory
    }

    static func text(_ path: String, in project: URL) throws -> String {
        try String(contentsOf: project.appending(path: path), encoding: .utf8)
    }
}

@Suite("envref diff, as a process")
struct DiffCommandTests {
    @Test("the text report goes to standard output and the exit code is 0 without --fail-on")
    func text() throws {
        let project = try DemoProject.make()
        defer { try? FileManager.default.removeItem(at: project) }
        let result = try CommandRunner.run(["diff", "--lang", "fr"], in: project)
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix("Translations of Content/variables.yaml: 6 variables, source language en.\n\nfr  0.0% translated (0 of 6)\n"))
        #expect(result.standardOutput.contains("  value drift DEMO_MODE (Content/variables.yaml:14:11): `dryrun` is a deprecated value of DEMO_MODE; the source now uses `offline`\n"))
        #expect(result.standardError.isEmpty)
    }

    @Test("--fail-on and --min-coverage set the exit code and say why on standard error")
    func failing() throws {
        let project = try DemoProject.make()
        defer { try? FileManager.default.removeItem(at: project) }
        let result = try CommandRunner.run(["diff", "--format", "json", "--fail-on", "missing,drift", "--min-coverage", "10"], in: project)
        #expect(result.status == 1)
        #expect(result.errorLines == [
            "envref diff: fr: 1 translation missing (--fail-on missing)",
            "envref diff: fr: 1 translation with value drift (--fail-on drift)",
            "envref diff: fr: coverage 0.0% is below --min-coverage 10%",
            "envref diff: ja: 3 translations missing (--fail-on missing)",
            "envref diff: ja: coverage 0.0% is below --min-coverage 10%",
        ])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        #expect(json["sourceLanguage"] as? String == "en")
    }

    @Test("--timings prints each stage's wall time to standard error after everything else, then the total")
    func timings() throws {
        let project = try DemoProject.make()
        defer { try? FileManager.default.removeItem(at: project) }
        func stageNames(_ lines: some Sequence<String>) -> [String] {
            lines.map { $0.split(separator: " ").dropLast(2).joined(separator: " ") }
        }
        let result = try CommandRunner.run(["diff", "--format", "json", "--fail-on", "missing", "--timings"], in: project)
        #expect(result.status == 1)
        #expect(result.errorLines.prefix(2) == [
            "envref diff: fr: 1 translation missing (--fail-on missing)",
            "envref diff: ja: 3 translations missing (--fail-on missing)",
        ])
        #expect(result.errorLines.dropFirst(2).first == CommandRunner.heapPaddingLine)
        let table = result.errorLines.dropFirst(3)
        #expect(stageNames(table) == ["load registry and lock", "translation status", "render report", "print report", "total"])
        #expect(table.allSatisfy { $0.hasSuffix(" ms") })
        #expect(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) is [String: Any])

        let page = project.appending(path: "page.md")
        try Data("# Variables\n\n| Variable | Description |\n| --- | --- |\n| `DEMO_MODE` | Mode. |\n".utf8).write(to: page)
        let against = try CommandRunner.run(["diff", "--against", "page.md", "--lang", "en", "--timings"], in: project)
        #expect(against.status == 0, "\(against.standardError)")
        #expect(against.errorLines.first == CommandRunner.heapPaddingLine)
        #expect(stageNames(against.errorLines.dropFirst()) == ["load registry", "read page", "compare", "render report", "print report", "total"])
    }

    @Test("bad options are usage errors")
    func usage() throws {
        let project = try DemoProject.make()
        defer { try? FileManager.default.removeItem(at: project) }
        let badCondition = try CommandRunner.run(["diff", "--fail-on", "stale,misssing"], in: project)
        #expect(badCondition.status == 64)
        #expect(badCondition.standardError.contains("--fail-on: unknown condition 'misssing'; did you mean 'missing'?"))
        let badLanguage = try CommandRunner.run(["diff", "--lang", "de"], in: project)
        #expect(badLanguage.status == 2)
        #expect(badLanguage.errorLines == ["error: 'de' is not a target language of Content/variables.yaml (fr, ja)"])
    }

    @Test("--against compares a hand-written page with the registry", .enabled(if: TestEnvironment.isSharedDataAvailable, "the shared test pages are not at ../shared (set ENVREF_SHARED_DATA)"))
    func against() throws {
        let project = try DemoProject.make()
        defer { try? FileManager.default.removeItem(at: project) }
        let page = TestEnvironment.sharedData.appending(path: "seeds/fr.md").path
        let result = try CommandRunner.run(["diff", "--against", page, "--lang", "fr", "--fail-on", "orphans"], in: project)
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("documents 0 of 6 variables."))
        #expect(result.standardOutput.contains("  not in the registry (26):\n    WANDB_API_KEY (\(page):30:3)\n"))
        #expect(result.errorLines == ["envref diff: \(page): documents 26 variables the registry does not have (--fail-on orphans)"])
    }
}

@Suite("envref translations accept, as a process")
struct TranslationsAcceptCommandTests {
    @Test("accepting makes translations current and writes the lock next to the registry")
    func accept() throws {
        let project = try DemoProject.make()
        defer { try? FileManager.default.removeItem(at: project) }
        let accepted = try CommandRunner.run(["translations", "accept", "--lang", "ja", "DEMO_MODE", "DEMO_OLD"], in: project)
        #expect(accepted.status == 0)
        #expect(accepted.standardOutput == "Accepted 2 ja translations: DEMO_MODE, DEMO_OLD\n")
        #expect(try DemoProject.text("Content/translations.lock", in: project).hasPrefix("# Generated by envref. Do not edit by hand.\n"))
        let diff = try CommandRunner.run(["diff", "--lang", "ja", "--fail-on", "stale"], in: project)
        #expect(diff.status == 0)
        #expect(diff.standardOutput.contains("  translated      2  DEMO_MODE, DEMO_OLD\n"))
    }

    @Test("an unknown name is an error and nothing is written")
    func unknownName() throws {
        let project = try DemoProject.make()
        defer { try? FileManager.default.removeItem(at: project) }
        let result = try CommandRunner.run(["translations", "accept", "--lang", "fr", "DEMO_MOD"], in: project)
        #expect(result.status == 1)
        #expect(result.errorLines == ["error: 'DEMO_MOD' is not a variable in Content/variables.yaml; did you mean 'DEMO_MODE'?"])
        #expect(!FileManager.default.fileExists(atPath: project.appending(path: "Content/translations.lock").path))
    }
}

@Suite("envref po, as a process")
struct POCommandTests {
    @Test("export, msgfmt, translate, import: the registry is edited in place and the translations become current")
    func roundTrip() throws {
        let project = try DemoProject.make()
        defer { try? FileManager.default.removeItem(at: project) }
        let export = try CommandRunner.run(["po", "export", "--lang", "fr", "--output", "po"], in: project)
        #expect(export.status == 0)
        #expect(export.standardOutput == "Wrote po/fr.po: 0 translated, 3 fuzzy, 3 untranslated.\n")
        var po = try DemoProject.text("po/fr.po", in: project)
        po = po.replacingOccurrences(
            of: "msgid \"A short, readable name for the run.\"\nmsgstr \"\"",
            with: "msgid \"A short, readable name for the run.\"\nmsgstr \"Nom court du run.\"")
        po = po.replacingOccurrences(of: "#, fuzzy\n", with: "")
        try Data(po.utf8).write(to: project.appending(path: "po/fr.po"))
        let imported = try CommandRunner.run(["po", "import", "po/fr.po"], in: project)
        #expect(imported.status == 0, "\(imported.standardError)")
        #expect(imported.standardOutput == "Changed 1 description in Content/variables.yaml; reviewed translations: 4 fr.\n")
        #expect(try DemoProject.text("Content/variables.yaml", in: project).contains("""
                description:
                  en: A short, readable name for the run.
                  fr: Nom court du run.
            """))
        let diff = try CommandRunner.run(["diff", "--lang", "fr", "--format", "json"], in: project)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(diff.standardOutput.utf8)) as? [String: Any])
        let fr = try #require((json["languages"] as? [String: Any])?["fr"] as? [String: Any])
        #expect(fr["translated"] as? Int == 4)
        #expect(fr["missing"] as? [String] == [])
    }

    @Test("a broken PO file is reported with positions and nothing is written")
    func brokenFile() throws {
        let project = try DemoProject.make()
        defer { try? FileManager.default.removeItem(at: project) }
        let before = try DemoProject.text("Content/variables.yaml", in: project)
        try Data("msgid \"\"\nmsgstr \"Language: fr\\n\"\n\nmsgctxt \"DEMO_NAME\"\nmsgid \"x\nmsgstr \"y\"\n".utf8)
            .write(to: project.appending(path: "fr.po"))
        let result = try CommandRunner.run(["po", "import", "fr.po"], in: project)
        #expect(result.status == 1)
        #expect(result.errorLines == ["fr.po:5:7: error: unterminated string: a closing quote is missing"])
        #expect(try DemoProject.text("Content/variables.yaml", in: project) == before)
        #expect(!FileManager.default.fileExists(atPath: project.appending(path: "Content/translations.lock").path))
    }
}

@Suite("envref import, as a process", .enabled(if: TestEnvironment.isSharedDataAvailable, "the shared test pages are not at ../shared (set ENVREF_SHARED_DATA)"))
struct ImportCommandTests {
    @Test("the five seed pages become a registry and a lock; recovered rows are warnings")
    func seeds() throws {
        let project = try DemoProject.make()
        defer { try? FileManager.default.removeItem(at: project) }
        let pages = ["en", "fr", "es", "ja", "ko"].map { TestEnvironment.sharedData.appending(path: "seeds/\($0).md").path }
        let result = try CommandRunner.run(["import"] + pages + ["--output", "Imported/variables.yaml"], in: project)
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix("Wrote Imported/variables.yaml: 36 variables in 5 languages (en, es, fr, ja, ko), "))
        #expect(result.errorLines.contains("\(pages[0]):39:359: warning: this row has 4 cells but its table has 2 columns, so Markdown renderers drop 'WANDB_ERROR_REPORTING'; imported it from the extra cells"))
        #expect(result.errorLines.contains("\(pages[0]):41:3: warning: 'WANDB_SHOW_RUN' is in a table row outside any table, which Markdown renderers show as plain text; imported it"))
        let validate = try CommandRunner.run(["validate", "--registry", "Imported/variables.yaml"], in: project)
        #expect(validate.status == 0)
        #expect(validate.standardOutput == "Imported/variables.yaml: 36 variables in 5 languages\n")
        #expect(FileManager.default.fileExists(atPath: project.appending(path: "Imported/translations.lock").path))
        let again = try CommandRunner.run(["import", pages[0], "--output", "Imported/variables.yaml"], in: project)
        #expect(again.status == 64)
        #expect(again.standardError.contains("Imported/variables.yaml already exists; pass --force to replace it"))
    }
}
