import Foundation
import Testing

@testable import EnvrefDocs

@Suite("Render: contexts encoded for the templates")
struct TemplateValueEncoderTests {
    @Test("encoded contexts hold exactly what swift-mustache finds in the structs by reflection")
    func sameAsReflection() throws {
        let contexts = SiteContextBuilder().build(try Fixtures.siteContent())
        var problems: [String] = []
        for page in contexts.pages {
            problems += differences(try TemplateValueEncoder.encode(page), page, at: page.language)
        }
        problems += differences(try TemplateValueEncoder.encode(contexts.index), contexts.index, at: "index")
        #expect(problems == [])
    }

    @Test("a conformance that renames or drops a field is caught")
    func driftIsCaught() throws {
        let value = Drifted(title: "Title", hidden: "kept out")
        #expect(differences(try TemplateValueEncoder.encode(value), value, at: "drifted") == [
            "drifted.title: missing",
            "drifted.hidden: missing",
            "drifted.heading: not a field",
        ])
    }

    @Test("a nil optional is left out, flags stay flags, lists keep their order")
    func shapes() throws {
        let value = Sample(name: "A", note: nil, isOn: true, items: [Sample.Item(text: "x"), Sample.Item(text: "y")])
        let encoded = try #require(try TemplateValueEncoder.encode(value) as? [String: Any])
        #expect(encoded.keys.sorted() == ["isOn", "items", "name"])
        #expect(encoded["isOn"] as? Bool == true)
        let items = try #require(encoded["items"] as? [Any])
        #expect(items.compactMap { ($0 as? [String: Any])?["text"] as? String } == ["x", "y"])
    }

    @Test("containers filled after they are handed out (nested and super encoders) hold their values")
    func laterFilledContainers() throws {
        let encoded = try #require(try TemplateValueEncoder.encode(HandWritten()) as? [String: Any])
        #expect(encoded.keys.sorted() == ["list", "nested", "super", "title"])
        #expect(encoded["title"] as? String == "T")
        let nested = try #require(encoded["nested"] as? [String: Any])
        #expect(nested["inner"] as? String == "x")
        let list = try #require(encoded["list"] as? [Any])
        #expect(list.count == 3)
        #expect(list.first as? Int == 1)
        #expect((list[1] as? [String: Any])?["deep"] as? Bool == true)
        #expect((list[2] as? [Any])?.compactMap { $0 as? String } == ["a", "b"])
        let parent = try #require(encoded["super"] as? [String: Any])
        #expect(parent["base"] as? Int == 7)
    }

    @Test("an error thrown by a context's own encoding is passed on")
    func errorsPassOn() {
        #expect(throws: Failing.Failure.self) { try TemplateValueEncoder.encode(Failing()) }
    }
}

/// Where `encoded` differs from what swift-mustache's `Mirror` lookup finds in `value`: a field
/// under its label, one level of `Optional` unwrapped, `nil` as absent; leaves compared by type and text.
private func differences(_ encoded: Any, _ value: Any, at path: String) -> [String] {
    let mirror = Mirror(reflecting: value)
    switch mirror.displayStyle {
    case .struct:
        guard let fields = encoded as? [String: Any] else { return ["\(path): not a dictionary"] }
        var problems: [String] = []
        var labels: Set<String> = []
        for case (let label?, let child) in mirror.children {
            labels.insert(label)
            let childMirror = Mirror(reflecting: child)
            let found: Any? = childMirror.displayStyle == .optional ? childMirror.children.first?.value : child
            switch (found, fields[label]) {
            case (nil, nil): break
            case (nil, .some): problems.append("\(path).\(label): present but nil in the struct")
            case (.some, nil): problems.append("\(path).\(label): missing")
            case (let found?, let encoded?): problems += differences(encoded, found, at: "\(path).\(label)")
            }
        }
        return problems + fields.keys.filter { !labels.contains($0) }.sorted().map { "\(path).\($0): not a field" }
    case .collection:
        let elements = mirror.children.map(\.value)
        guard let encodedElements = encoded as? [Any], encodedElements.count == elements.count else {
            return ["\(path): not a list of \(elements.count)"]
        }
        return zip(encodedElements, elements).enumerated().flatMap { index, pair in
            differences(pair.0, pair.1, at: "\(path)[\(index)]")
        }
    default:
        guard type(of: encoded) == type(of: value), String(describing: encoded) == String(describing: value) else {
            return ["\(path): \(encoded) instead of \(value)"]
        }
        return []
    }
}

private struct Drifted: Encodable {
    var title: String
    var hidden: String
    enum CodingKeys: String, CodingKey { case title = "heading" }
}

private struct Sample: Encodable {
    struct Item: Encodable { var text: String }
    var name: String
    var note: String?
    var isOn: Bool
    var items: [Item]
}

private struct Failing: Encodable {
    struct Failure: Error {}
    func encode(to encoder: any Encoder) throws { throw Failure() }
}

/// Uses every container that is filled only after it is handed out, which no synthesized conformance does.
private struct HandWritten: Encodable {
    enum Keys: String, CodingKey { case title, nested, inner, list, deep, base }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        var nested = container.nestedContainer(keyedBy: Keys.self, forKey: .nested)
        var list = container.nestedUnkeyedContainer(forKey: .list)
        var parent = container.superEncoder().container(keyedBy: Keys.self)
        try container.encode("T", forKey: .title)
        try nested.encode("x", forKey: .inner)
        try list.encode(1)
        var deep = list.nestedContainer(keyedBy: Keys.self)
        var letters = list.nestedUnkeyedContainer()
        try deep.encode(true, forKey: .deep)
        try letters.encode("a")
        try letters.encode("b")
        try parent.encode(7, forKey: .base)
    }
}
