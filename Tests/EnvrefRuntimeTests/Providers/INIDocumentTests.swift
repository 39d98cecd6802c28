import EnvrefRuntime
import Testing

@Suite struct INIDocumentTests {
    @Test func readsSectionsKeysAndValuesLikeConfigparser() {
        let document = INIDocument(parsing: """
            # a comment
            ; another comment
            [default]
            Entity = my-team
            project: image-classifier
            notes = first line
              second line
            empty =

            [other]
            entity = elsewhere
            """)
        #expect(document.sectionNames == ["default", "other"])
        #expect(document.values(in: "default") == ["entity": "my-team", "project": "image-classifier", "notes": "first line\nsecond line", "empty": ""])
        #expect(document.values(in: "other") == ["entity": "elsewhere"])
        #expect(document.values(in: "missing") == [:])
        #expect(document.problems.isEmpty)
    }

    @Test func valuesKeepTheirOwnSeparatorsAndHashes() {
        let document = INIDocument(parsing: "[default]\nbase_url = http://host:8080/#x\r\nmode=offline\r\n")
        #expect(document.values(in: "default") == ["base_url": "http://host:8080/#x", "mode": "offline"])
    }

    @Test func unreadableLinesAreSkippedAndReported() {
        let document = INIDocument(parsing: """
            orphan = 1
            [default]
            just words
            = no key
            [broken
            mode = online
            [default]
            mode = offline
            """)
        #expect(document.problems.map(\.description) == [
            "line 1: 'orphan' comes before any section header such as '[default]'",
            "line 3: 'just words' is not a 'key = value' line",
            "line 4: '= no key' has no key before '='",
            "line 5: '[broken' is not a section header like '[default]'",
            "line 6: 'mode' comes before any section header such as '[default]'",
        ])
        #expect(document.values(in: "default") == ["mode": "offline"])
    }

    @Test func aRepeatedKeyKeepsTheLaterValue() {
        let document = INIDocument(parsing: "[default]\nmode = online\nmode = offline\n")
        #expect(document.values(in: "default") == ["mode": "offline"])
        #expect(document.problems.map(\.description) == ["line 3: 'mode' is set again in [default]; the later value wins"])
    }

    @Test func emptyTextHasNoSections() {
        let document = INIDocument(parsing: "")
        #expect(document.sectionNames.isEmpty)
        #expect(document.problems.isEmpty)
    }
}
