import EnvrefCore
import EnvrefRegistry
import Foundation
import Testing

@testable import EnvrefDocs

@Suite("Load: interface strings and page sections")
struct SiteContentLoaderTests {
    /// Writes a content folder with the given strings files and returns its path.
    func contentFolder(strings: [String: String]) throws -> URL {
        let directory = try Fixtures.temporaryDirectory()
        try FileManager.default.createDirectory(at: directory.appending(path: "strings"), withIntermediateDirectories: true)
        for (language, text) in strings {
            try Data(text.utf8).write(to: directory.appending(path: "strings/\(language).yaml"))
        }
        return directory
    }

    func registry() throws -> Registry {
        try RegistryLoader.load(bytes: Array("languages: [en, fr]\nvariables:\n  A:\n    type: string\n    description: A.\n".utf8), path: "v.yaml").get()
    }

    @Test("missing translated strings fall back to the source with one warning")
    func missingStrings() throws {
        let english = try String(contentsOfFile: Fixtures.contentDirectory + "/strings/en.yaml", encoding: .utf8)
        let folder = try contentFolder(strings: ["en": english, "fr": "pageTitle: Variables d'environnement\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let loaded = SiteContentLoader(contentDirectory: folder.path).load(for: try registry())
        let french = try #require(loaded.content?.languages.last)
        #expect(french.strings["pageTitle"] == "Variables d'environnement")
        #expect(french.strings["columns.type"] == "Type")
        #expect(loaded.diagnostics.count == 1)
        #expect(loaded.diagnostics.first?.description.hasPrefix("\(folder.path)/strings/fr.yaml:1:1: warning: \(InterfaceStrings.keys.count - 1) interface string(s) missing, the en text is shown: languageName, pageDescription") == true)
    }

    @Test("placeholders must survive translation, unknown keys get a hint")
    func placeholdersAndUnknownKeys() throws {
        let english = try String(contentsOfFile: Fixtures.contentDirectory + "/strings/en.yaml", encoding: .utf8)
        let french = english.replacing("\"Use {replacement} instead.\"", with: "\"Utilisez plutôt le remplaçant.\"")
            + "pageTitel: Titre\n"
        let folder = try contentFolder(strings: ["en": english, "fr": french])
        defer { try? FileManager.default.removeItem(at: folder) }
        let loaded = SiteContentLoader(contentDirectory: folder.path).load(for: try registry())
        #expect(loaded.content == nil)
        let lines = french.split(separator: "\n", omittingEmptySubsequences: false)
        let changed = lines.firstIndex { $0.contains("Utilisez") }! + 1
        let added = lines.firstIndex { $0.hasPrefix("pageTitel") }! + 1
        #expect(loaded.diagnostics.map(\.description) == [
            "\(folder.path)/strings/fr.yaml:\(changed):15: error: interface string 'labels.replacedBy' must use the placeholders {replacement}; found none",
            "\(folder.path)/strings/fr.yaml:\(added):1: warning: unknown interface string 'pageTitel'; did you mean 'pageTitle'?",
        ])
    }

    @Test("a date format needs the year, the day and a month; month names come in twelve")
    func dateStrings() throws {
        let english = try String(contentsOfFile: Fixtures.contentDirectory + "/strings/en.yaml", encoding: .utf8)
        let french = english
            .replacing("format: \"{monthName} {day}, {year}\"", with: "format: \"{day} {week} {year}\"")
            .replacing("monthNames: January, February,", with: "monthNames: janvier,")
        let folder = try contentFolder(strings: ["en": english, "fr": french])
        defer { try? FileManager.default.removeItem(at: folder) }
        let loaded = SiteContentLoader(contentDirectory: folder.path).load(for: try registry())
        let lines = french.split(separator: "\n", omittingEmptySubsequences: false)
        let format = lines.firstIndex { $0.contains("{week}") }! + 1
        let names = lines.firstIndex { $0.contains("monthNames: janvier") }! + 1
        #expect(loaded.diagnostics.map(\.description) == [
            "\(folder.path)/strings/fr.yaml:\(format):11: error: interface string 'date.format' must use {year}, {day} and {month} or {monthName}, and nothing else",
            "\(folder.path)/strings/fr.yaml:\(names):15: error: interface string 'date.monthNames' must list 12 month names separated by commas",
        ])
    }

    @Test("the source language must define every string")
    func incompleteSource() throws {
        let folder = try contentFolder(strings: ["en": "pageTitle: Environment\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let loaded = SiteContentLoader(contentDirectory: folder.path).load(for: try registry())
        #expect(loaded.content == nil)
        #expect(loaded.diagnostics.contains { $0.description.hasPrefix("\(folder.path)/strings/en.yaml:1:1: error: the source language must define every interface string; missing: languageName, pageDescription") })
    }
}
