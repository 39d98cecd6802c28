import Foundation
import Testing

@testable import EnvrefDocs

@Suite("Render: the names templates use")
struct TemplateFieldsTests {
    static func checker() throws -> TemplateFieldChecker {
        let contexts = try Fixtures.contexts()
        var samples: [Any] = contexts.pages
        for page in contexts.pages {
            samples += page.variables.map { VariableRowContext($0, on: page) }
        }
        samples += [contexts.index, contexts.notFound]
        return TemplateFieldChecker(samples: samples + (contexts.translations.map { [$0] } ?? []) + (contexts.sitemap.map { [$0] } ?? []))
    }

    @Test("every name in the project's templates is a field of a context in scope", arguments: [
        ("reference.html", ReferencePageContext.self as Any.Type),
        ("reference.md", ReferencePageContext.self),
        ("_variable.html", VariableRowContext.self),
        ("_variable.md", VariableRowContext.self),
        ("index.html", SiteIndexContext.self),
        ("translations.html", TranslationsPageContext.self),
        ("translations.md", TranslationsPageContext.self),
        ("_translation.html", TranslationRowContext.self),
        ("_translation.md", TranslationRowContext.self),
        ("404.html", NotFoundPageContext.self),
        ("sitemap.xml", SitemapContext.self),
    ])
    func projectTemplates(template: String, root: Any.Type) throws {
        let text = try Self.withPartials(try String(contentsOfFile: "\(Fixtures.templatesDirectory)/\(template).mustache", encoding: .utf8))
        let problems = try Self.checker().problems(in: text, root: root, rendered: Self.renderedFields[template] ?? [])
        #expect(problems == [])
    }

    /// What the renderer adds beside a template's context: the reference pages and the translation status page
    /// get their rows finished.
    static let renderedFields: [String: Set<String>] = [
        "reference.html": ["variableRows"], "reference.md": ["variableRows"],
        "translations.html": ["matrixRows"], "translations.md": ["matrixRows"],
    ]

    @Test("a page template cannot reach into a variable's fields, and a row template sees only its variable and the column headings")
    func pageTemplatesSeeRowsNotVariables() throws {
        let template = "{{#variableRows}}{{{.}}}{{/variableRows}}{{name}}{{copy.name}}"
        #expect(try Self.checker().problems(in: template, root: ReferencePageContext.self, rendered: ["variableRows"]) == [
            "line 1: {{name}} names no field of ReferencePageContext",
        ])
        #expect(try Self.checker().problems(in: "{{#variable}}{{name}} {{columns.type}} {{copy.name}} {{title}}{{/variable}}", root: VariableRowContext.self) == [
            "line 1: {{copy.name}} names no field of VariableContext or VariableRowContext",
            "line 1: {{title}} names no field of VariableContext or VariableRowContext",
        ])
    }

    /// The template with each `{{> name}}` replaced by that partial's text, checked in the same scope.
    static func withPartials(_ text: String) throws -> String {
        try text.replacing(/\{\{>\s*(?<name>[^}\s]+)\s*\}\}/) { match in
            try String(contentsOfFile: "\(Fixtures.templatesDirectory)/\(match.name).mustache", encoding: .utf8)
        }
    }

    @Test("the check finds a misspelt name, a name outside its section and a wrong dotted name")
    func wrongNames() throws {
        let template = """
            {{#variables}}<b>{{nmae}}</b>{{/variables}}
            {{typeLabel}}
            {{#variables}}{{#deprecation}}{{label}} {{title}} {{columns.kind}}{{/deprecation}}{{/variables}}
            """
        #expect(try Self.checker().problems(in: template, root: ReferencePageContext.self) == [
            "line 1: {{nmae}} names no field of VariableContext or ReferencePageContext",
            "line 2: {{typeLabel}} names no field of ReferencePageContext",
            "line 3: {{columns.kind}} names no field 'kind' inside 'columns'",
        ])
    }

    @Test("the check says when the samples never fill a section, rather than passing it unread")
    func unfilledSection() throws {
        var page = SiteContextBuilder().build(try Fixtures.siteContent()).pages[0]
        page.variables = []
        page.after = nil
        let checker = TemplateFieldChecker(samples: [page])
        #expect(checker.problems(in: "{{#variables}}{{name}}{{/variables}}{{#after}}{{notice}}{{/after}}", root: ReferencePageContext.self) == [
            "line 1: {{#variables}} opens a section the samples never fill, so its names cannot be checked",
            "line 1: {{name}} names no field of ReferencePageContext",
            "line 1: {{#after}} opens a section the samples never fill, so its names cannot be checked",
            "line 1: {{notice}} names no field of ReferencePageContext",
        ])
    }
}
