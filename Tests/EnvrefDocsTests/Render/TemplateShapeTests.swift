import EnvrefCore
import EnvrefTestSupport
import Foundation
import Testing

@testable import EnvrefDocs

@Suite("Render: rows rendered once per shape and filled in")
struct TemplateShapeTests {
    /// A context with every kind of value the encoder meets: texts, optionals, flags, numbers, lists, nesting.
    private struct Sample: Encodable {
        struct Item: Encodable {
            var label: String
            var code: String?
            var flag: Bool
        }

        var title: String
        var note: String?
        var empty: String
        var count: Int
        var isOn: Bool
        var items: [Item]
        var tags: [String]
        var nested: Item?
        var unused: String
    }

    /// Texts that escaping, line handling or the markers could get wrong.
    private static let awkwardTexts = [
        "a & b", "<script>alert(1)</script>", "\"quoted\"", "it's", "\"\u{301} quote with a combining mark",
        "ends with a line break\n", "\r\n", "trailing space ", "x\u{0}y", "&amp;", TemplateSkeleton.marker(0), TemplateSkeleton.marker(1).replacingOccurrences(of: "&", with: "&amp;"), "日本語", "9",
    ]

    private static func sample(_ texts: [String], seed: Int) -> Sample {
        func text(_ offset: Int) -> String { texts[(seed + offset) % texts.count] }
        return Sample(
            title: text(0), note: text(1), empty: "", count: 3, isOn: true,
            items: [Sample.Item(label: text(2), code: text(3), flag: true), Sample.Item(label: text(4), code: nil, flag: false)],
            tags: [text(5), text(6), text(7)], nested: Sample.Item(label: text(8), code: text(9), flag: false), unused: text(10))
    }

    private static let templates: [String: String] = [
        "reference.html": """
            <h1 title="{{title}}">{{{title}}}</h1>
            {{#note}}<p>{{.}}</p>{{/note}}{{^note}}none{{/note}}[{{empty}}] {{count}} {{#isOn}}on{{/isOn}}
            {{#items}}
            <li class="{{#flag}}flag{{/flag}}">{{label}} {{&code}} {{title}}</li>
            {{/items}}
            {{#tags}}{{.}},{{/tags}} {{nested.label}} {{#nested}}{{ code }}{{/nested}}{{! a comment: {{title}} }}

            """,
        "reference.md": "{{%CONTENT_TYPE: TEXT}}\n{{title}} | {{#items}}{{label}}:{{code}};{{/items}} {{#tags}}{{.}} {{/tags}}\n",
        "index.html": "{{title}}\n{{%CONTENT_TYPE: TEXT}}\n{{title}} {{nested.code}}\n{{%CONTENT_TYPE: HTML}}\n{{nested.code}}\n",
    ]

    private static func loadTemplates() throws -> (TemplateSet, URL) {
        let directory = try Fixtures.templatesDirectory(templates)
        return (try #require(TemplateSet.load(from: directory.path).templates), directory)
    }

    /// `context` rendered from the skeleton of `representative`'s shape, as the renderer does; `nil` when the
    /// template's output for that shape cannot be cut.
    private static func filled(_ context: some Encodable, from representative: some Encodable, with template: String,
                               in templates: TemplateSet) throws -> String? {
        let shape = try TemplateShape(encoding: context)
        try #require(try TemplateShape(encoding: representative) == shape)
        let skeleton = try TemplateSkeleton.make(for: representative, shape: try TemplateShape(encoding: representative),
                                                 template: template, in: templates)
        return skeleton?.filled(with: shape.texts)
    }

    /// What rendering `context` through `template` gives; a render that gives nothing fails the test, so a
    /// comparison with it cannot pass on two missing outputs.
    private static func direct(_ context: some Encodable, with template: String, in templates: TemplateSet) throws -> String {
        try #require(templates.render(try TemplateValueEncoder.encode(context), with: template))
    }

    @Test("a row filled in from another row's skeleton is what rendering it gives",
          arguments: ["reference.html", "reference.md", "index.html"])
    func filledEqualsRendered(template: String) throws {
        let (templates, directory) = try Self.loadTemplates()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(templates.rendersTextAsIs(template))
        let representative = Self.sample(["representative"], seed: 0)
        for seed in Self.awkwardTexts.indices {
            let row = Self.sample(Self.awkwardTexts, seed: seed)
            #expect(try TemplateShape(encoding: row) == TemplateShape(encoding: representative))
            let expected = try Self.direct(row, with: template, in: templates)
            #expect(try Self.filled(row, from: representative, with: template, in: templates) == expected)
        }
    }

    @Test("every row of the W&B pages, in both formats, filled in from the first row of its shape, is what rendering it gives")
    func embeddedRows() throws {
        let templates = try #require(TemplateSet.load(from: Fixtures.templatesDirectory).templates)
        let contexts = try Fixtures.contexts(in: Fixtures.embeddedContentDirectory)
        for name in ["_variable.html", "_variable.md", "_translation.html", "_translation.md"] {
            #expect(templates.rendersTextAsIs(name))
        }
        func check<Row: Encodable>(_ rows: [Row], templates names: [String]) throws -> Int {
            var representatives: [TemplateShape: Row] = [:]
            var shared = 0
            for row in rows {
                let shape = try TemplateShape(encoding: row)
                if representatives[shape] == nil { representatives[shape] = row } else { shared += 1 }
                for name in names {
                    let filled = try Self.filled(row, from: representatives[shape]!, with: name, in: templates)
                    #expect(filled == (try Self.direct(row, with: name, in: templates)))
                }
            }
            return shared
        }
        let variableRows = contexts.pages.flatMap { page in page.variables.map { VariableRowContext($0, on: page) } }
        let translationRows = try #require(contexts.translations).rows
        // The five pages' 180 rows come in 33 shapes and the matrix's 36 rows in one: the rows sharing a shape
        // with an earlier one are what skeletons are for.
        #expect(variableRows.count == 180)
        #expect(try check(variableRows, templates: ["_variable.html", "_variable.md"]) == 180 - 33)
        #expect(try check(translationRows, templates: ["_translation.html", "_translation.md"]) == 36 - 1)
    }

    @Test("a row template that writes a list or a struct whole gets no skeleton, and its rows render one by one",
          arguments: ["{{#variable}}{{notes}} {{seeAlso}}{{/variable}}", "{{#variable}}{{{seeAlso}}}{{/variable}}"])
    func wholeValues(row: String) throws {
        let template = "{{%CONTENT_TYPE: TEXT}}\n\(row)\n"
        let directory = try Fixtures.templatesDirectory([
            "reference.md": "{{%CONTENT_TYPE: TEXT}}\n{{#variableRows}}\n{{.}}\n{{/variableRows}}\n", "_variable.md": template,
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        let templates = try #require(TemplateSet.load(from: directory.path).templates)
        #expect(templates.rendersTextAsIs("_variable.md"))
        let page = try Fixtures.contexts().pages[0]
        let rows = page.variables.map { VariableRowContext($0, on: page) }
        let withText = try #require(rows.first { !$0.variable.seeAlso.isEmpty })
        #expect(try Self.filled(withText, from: withText, with: "_variable.md", in: templates) == nil)
        let output = DocsPipeline(contentDirectory: Fixtures.contentDirectory, templatesDirectory: directory.path).run()
        let files = try #require(output.files, "\(output.diagnostics)")
        let direct = try rows.map { row in
            var text = try #require(try Self.direct(row, with: "_variable.md", in: templates))
            if text.hasSuffix("\n") { text.removeLast() }
            return text
        }
        let expected = String(decoding: SiteRenderer.normalisedBytes(direct.joined(separator: "\n") + "\n"), as: UTF8.self)
        let markdown = try #require(Fixtures.text(of: "\(page.language)/environment-variables.md", in: files))
        #expect(markdown == expected)
        #expect(!markdown.contains("envref text"))
    }

    /// A context holding a dictionary, which may list its keys in another order in each copy.
    private struct Keyed: Encodable {
        var fields: [String: String]
    }

    @Test("a context with a dictionary fills in each text where its own key goes, whatever order each copy lists them in")
    func dictionaryOrder() throws {
        let names = (0..<24).map { "k\($0)" }
        let directory = try Fixtures.templatesDirectory(["index.html": names.map { "{{fields.\($0)}}" }.joined(separator: "|") + "\n"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let templates = try #require(TemplateSet.load(from: directory.path).templates)
        func row(_ seed: Int, order: Int) -> Keyed {
            var fields: [String: String] = [:]
            var generator = SplitMix64(seed: UInt64(order))
            for name in names.shuffled(using: &generator) { fields[name] = "\(name)=\(seed)" }
            return Keyed(fields: fields)
        }
        var reordered = 0
        for seed in 0..<20 {
            let context = row(seed, order: seed)
            let shape = try TemplateShape(encoding: context)
            let expected = try Self.direct(context, with: "index.html", in: templates)
            let own = try #require(try TemplateSkeleton.make(for: context, shape: shape, template: "index.html", in: templates))
            #expect(own.filled(with: shape.texts) == expected)
            // The renderer makes the context of a shape's first row again: a copy that lists its keys in another
            // order has another shape, and gets no skeleton, rather than one that would misplace the texts.
            // Its keys go in in another order, so the case comes up even where the runtime's hashing is fixed.
            let copy = row(seed, order: seed + 1_000)
            let fromCopy = try TemplateSkeleton.make(for: copy, shape: shape, template: "index.html", in: templates)
            let copyShape = try TemplateShape(encoding: copy)
            #expect((fromCopy == nil) == (copyShape != shape))
            if let fromCopy { #expect(fromCopy.filled(with: shape.texts) == expected) }
            if copyShape != shape { reordered += 1 }
        }
        // The case the check is for must have come up.
        #expect(reordered > 0)
    }

    @Test("contexts differing in anything but their non-empty texts have different shapes")
    func shapesTellApart() throws {
        let base = Self.sample(["text"], seed: 0)
        var variants: [Sample] = []
        var changed = base
        changed.note = nil
        variants.append(changed)
        changed = base
        changed.isOn = false
        variants.append(changed)
        changed = base
        changed.count = 4
        variants.append(changed)
        changed = base
        changed.tags.removeLast()
        variants.append(changed)
        changed = base
        changed.items[0].flag = false
        variants.append(changed)
        changed = base
        changed.items[0].code = nil
        variants.append(changed)
        changed = base
        changed.title = ""
        variants.append(changed)
        changed = base
        changed.nested = nil
        variants.append(changed)
        // Moved, not changed: the second item's missing code goes to the first.
        changed = base
        changed.items[0].code = nil
        changed.items[1].code = "text"
        variants.append(changed)
        let shapes = try ([base] + variants).map { try TemplateShape(encoding: $0) }
        #expect(Set(shapes).count == shapes.count)
        var retexted = Self.sample(Self.awkwardTexts, seed: 3)
        retexted.unused = "another"
        #expect(try TemplateShape(encoding: retexted) == shapes[0])
        #expect(try TemplateShape(encoding: retexted).texts.count == 11)
    }

    @Test("only a template that reads its values by name is filled in from skeletons", arguments: [
        ("{{#variable}}{{name}} {{{typeKeyword}}} {{&name}} {{.}}{{/variable}}{{^x}}{{/x}}{{! {{odd}} }}\n", true),
        ("{{%CONTENT_TYPE: TEXT}}\n{{ variable.name }}\n", true),
        ("{{> _variable.md}}\n", false),
        ("{{#variable}}{{uppercased(name)}}{{/variable}}\n", false),
        ("{{=<% %>=}}\n<% name %>\n", false),
        ("{{*dynamic}}\n", false),
    ])
    func templatesFilledIn(template: String, fillable: Bool) throws {
        let directory = try Fixtures.templatesDirectory(["_variable.html": template])
        defer { try? FileManager.default.removeItem(at: directory) }
        let templates = try #require(TemplateSet.load(from: directory.path).templates)
        #expect(templates.rendersTextAsIs("_variable.html") == fillable)
    }

    @Test("a row template with a partial renders every row itself, to the same page")
    func partialTemplate() throws {
        let directory = try Fixtures.templatesDirectory([
            "reference.html": "{{#variableRows}}\n{{{.}}}\n{{/variableRows}}\n",
            "_variable.html": "{{#variable}}\n  {{> _name}}\n{{/variable}}\n",
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("{{name}}\n{{typeKeyword}}\n".utf8).write(to: directory.appending(path: "_name.mustache"))
        let templates = try #require(TemplateSet.load(from: directory.path).templates)
        #expect(!templates.rendersTextAsIs("_variable.html"))
        let output = DocsPipeline(contentDirectory: Fixtures.contentDirectory, templatesDirectory: directory.path).run()
        let files = try #require(output.files, "\(output.diagnostics)")
        let page = try Fixtures.contexts().pages[0]
        let expected = page.variables.map { "  \($0.name)\n  \($0.typeKeyword)\n" }.joined()
        #expect(Fixtures.text(of: "\(page.language)/index.html", in: files) == expected)
    }

    @Test("a marker cut short, misspelled or numbering a text the shape lacks leaves no skeleton")
    func brokenMarkers() {
        let marker = TemplateSkeleton.marker(0)
        #expect(TemplateSkeleton(rendered: "a\(marker)b", textCount: 1)?.filled(with: ["<&>"]) == "a<&>b")
        #expect(TemplateSkeleton(rendered: "a\(marker.replacingOccurrences(of: "&", with: "&amp;"))b", textCount: 1)?
            .filled(with: ["<&>"]) == "a&lt;&amp;&gt;b")
        #expect(TemplateSkeleton(rendered: "\u{0}not a marker\u{0}", textCount: 0)?.filled(with: []) == "\u{0}not a marker\u{0}")
        #expect(TemplateSkeleton(rendered: String(marker.dropLast()), textCount: 1) == nil)
        #expect(TemplateSkeleton(rendered: marker.replacingOccurrences(of: "&", with: "&#38;"), textCount: 1) == nil)
        #expect(TemplateSkeleton(rendered: TemplateSkeleton.marker(1), textCount: 1) == nil)
        #expect(TemplateSkeleton(rendered: marker.replacingOccurrences(of: "0&", with: "&"), textCount: 1) == nil)
    }
}

