import Testing

@testable import EnvrefTranslations

@Suite("Link reference definitions")
struct LinkReferencesTests {
    @Test("definition lines are read as CommonMark reads one-line definitions", arguments: [
        ("[docs]: https://x.y", "docs"),
        ("   [Docs  Page]: <https://x.y/a b> \"Title\"", "docs page"),
        ("[a]: /p 'title'", "a"),
        ("[a]: /p (title)", "a"),
        (#"[a\]b]: /p"#, #"a\]b"#),
    ])
    func definitions(line: String, label: String) {
        #expect(LinkReferences.label(ofDefinition: line) == label)
    }

    @Test("lines that are not definitions", arguments: [
        "    [a]: /p", "[a]:", "[a] : /p", "[a]: /p title", "[a]: /p \"open", "[]: /p", "[a[b]]: /p", "text [a]: /p",
    ])
    func notDefinitions(line: String) {
        #expect(LinkReferences.label(ofDefinition: line) == nil)
    }

    @Test("labels in brackets are found outside code spans, case folded")
    func bracketedLabels() {
        #expect(LinkReferences.bracketedLabels(in: "See [Docs][D], [x] and `[code]`, not \\[escaped]") == ["docs", "d", "x"])
    }

    /// Searching the page again for each section would take minutes here: the limit makes that a failure.
    @Test("a page of 40,000 definitions and 5,000 sections gives each section the two it uses", .timeLimit(.minutes(1)))
    func manyDefinitions() {
        var lines = ["# Env", ""]
        for index in 0..<5_000 { lines += ["## `X_V\(index)`", "", "See [doc \(index)] and [x\(index)][].", ""] }
        for index in 0..<20_000 { lines += ["[doc \(index)]: https://x.y/\(index)", "[x\(index)]: https://x.y/x\(index) \"T\""] }
        let page = PageReader.read(text: lines.joined(separator: "\n") + "\n", path: "en.md")
        #expect(page.entries.count == 5_000)
        #expect(page.entries.last?.description == "See [doc 4999] and [x4999][].\n\n[doc 4999]: https://x.y/4999\n[x4999]: https://x.y/x4999 \"T\"")
    }
}
