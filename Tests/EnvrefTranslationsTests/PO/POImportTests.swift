import EnvrefCore
import EnvrefRegistry
import Foundation
import Testing

@testable import EnvrefTranslations

@Suite("gettext PO import")
struct POImportTests {
    /// The French export with some entries translated, as a translator would return it.
    static func translatedFrench() throws -> String {
        var text = try POExportTests.export("fr").text()
        text = text.replacingOccurrences(
            of: "msgid \"A short, readable name for the run.\"\nmsgstr \"\"",
            with: "msgid \"A short, readable name for the run.\"\nmsgstr \"Nom court et lisible du run.\"")
        text = text.replacingOccurrences(
            of: "msgid \"The key that authenticates this machine.\"\nmsgstr \"\"",
            with: "msgid \"The key that authenticates this machine.\"\nmsgstr \"La clé qui authentifie cette machine.\"")
        // Reviewed: the translator updated DEMO_OLD and cleared the fuzzy flag.
        text = text.replacingOccurrences(of: "#, fuzzy\n#| msgctxt \"DEMO_OLD\"\n#| msgid \"Former name of `DEMO_NAME`.\"\n", with: "")
        text = text.replacingOccurrences(
            of: "msgstr \"Ancien nom de `DEMO_NAME`, toujours lu.\"",
            with: "msgstr \"Ancien nom de `DEMO_NAME` ; il est toujours lu.\"")
        return text
    }

    static func plan(_ text: String, path: String = "fr.po") throws -> POImport.Plan {
        let parsed = POParser.parse(text, path: path)
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.rendered)")
        let registry = try Demo.registry()
        return POImport.plan([POImport.Input(file: try #require(parsed.file), path: path)], registry: registry, lock: Demo.lock(for: registry))
    }

    @Test("round trip: export, translate, import; the registry and the lock say what the translator did")
    func roundTrip() throws {
        let plan = try Self.plan(try Self.translatedFrench())
        #expect(plan.diagnostics.isEmpty)
        #expect(plan.edits == [
            DescriptionEdit(variable: "DEMO_API_KEY", language: "fr", text: "La clé qui authentifie cette machine."),
            DescriptionEdit(variable: "DEMO_NAME", language: "fr", text: "Nom court et lisible du run."),
            DescriptionEdit(variable: "DEMO_OLD", language: "fr", text: "Ancien nom de `DEMO_NAME` ; il est toujours lu."),
        ])
        #expect(plan.reviewed == ["fr": 5])
        let text = try RegistryEditor.apply(plan.edits, to: try Demo.text(), path: Demo.path).get()
        let registry = try #require(RegistryLoader.load(bytes: Array(text.utf8), path: Demo.path).registry)
        let fr = try #require(TranslationStatus(registry: registry, lock: plan.lock).summary(for: "fr"))
        #expect(fr.variables[.translated] == ["DEMO_MODE", "DEMO_API_KEY", "DEMO_NAME", "DEMO_TAGS", "DEMO_OLD"])
        #expect(fr.variables[.untranslated] == ["DEMO_DIR"])
        #expect(fr.valueDrift == ["DEMO_MODE"])
    }

    @Test("a byte order mark in a translation is dropped, so the edited registry loads back with what was imported")
    func byteOrderMarkInATranslation() throws {
        // A msgstr starting with U+FEFF used to be written, read back without it (Yams drops it), and refused as
        // "editing the registry would change more than the imported translations".
        let text = try POExportTests.export("fr").text().replacingOccurrences(
            of: "msgid \"A short, readable name for the run.\"\nmsgstr \"\"",
            with: "msgid \"A short, readable name for the run.\"\nmsgstr \"\u{FEFF}Nom court\u{FEFF}.\"")
        let plan = try Self.plan(text)
        #expect(plan.edits == [DescriptionEdit(variable: "DEMO_NAME", language: "fr", text: "Nom court.")])
        let edited = try RegistryEditor.apply(plan.edits, to: try Demo.text(), path: Demo.path).get()
        let registry = try #require(RegistryLoader.load(bytes: Array(edited.utf8), path: Demo.path).registry)
        #expect(registry.variable(named: "DEMO_NAME")?.descriptions["fr"]?.text == "Nom court.")
    }

    @Test("importing the file as exported changes nothing in the registry")
    func unchangedExport() throws {
        let plan = try Self.plan(try POExportTests.export("fr").text())
        #expect(plan.edits.isEmpty)
        #expect(plan.diagnostics.isEmpty)
    }

    @Test("a fuzzy entry's text is taken but stays stale; a translation of an older msgid stays stale with that text archived")
    func fuzzyAndOlderSource() throws {
        var text = try POExportTests.export("fr").text()
        text = text.replacingOccurrences(of: "msgstr \"Ancien nom de `DEMO_NAME`, toujours lu.\"", with: "msgstr \"Ancien nom.\"")
        text = text.replacingOccurrences(
            of: "msgid \"A short, readable name for the run.\"\nmsgstr \"\"",
            with: "msgid \"A name for the run.\"\nmsgstr \"Un nom pour le run.\"")
        let plan = try Self.plan(text)
        #expect(plan.diagnostics.map(\.description) == [
            "fr.po:39:1: warning: 'DEMO_NAME' was translated from an older source text; it stays stale until reviewed (envref translations accept --lang fr DEMO_NAME)"
        ])
        let edited = try RegistryEditor.apply(plan.edits, to: try Demo.text(), path: Demo.path).get()
        let registry = try #require(RegistryLoader.load(bytes: Array(edited.utf8), path: Demo.path).registry)
        let cells = Dictionary(uniqueKeysWithValues: TranslationStatus(registry: registry, lock: plan.lock).cells(for: "fr").map { ($0.variable, $0) })
        #expect(cells["DEMO_OLD"]?.state == .stale)
        #expect(cells["DEMO_OLD"]?.text == "Ancien nom.")
        #expect(cells["DEMO_NAME"]?.state == .stale)
        #expect(cells["DEMO_NAME"]?.previousSource == "A name for the run.")
    }

    @Test("orphans, missing context, duplicates and wrong languages are reported like the loader reports problems")
    func problems() throws {
        let header = "msgid \"\"\nmsgstr \"Language: fr\\n\"\n\n"
        let plan = try Self.plan(header + """
            msgctxt "DEMO_MOD"
            msgid "x"
            msgstr "y"

            msgid "no context"
            msgstr "z"

            msgctxt "DEMO_TAGS"
            msgid "Comma-separated tags applied to the run."
            msgstr "a"

            msgctxt "DEMO_TAGS"
            msgid "Comma-separated tags applied to the run."
            msgstr "b"

            """)
        #expect(plan.diagnostics.map(\.description) == [
            "fr.po:4:1: warning: orphan: 'DEMO_MOD' is not a variable in the registry; did you mean 'DEMO_MODE'?; entry skipped",
            "fr.po:8:1: error: entry has no msgctxt; envref needs the variable name there",
            "fr.po:15:1: error: 'DEMO_TAGS' appears twice (first at line 11)",
        ])
        #expect(plan.orphans.map(\.variable) == ["DEMO_MOD"])
        for (language, message) in [
            ("de", "fr.po:1:1: error: the PO file is in 'de', which cannot be imported: the registry's translations are fr, ja"),
            ("en", "fr.po:1:1: error: the PO file is in 'en', which cannot be imported: it is the source language"),
        ] {
            #expect(try Self.plan("msgid \"\"\nmsgstr \"Language: \(language)\\n\"\n").diagnostics.map(\.description) == [message])
        }
        #expect(try Self.plan("msgid \"\"\nmsgstr \"Project-Id-Version: x\\n\"\n").diagnostics.map(\.description) == [
            "fr.po:1:1: error: the PO file has no Language header; add \"Language: xx\\n\" to the header entry"
        ])
    }

    @Test("syntax errors name their line and column; every one is reported")
    func syntaxErrors() {
        let text = """
            msgid ""
            msgstr "Language: fr\\n"

            msgctxt "A"
            msgid "unterminated
            msgstr ""

            msgctx "B"
            msgid "b"
            msgstr "\\q"

            msgid "p"
            msgid_plural "ps"
            msgstr[0] ""

            """
        let result = POParser.parse(text, path: "fr.po")
        #expect(result.file == nil)
        #expect(result.diagnostics.map(\.description) == [
            "fr.po:5:7: error: unterminated string: a closing quote is missing",
            "fr.po:8:1: error: unknown keyword 'msgctx'; did you mean 'msgctxt'? expected msgctxt, msgid, msgid_plural or msgstr",
            "fr.po:10:9: error: invalid escape '\\q' in a string",
            "fr.po:13:1: error: plural messages (msgid_plural) are not supported; envref descriptions have no plural forms",
        ])
    }

    @Test("flags, comments and strings are read as gettext reads them, also with a combining mark after a syntax character")
    func scalarsAsGettextReadsThem() throws {
        let text = """
            msgid ""
            msgstr "Language: fr\\n"

            #, c-format fuzzy
            msgctxt "A"
            msgid "a"
            msgstr "b"

            #, fuzzy,\u{301}
            #,\u{301} note
            msgctxt "B"
            msgid "\u{301}a"
            msgstr ""
            "\u{301}b"

            """
        let result = POParser.parse(text, path: "fr.po")
        #expect(result.diagnostics.isEmpty)
        let entries = try #require(result.file?.entries)
        #expect(entries.map(\.flags) == [["c-format", "fuzzy"], ["fuzzy", "\u{301}", "\u{301}", "note"]])
        #expect(entries.map(\.isFuzzy) == [true, true])
        #expect(entries.last?.id == "\u{301}a")
        #expect(entries.last?.translation == "\u{301}b")
    }

    @Test("a header field's colon is found with a combining mark after it, so a declared charset is still checked")
    func headerColonWithMark() {
        let result = POParser.parse("msgid \"\"\nmsgstr \"Content-Type:\u{301} text/plain; charset=ISO-8859-1\\n\"\n", path: "fr.po")
        #expect(result.diagnostics.map(\.description) == [
            "fr.po:1:1: error: the header declares charset 'iso-8859-1'; envref reads PO files in UTF-8 only"
        ])
    }

    @Test("a comment with line breaks in it is written as several comment lines, so the file still reads")
    func multiLineComments() throws {
        var entry = POEntry(context: "A", id: "a", translation: "")
        entry.extractedComments = ["default: a\nb", "values: x\r\ny"]
        entry.translatorComments = ["one\rtwo"]
        let file = POFile(headerFields: [("Language", "fr")], entries: [entry])
        let result = POParser.parse(file.text(), path: "fr.po")
        #expect(result.diagnostics.isEmpty)
        #expect(result.file?.entries.first?.extractedComments == ["default: a", "b", "values: x", "y"])
        #expect(result.file?.entries.first?.translatorComments == ["one", "two"])
    }

    @Test("a lone CR ends a line, so a file reads the same once written back")
    func loneCarriageReturn() {
        // Found by fuzz-po-reader: the comment of "#ms\r" kept its CR, which `text()` wrote as a line break.
        let result = POParser.parse("#ms\r", path: "fr.po")
        #expect(result.diagnostics.isEmpty)
        #expect(result.file?.headerComments == ["ms"])
        #expect(result.file.map { POParser.parse($0.text(), path: "fr.po").file == $0 } == true)

        let mac = POParser.parse("# Old Mac file\rmsgid \"\"\rmsgstr \"Language: fr\\n\"\r\rmsgctxt \"A\"\rmsgid \"a\"\rmsgstr \"b\"\r", path: "fr.po")
        #expect(mac.diagnostics.isEmpty)
        #expect(mac.file?.headerComments == ["Old Mac file"])
        #expect(mac.file?.header("Language") == "fr")
        #expect(mac.file?.entries.map { [$0.context, $0.id, $0.translation] } == [["A", "a", "b"]])
        #expect(mac.file?.entries.first?.location?.description == "fr.po:5:1")

        #expect(POParser.parse("msgid \"a\rb\"\nmsgstr \"\"\n", path: "fr.po").diagnostics.map(\.description) == [
            "fr.po:1:7: error: unterminated string: a closing quote is missing",
            "fr.po:2:1: error: unknown keyword 'b'; expected msgctxt, msgid, msgid_plural or msgstr",
        ])
    }

    @Test("a header field ends at any line break, so a file reads the same once written back")
    func headerFieldLineBreaks() {
        // Found by fuzz-po-reader: a value ending in CR, written back before "\n", read back as ending in "\r\n".
        let minimal = POParser.parse("msgid \"\"\nmsgstr \"X-A: b\\r\"\n", path: "fr.po")
        #expect(minimal.diagnostics.isEmpty)
        #expect(minimal.file?.headerFields.map { "\($0.0)=\($0.1)" } == ["X-A=b"])
        #expect(minimal.file.map { POParser.parse($0.text(), path: "fr.po").file == $0 } == true)

        let mixed = POParser.parse("msgid \"\"\nmsgstr \"\"\n\"Language: fr\\r\"\n\"X-A: b\\r\\nX-B: c\\n\"\n", path: "fr.po")
        #expect(mixed.diagnostics.isEmpty)
        #expect(mixed.file?.headerFields.map { "\($0.0)=\($0.1)" } == ["Language=fr", "X-A=b", "X-B=c"])
        #expect(mixed.file.map { POParser.parse($0.text(), path: "fr.po").file == $0 } == true)
    }

    @Test("escapes mean what they mean to gettext: octal and hex escapes are bytes, and \\' or \\? is refused")
    func escapesAsGettextReadsThem() {
        func translation(_ quoted: String) -> (String?, [String]) {
            let parsed = POParser.parse("msgctxt \"A\"\nmsgid \"a\"\nmsgstr \"\(quoted)\"\n", path: "fr.po")
            return (parsed.file?.entries.first?.translation, parsed.diagnostics.map(\.description))
        }
        // Each value is what msgfmt writes into the .mo file for the same string.
        #expect(translation(#"X\303\251Y"#).0 == "XéY")
        #expect(translation(#"X\xC3\xA9Y"#).0 == "XéY")
        #expect(translation(#"X\x41Y"#).0 == "XAY")
        #expect(translation(#"X\x4142Y"#).0 == "XBY")
        #expect(translation(#"X\1234Y"#).0 == "XS4Y")
        #expect(translation(#"\a\b\f\v\r\t\n\\\""#).0 == "\u{07}\u{08}\u{0C}\u{0B}\r\t\n\\\"")
        #expect(translation(#"X\377Y"#).1 == ["fr.po:3:8: error: the string's octal or hex escapes do not make UTF-8 text"])
        #expect(translation(#"X\xY"#).1 == [#"fr.po:3:10: error: invalid escape '\x' in a string: hex digits must follow it"#])
        #expect(translation(#"X\'Y"#).1 == [#"fr.po:3:10: error: invalid escape '\'' in a string"#])
        #expect(translation(#"X\?Y"#).1 == [#"fr.po:3:10: error: invalid escape '\?' in a string"#])
        #expect(translation(#"X\0Y"#).1 == ["fr.po:3:10: error: a NUL character in a string, where gettext would cut the text short"])
        // A NUL written as itself is cut short too; read, it would be written back as `\000`, which is refused.
        #expect(translation("X\u{0}Y").1 == ["fr.po:3:10: error: a NUL character in a string, where gettext would cut the text short"])
    }

    @Test("a string's lines are joined before they are decoded, so an escaped character may be split across lines")
    func escapesSplitAcrossLines() {
        func parse(_ text: String) -> (String?, [String]) { firstEntry(of: text) { $0.translation } }
        // What msgfmt writes into the .mo file for each.
        #expect(parse("msgctxt \"A\"\nmsgid \"a\"\nmsgstr \"X\\303\"\n\"\\251Y\"\n").0 == "XéY")
        #expect(parse("msgctxt \"A\"\nmsgid \"a\"\nmsgstr \"\\346\"\n\n  \"\\227\"\n\"\\245\"\n").0 == "日")
        #expect(parse("msgctxt \"A\"\nmsgid \"a\"\nmsgstr\n\"\\xC3\"\n\"\\xA9\"\n").0 == "é")
        #expect(firstEntry(of: "msgctxt \"A\\303\"\n\"\\251\"\nmsgid \"a\"\nmsgstr \"b\"\n") { $0.context } == ("Aé", []))
        // Not UTF-8 once joined: the error points at the line where the bad sequence starts.
        #expect(parse("msgctxt \"A\"\nmsgid \"a\"\nmsgstr \"X\"\n\"\\303\"\n").1 == [
            "fr.po:4:1: error: the string's octal or hex escapes do not make UTF-8 text"
        ])
        #expect(parse("msgctxt \"A\"\nmsgid \"a\"\nmsgstr \"\"\n\"abc\"\n  \"\\303\"\n\"d\"\n").1 == [
            "fr.po:5:3: error: the string's octal or hex escapes do not make UTF-8 text"
        ])
        #expect(parse("msgctxt \"A\"\nmsgid \"a\"\nmsgstr\n  \"\\303\"\n\"Y\"\n").1 == [
            "fr.po:4:3: error: the string's octal or hex escapes do not make UTF-8 text"
        ])
        // A previous msgid's lines are joined the same way, with a space or a tab after each `#|`.
        func previous(_ text: String) -> (String?, [String]) { firstEntry(of: text) { $0.previousID } }
        #expect(previous("#, fuzzy\n#| msgid \"a\"\n#|\t\"b\"\nmsgctxt \"A\"\nmsgid \"x\"\nmsgstr \"y\"\n").0 == "ab")
        #expect(previous("#, fuzzy\n#| msgid \"\\303\"\n#|\t\"\\251\"\nmsgctxt \"A\"\nmsgid \"x\"\nmsgstr \"y\"\n") == ("é", []))
        #expect(previous("#, fuzzy\n#|\tmsgid \"a\"\nmsgctxt \"A\"\nmsgid \"x\"\nmsgstr \"y\"\n").0 == "a")
        // msgfmt refuses a `#|` string after a comment or after a finished message: there is nothing it goes on from.
        #expect(previous("#| msgid \"a\"\n#, fuzzy\n#| \"b\"\nmsgctxt \"A\"\nmsgid \"x\"\nmsgstr \"y\"\n").1 == [
            "fr.po:3:4: error: a string continuation line must follow msgctxt, msgid or msgstr"
        ])
        #expect(previous("msgctxt \"A\"\nmsgid \"x\"\nmsgstr \"y\"\n#| \"c\"\n").1 == [
            "fr.po:4:4: error: a string continuation line must follow msgctxt, msgid or msgstr"
        ])
        #expect(previous("#| msgid \"a\"\n\"b\"\nmsgctxt \"A\"\nmsgid \"x\"\nmsgstr \"y\"\n").1 == [
            "fr.po:2:1: error: a string continuation line must follow msgctxt, msgid or msgstr"
        ])
        // A refused line is the string's one error: what is left of it need not be UTF-8.
        #expect(parse("msgctxt \"A\"\nmsgid \"a\"\nmsgstr \"\\303\"\n\"\\0\"\n").1 == [
            "fr.po:4:2: error: a NUL character in a string, where gettext would cut the text short"
        ])
        #expect(parse("msgctxt \"A\"\nmsgid \"a\"\nmsgstr \"\\0\"\n\"\\303\"\n").1 == [
            "fr.po:3:9: error: a NUL character in a string, where gettext would cut the text short"
        ])
        // A form feed or a vertical tab is white space between tokens too, as msgfmt reads it.
        #expect(parse("msgctxt \"A\"\nmsgid \"a\"\nmsgstr\u{0C}\"x\"\n\u{0B}\"y\"\u{0C}\n\u{0C}\"z\"\n") == ("xyz", []))
        // A comment ends the string, so what follows it cannot finish the character.
        #expect(parse("msgctxt \"A\"\nmsgid \"a\"\nmsgstr \"\\303\" # note\n").1 == [
            "fr.po:3:8: error: the string's octal or hex escapes do not make UTF-8 text"
        ])
    }

    @Test("after a string: another string joins it, a comment ends the message, and other text is refused")
    func textAfterAString() {
        func parse(_ text: String) -> (String?, [String]) { firstEntry(of: text) { $0.translation } }
        #expect(parse("msgctxt \"A\"\nmsgid \"a\"\nmsgstr \"x\" \"y\"\n").0 == "xy")
        #expect(parse("msgctxt \"A\"\nmsgid \"a\"\nmsgstr \"x\"  # note\n").0 == "x")
        // msgfmt reports a syntax error for both: its comment is a line of its own, between two messages.
        #expect(parse("msgctxt \"A\"\nmsgid \"a\"\nmsgstr \"x\" # note\n\"y\"\n").1 == [
            "fr.po:4:1: error: a string continuation line must follow msgctxt, msgid or msgstr"
        ])
        #expect(parse("msgctxt \"A\"\nmsgid \"a\" # note\nmsgstr \"x\"\n").1 == [
            "fr.po:1:1: error: entry has no msgstr", "fr.po:3:1: error: msgstr without a msgid",
        ])
        #expect(parse("msgctxt \"A\"\nmsgid \"a\"\nmsgstr \"x\" y\n").1 == ["fr.po:3:12: error: unexpected text after the closing quote"])
    }

    @Test("layout is white space to gettext: blank lines inside a message and a string on the keyword's next line")
    func layoutAsGettextReadsIt() {
        func parse(_ text: String) -> ([String], [String]) {
            let parsed = POParser.parse(text, path: "fr.po")
            return (parsed.file?.entries.map { "\($0.context ?? "")=\($0.translation)" } ?? [], parsed.diagnostics.map(\.description))
        }
        #expect(parse("msgctxt \"A\"\n\nmsgid \"a\"\n\nmsgstr\n  \"x\"\n\t\"y\"\n").0 == ["A=xy"])
        // Obsolete entries need no blank line around them, before or after.
        let obsolete = "msgctxt \"A\"\nmsgid \"a\"\nmsgstr \"x\"\n#~ msgid \"old\"\n#~ msgstr \"o\"\nmsgctxt \"B\"\nmsgid \"b\"\nmsgstr \"y\"\n"
        #expect(parse(obsolete).0 == ["A=x", "B=y"])
        // msgfmt refuses each of these too.
        #expect(parse("msgctxt \"A\"\nmsgid \"a\"\nmsgstr\n# note\n\"x\"\n").1 == [
            "fr.po:3:7: error: 'msgstr' needs a quoted string",
            "fr.po:5:1: error: a string continuation line must follow msgctxt, msgid or msgstr",
        ])
        #expect(parse("msgctxt \"A\"\nmsgid \"a\"\nmsgstr\n\n").1 == ["fr.po:3:7: error: 'msgstr' needs a quoted string"])
        #expect(parse("msgctxt \"A\"\nmsgid \"a\"\n\nmsgctxt \"B\"\nmsgid \"b\"\nmsgstr \"y\"\n").1 == ["fr.po:1:1: error: entry has no msgstr"])
        // The previous msgid's string may start on the next `#|` line, as msgfmt reads it.
        #expect(parse("#| msgid\n#| \"old\"\nmsgctxt \"A\"\nmsgid \"a\"\nmsgstr \"x\"\n").1 == [])
    }

    @Test("a header declaring another charset is refused")
    func charset() {
        let result = POParser.parse("msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=ISO-8859-1\\n\"\n", path: "fr.po")
        #expect(result.diagnostics.map(\.description) == ["fr.po:1:1: error: the header declares charset 'iso-8859-1'; envref reads PO files in UTF-8 only"])
    }

    @Test("a declared charset is found by scalar, in any ASCII case, with a combining mark after its '=', and ends at ';'")
    func charsetWithMark() {
        let marked = POParser.parse("msgid \"\"\nmsgstr \"Content-Type: text/plain; CharSet=\u{301}utf-8\\n\"\n", path: "fr.po")
        #expect(marked.diagnostics.map(\.description) == ["fr.po:1:1: error: the header declares charset '\u{301}utf-8'; envref reads PO files in UTF-8 only"])
        #expect(POParser.parse("msgid \"\"\nmsgstr \"Content-Type: text/plain; CHARSET=UTF-8\\n\"\n", path: "fr.po").diagnostics.isEmpty)
        #expect(POParser.parse("msgid \"\"\nmsgstr \"Content-Type: text/plain\\n\"\n", path: "fr.po").diagnostics.isEmpty)
        #expect(POParser.parse("msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8; format=flowed\\n\"\n", path: "fr.po").diagnostics.isEmpty)
        let latin = POParser.parse("msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=latin1 ; format=flowed\\n\"\n", path: "fr.po")
        #expect(latin.diagnostics.map(\.description) == ["fr.po:1:1: error: the header declares charset 'latin1'; envref reads PO files in UTF-8 only"])
    }

    @Test("a byte order mark at the start is skipped, and a combining mark after it is text of its own")
    func byteOrderMark() {
        let plain = POParser.parse("\u{FEFF}msgid \"\"\nmsgstr \"Language: fr\\n\"\n", path: "fr.po")
        #expect(plain.diagnostics.isEmpty)
        #expect(plain.file?.header("Language") == "fr")
        // The byte order mark is a control character to grapheme breaking, so no mark joins it.
        let marked = POParser.parse("\u{FEFF}\u{301}msgid \"\"\n", path: "fr.po")
        let expected = "fr.po:1:1: error: unknown keyword '\u{301}msgid'; did you mean 'msgid'? expected msgctxt, msgid, msgid_plural or msgstr"
        #expect(marked.diagnostics.map(\.description) == [expected])
    }
}

/// One field of the first entry of a PO file, and every diagnostic, which is what the small cases above compare.
private func firstEntry(of text: String, _ field: (POEntry) -> String?) -> (String?, [String]) {
    let parsed = POParser.parse(text, path: "fr.po")
    return (parsed.file?.entries.first.flatMap(field), parsed.diagnostics.map(\.description))
}
