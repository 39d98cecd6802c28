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
            "line 6: 'mode' follows the unreadable section header on line 5, so it is in no section",
        ])
        #expect(document.values(in: "default") == ["mode": "offline"])
    }

    /// Each case as Python 3's `configparser` reads it (checked with `ConfigParser(interpolation=None)`).
    @Test func combiningMarksAfterPunctuationAreReadAsConfigparserReadsThem() {
        let mark = "\u{301}"
        let afterBracket = INIDocument(parsing: "[default]\(mark)\nmode = offline\n")
        #expect(afterBracket.values(in: "default") == ["mode": "offline"])
        #expect(afterBracket.problems.isEmpty)
        let afterEquals = INIDocument(parsing: "[default]\nmode=\(mark)offline\nname = \(mark)x\n")
        #expect(afterEquals.values(in: "default") == ["mode": "\(mark)offline", "name": "\(mark)x"])
        let afterHash = INIDocument(parsing: "[default]\n#\(mark) note\nmode = online\n")
        #expect(afterHash.values(in: "default") == ["mode": "online"])
        #expect(afterHash.problems.isEmpty)
        let inKey = INIDocument(parsing: "[default]\nmode\(mark)= x\n")
        #expect(inKey.values(in: "default") == ["mode\(mark)": "x"])
        let continued = INIDocument(parsing: "[default]\nnotes = first\n  \(mark)second\n")
        #expect(continued.values(in: "default") == ["notes": "first\n\(mark)second"])
    }

    /// Each case as Python 3's `configparser` reads it (checked with `ConfigParser(interpolation=None)`).
    @Test func blankLinesStayInsideAValueThatAnIndentedLineContinues() {
        let document = INIDocument(parsing: "[default]\nnotes = first\n\n  second\n\n\n  third\nmode = x\nother = y\n\nlast = z\n")
        #expect(document.values(in: "default") == ["notes": "first\n\nsecond\n\n\nthird", "mode": "x", "other": "y", "last": "z"])
        #expect(document.problems.isEmpty)
    }

    /// Python's `str.isspace` also counts U+001C to U+001F, which Unicode's White_Space leaves out.
    @Test func whiteSpaceIsWhatPythonCountsAsWhiteSpace() {
        let ideographicIndent = INIDocument(parsing: "[default]\nnotes = first\n\u{3000}mode = x\n")
        #expect(ideographicIndent.values(in: "default") == ["notes": "first\nmode = x"])
        let separators = INIDocument(parsing: "\u{1C}[default]\u{1D}\nmode = offline\u{1F}\n")
        #expect(separators.values(in: "default") == ["mode": "offline"])
        #expect(separators.problems.isEmpty)
    }

    @Test func aSectionNameRunsToTheLastBracketAndTextAfterItIsIgnored() {
        let document = INIDocument(parsing: "[default] trailing\nmode = x\n[a]b]\nk = v\n[]\n")
        #expect(document.sectionNames == ["default", "a]b"])
        #expect(document.values(in: "default") == ["mode": "x"])
        #expect(document.values(in: "a]b") == ["k": "v"])
        #expect(document.problems.map(\.description) == ["line 5: '[]' is not a section header like '[default]'"])
    }

    /// Found by the configparser parity test: the W&B client reads `[default]` through configparser, whose
    /// `[DEFAULT]` section every section inherits.
    @Test func everySectionInheritsTheDefaultSection() {
        let document = INIDocument(parsing: "[DEFAULT]\nentity = shared\nproject = shared\n[default]\nproject = own\n[other]\n")
        #expect(document.values(in: "default") == ["entity": "shared", "project": "own"])
        #expect(document.values(in: "other") == ["entity": "shared", "project": "shared"])
        #expect(document.values(in: "missing") == ["entity": "shared", "project": "shared"])
        #expect(document.values(in: "DEFAULT") == ["entity": "shared", "project": "shared"])
        #expect(INIDocument(parsing: "[Default]\nentity = x\n").values(in: "default") == [:])
    }

    /// Found in review: configparser reads a `[` line that is no header as a key line.
    @Test func aBracketLineThatIsNoHeaderIsAKeyLine() {
        let document = INIDocument(parsing: "[default]\n[x = 1\n[] = 2\nproject = p\n")
        #expect(document.values(in: "default") == ["[x": "1", "[]": "2", "project": "p"])
        #expect(document.problems.isEmpty)
    }

    /// The W&B client reads with configparser's default `%` interpolation; each case is what its `get` returns
    /// or raises (`InterpolationSyntaxError`, `InterpolationMissingOptionError`, `InterpolationDepthError`).
    @Test func percentSignsAreInterpolatedAsConfigparserDoes() {
        let document = INIDocument(parsing: """
            [DEFAULT]
            team = acme
            [default]
            entity = %(team)s
            notes = 50%% done
            bad = 100% done
            missing = %(nope)s
            open = %(team
            up = %(TEAM)s
            loop = %(loop)s
            nest = %(entity)s-%%
            """)
        let section = document.read("default")
        #expect(section.values == ["team": "acme", "entity": "acme", "notes": "50% done", "up": "acme", "nest": "acme-%"])
        #expect(section.problems.map(\.description) == [
            "line 6: 'bad' has a '%' that is neither '%%' nor the start of '%(name)s'",
            "line 7: 'missing' refers to '%(nope)s', which the section does not set",
            "line 8: 'open' has a '%' that is neither '%%' nor the start of '%(name)s'",
            "line 10: 'loop' refers to values nested more than 10 deep",
        ])
        #expect(document.values(in: "default") == section.values)
    }

    @Test func aValueThatExpandsWithoutBoundIsLeftOut() {
        // Each level doubles four times over: 16^10 references, which configparser would spend forever on.
        var lines = ["[default]", "a0 = xxxxxxxxxxxxxxxx"]
        for level in 1...10 {
            lines.append("a\(level) = " + String(repeating: "%(a\(level - 1))s", count: 16))
        }
        let section = INIDocument(parsing: lines.joined(separator: "\n")).read("default")
        #expect(section.values["a2"]?.count == 16 * 16 * 16)
        #expect(section.values["a3"] == nil)
        #expect(section.problems.map(\.description).first == "line 5: 'a3' expands beyond 65536 characters and references")
        #expect(section.problems.count == 8)
        // References that expand to nothing count too, or they could go on without end.
        var empty = ["[default]", "e =", "b0 = %(e)s"]
        for level in 1...10 {
            empty.append("b\(level) = " + String(repeating: "%(b\(level - 1))s", count: 16))
        }
        let nothing = INIDocument(parsing: empty.joined(separator: "\n")).read("default")
        #expect(nothing.values["b2"] == "")
        #expect(nothing.values["b4"] == nil)
        #expect(nothing.problems.count == 7)
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
