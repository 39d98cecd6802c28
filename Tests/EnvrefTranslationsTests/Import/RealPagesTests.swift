import EnvrefRegistry
import EnvrefTestSupport
import Foundation
import Testing

@testable import EnvrefTranslations

/// The answer key a page set ships with: the entries each language's page documents.
struct ExpectedEntries: Decodable {
    struct Language: Decodable {
        var file: String
        var count: Int
        var documented: [String]
    }

    var set: String
    var languages: [String: Language]
}

@Suite("Importing real pages", .enabled(if: TestEnvironment.isSharedDataAvailable, TestEnvironment.sharedDataMissingReason))
struct RealPagesTests {
    static let sets = ["dify-cli", "dify-selfhost", "electron-i18n", "hf-hub"]

    @Test("every page of a set yields exactly the entries of its expected.json", arguments: sets)
    func pageSet(_ name: String) throws {
        let folder = TestEnvironment.sharedData.appending(path: "real-pages/\(name)")
        let expected = try JSONDecoder().decode(ExpectedEntries.self, from: Data(contentsOf: folder.appending(path: "expected.json")))
        #expect(!expected.languages.isEmpty)
        for (language, answer) in expected.languages.sorted(by: { $0.key < $1.key }) {
            let page = PageReader.read(fileAt: folder.appending(path: answer.file), displayPath: answer.file)
            #expect(page.language?.rawValue == language, "language of \(name)/\(answer.file)")
            #expect(page.entries.count == answer.count, "entry count of \(name)/\(answer.file)")
            #expect(page.names.sorted() == answer.documented.sorted(), "entries of \(name)/\(answer.file)")
            #expect(page.diagnostics.map(\.description) == [], "diagnostics of \(name)/\(answer.file)")
            #expect(page.entries.allSatisfy { !$0.description.isEmpty }, "descriptions of \(name)/\(answer.file)")
        }
    }
}
