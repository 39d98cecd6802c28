import EnvrefCore
import EnvrefRegistry
import Foundation
import Testing

@testable import EnvrefDocs

@Suite("Site settings")
struct SiteSettingsTests {
    func load(_ text: String?) throws -> [String] {
        let folder = FileManager.default.temporaryDirectory.appending(path: "envref-site-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appending(path: "site.yaml").path
        if let text { try text.write(toFile: path, atomically: true, encoding: .utf8) }
        let loaded = SiteSettings.load(from: path)
        return [loaded.settings.baseURL ?? "nil"] + loaded.diagnostics.map { $0.description.replacingOccurrences(of: path, with: "site.yaml") }
    }

    @Test("no file means relative links and no sitemap")
    func missing() throws {
        #expect(try load(nil) == ["nil"])
    }

    @Test("the base URL gets its trailing slash")
    func baseURL() throws {
        #expect(try load("baseURL: https://example.com/env") == ["https://example.com/env/"])
        #expect(try load("baseURL: http://localhost:8080/") == ["http://localhost:8080/"])
    }

    @Test("bad settings are located")
    func mistakes() throws {
        #expect(try load("baseURL: /env/\nbaseUrl: x\n") == [
            "nil",
            "site.yaml:1:10: error: 'baseURL' must be an absolute http or https URL without a query or fragment, not '/env/'",
            "site.yaml:2:1: error: unknown key 'baseUrl' in site settings; did you mean 'baseURL'?",
        ])
        #expect(try load("baseURL: javascript:alert(1)")[1].hasSuffix("not 'javascript:alert(1)'"))
        #expect(try load("- a\n") == ["nil", "site.yaml:1:1: error: site settings must be a mapping, for example 'baseURL: https://example.com/env/'"])
    }
}

@Suite("Interface strings: dates and marked-up values")
struct InterfaceStringsFormattingTests {
    let strings = InterfaceStrings(texts: [
        "date.format": "{monthName} {day}, {year}",
        "date.monthNames": "January, February, March, April, May, June, July, August, September, October, November, December",
        "labels.deprecatedValue": "{value} (deprecated, use {replacement})",
    ])

    @Test("dates follow the language's pattern and month names")
    func dates() throws {
        let date = try #require(RegistryDate("2026-11-02"))
        #expect(strings.format(date) == "November 2, 2026")
        let japanese = InterfaceStrings(texts: ["date.format": "{year}年{month}月{day}日", "date.monthNames": "1月, 2月, 3月, 4月, 5月, 6月, 7月, 8月, 9月, 10月, 11月, 12月"])
        #expect(japanese.format(date) == "2026年11月2日")
    }

    @Test("placeholders become code pieces, the words around them text pieces")
    func segments() {
        #expect(strings.segments("labels.deprecatedValue", ["value": "dryrun", "replacement": "offline"]) == [
            TextSegment(code: "dryrun"), TextSegment(text: " (deprecated, use "), TextSegment(code: "offline"), TextSegment(text: ")"),
        ])
        let unknown = InterfaceStrings(texts: ["k": "a {x} {y"])
        #expect(unknown.segments("k", [:]) == [TextSegment(text: "a {x} {y")])
    }
}
