import Testing

@testable import EnvrefRegistry

@Suite("Registry dates")
struct RegistryDateTests {
    @Test("YYYY-MM-DD parses and prints back the same")
    func roundTrip() throws {
        let date = try #require(RegistryDate("2024-02-29"))
        #expect((date.year, date.month, date.day) == (2024, 2, 29))
        #expect(date.description == "2024-02-29")
        #expect(RegistryDate("0999-01-05")?.description == "0999-01-05")
    }

    @Test("days a month does not have, and other spellings, are refused", arguments: [
        "2026-02-29", "2100-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-1-2", "26-01-02", "2026/01/02",
        "2026-01-02T00:00", "", "２０２６-01-02", "+026-01-02",
    ])
    func refused(_ text: String) {
        #expect(RegistryDate(text) == nil)
    }

    @Test("dates order by year, month, then day")
    func ordering() throws {
        let dates = ["2026-11-22", "2025-12-31", "2026-01-30", "2026-11-02"].compactMap(RegistryDate.init)
        #expect(dates.sorted().map(\.description) == ["2025-12-31", "2026-01-30", "2026-11-02", "2026-11-22"])
    }

    @Test("the registry's 'updated' date is read, quoted or not, and a bad one is located")
    func registryKey() throws {
        let unquoted = RegistryLoader.load(bytes: Array("languages: [en]\nupdated: 2026-11-22\nvariables: {}\n".utf8), path: "r.yaml")
        #expect(unquoted.registry?.updated?.description == "2026-11-22")
        let quoted = RegistryLoader.load(bytes: Array("languages: [en]\nupdated: \"2026-11-22\"\nvariables: {}\n".utf8), path: "r.yaml")
        #expect(quoted.registry?.updated?.description == "2026-11-22")
        #expect(diagnostics("languages: [en]\nupdated: 2026-02-30\nvariables: {}\n", path: "r.yaml") == [
            "r.yaml:2:10: error: 'updated' must be a calendar date written YYYY-MM-DD, not '2026-02-30'",
        ])
        #expect(diagnostics("languages: [en]\nupdated: [2026]\nvariables: {}\n", path: "r.yaml").count == 1)
    }
}
