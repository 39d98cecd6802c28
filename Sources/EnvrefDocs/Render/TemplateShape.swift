import EnvrefCore
import Foundation

/// What a template's output depends on in a context, apart from the texts it holds: every call its `Encodable`
/// conformance makes, the non-empty texts left out. Two contexts of one shape encode (`TemplateValueEncoder`)
/// to the same values but for their texts, so through a template that `TemplateSet.rendersTextAsIs(_:)`
/// accepts they render to the same output but for their texts, which stand where the same tags placed them.
///
/// Swift-mustache looks every tag up with dynamic casts through the context stack, which made rendering
/// rows most of a full build. A page's rows come in few shapes (a type, a deprecation, a count of values),
/// so `SiteRenderer` renders each shape once, with markers for its texts (`TemplateSkeleton`), and fills in
/// every row's texts. Working the shape out from the encoding calls, not from encoded values, spares each
/// row its dictionaries.
struct TemplateShape: Hashable, Sendable {
    /// The encoding calls: for each, the container it went to, the field's name, and the value's kind, flag,
    /// number, or whether its text is empty.
    let key: [UInt8]
    /// The non-empty texts, in the order they were encoded: the order `TemplateValueEncoder` numbers them in
    /// when it marks them.
    let texts: [String]

    /// The shape of `context`; throws what its own `encode(to:)` throws.
    init(encoding context: some Encodable) throws {
        let recorder = ShapeRecorder()
        try context.encode(to: ShapeEncoder(recorder: recorder, container: recorder.open(kind: 0x01, in: nil, key: nil)))
        key = recorder.key
        texts = recorder.texts
    }

    /// Hashing and equality only need the key: texts are what shapes leave out.
    static func == (lhs: TemplateShape, rhs: TemplateShape) -> Bool { lhs.key == rhs.key }

    func hash(into hasher: inout Hasher) {
        key.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}

/// Writes each encoding call into a shape's key. Every call writes a tag byte of its own, then the number of
/// the container it went to, then what it encoded; names and spellings are length-prefixed. Containers are
/// numbered as they are opened, and an opening records its parent and field, so the key tells the whole tree
/// apart even when a container is filled after another was opened.
private final class ShapeRecorder {
    var key: [UInt8] = []
    var texts: [String] = []
    private var containers = 0

    init() {
        key.reserveCapacity(512)
    }

    /// A new container's number, recording where it was opened.
    func open(kind: UInt8, in parent: Int?, key name: String?) -> Int {
        containers += 1
        record(kind, in: parent ?? 0, key: name)
        return containers
    }

    func record(_ tag: UInt8, in container: Int, key name: String?) {
        key.append(tag)
        appendNumber(container)
        if let name {
            appendNumber(name.utf8.count)
            key.append(contentsOf: name.utf8)
        } else {
            appendNumber(-1)
        }
    }

    func text(_ text: String, in container: Int, key name: String?) {
        record(text.isEmpty ? 0x10 : 0x11, in: container, key: name)
        if !text.isEmpty { texts.append(text) }
    }

    func flag(_ flag: Bool, in container: Int, key name: String?) {
        record(flag ? 0x12 : 0x13, in: container, key: name)
    }

    /// A number renders as `String(describing:)` spells it: part of the shape, with its type.
    func number(_ number: some Numeric & CustomStringConvertible, in container: Int, key name: String?) {
        record(0x14, in: container, key: name)
        let spelled = "\(type(of: number))=\(number)"
        appendNumber(spelled.utf8.count)
        key.append(contentsOf: spelled.utf8)
    }

    func null(in container: Int, key name: String?) {
        record(0x15, in: container, key: name)
    }

    private func appendNumber(_ number: Int) {
        withUnsafeBytes(of: Int64(number).littleEndian) { key.append(contentsOf: $0) }
    }
}

/// The `Encoder` that feeds a `ShapeRecorder`; like `TemplateValueEncoder`'s, it keeps no coding path.
private struct ShapeEncoder: Encoder {
    let recorder: ShapeRecorder
    /// The container this encoder's value goes to.
    let container: Int
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedShapeContainer(recorder: recorder, container: recorder.open(kind: 0x02, in: container, key: nil)))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedShapeContainer(recorder: recorder, container: recorder.open(kind: 0x03, in: container, key: nil))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleShapeContainer(recorder: recorder, container: container)
    }
}

private struct KeyedShapeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let recorder: ShapeRecorder
    let container: Int
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) { recorder.null(in: container, key: key.stringValue) }
    mutating func encode(_ value: Bool, forKey key: Key) { recorder.flag(value, in: container, key: key.stringValue) }
    mutating func encode(_ value: String, forKey key: Key) { recorder.text(value, in: container, key: key.stringValue) }
    mutating func encode(_ value: Double, forKey key: Key) { recorder.number(value, in: container, key: key.stringValue) }
    mutating func encode(_ value: Float, forKey key: Key) { recorder.number(value, in: container, key: key.stringValue) }
    mutating func encode(_ value: Int, forKey key: Key) { recorder.number(value, in: container, key: key.stringValue) }
    mutating func encode(_ value: Int8, forKey key: Key) { recorder.number(value, in: container, key: key.stringValue) }
    mutating func encode(_ value: Int16, forKey key: Key) { recorder.number(value, in: container, key: key.stringValue) }
    mutating func encode(_ value: Int32, forKey key: Key) { recorder.number(value, in: container, key: key.stringValue) }
    mutating func encode(_ value: Int64, forKey key: Key) { recorder.number(value, in: container, key: key.stringValue) }
    mutating func encode(_ value: UInt, forKey key: Key) { recorder.number(value, in: container, key: key.stringValue) }
    mutating func encode(_ value: UInt8, forKey key: Key) { recorder.number(value, in: container, key: key.stringValue) }
    mutating func encode(_ value: UInt16, forKey key: Key) { recorder.number(value, in: container, key: key.stringValue) }
    mutating func encode(_ value: UInt32, forKey key: Key) { recorder.number(value, in: container, key: key.stringValue) }
    mutating func encode(_ value: UInt64, forKey key: Key) { recorder.number(value, in: container, key: key.stringValue) }
    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
        try value.encode(to: ShapeEncoder(recorder: recorder, container: recorder.open(kind: 0x04, in: container, key: key.stringValue)))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        ShapeEncoder(recorder: recorder, container: recorder.open(kind: 0x05, in: container, key: key.stringValue)).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        ShapeEncoder(recorder: recorder, container: recorder.open(kind: 0x05, in: container, key: key.stringValue)).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder {
        ShapeEncoder(recorder: recorder, container: recorder.open(kind: 0x06, in: container, key: nil))
    }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        ShapeEncoder(recorder: recorder, container: recorder.open(kind: 0x05, in: container, key: key.stringValue))
    }
}

private struct UnkeyedShapeContainer: UnkeyedEncodingContainer {
    let recorder: ShapeRecorder
    let container: Int
    var codingPath: [any CodingKey] { [] }
    private(set) var count = 0

    init(recorder: ShapeRecorder, container: Int) {
        self.recorder = recorder
        self.container = container
    }

    mutating func encodeNil() { count += 1; recorder.null(in: container, key: nil) }
    mutating func encode(_ value: Bool) { count += 1; recorder.flag(value, in: container, key: nil) }
    mutating func encode(_ value: String) { count += 1; recorder.text(value, in: container, key: nil) }
    mutating func encode(_ value: Double) { count += 1; recorder.number(value, in: container, key: nil) }
    mutating func encode(_ value: Float) { count += 1; recorder.number(value, in: container, key: nil) }
    mutating func encode(_ value: Int) { count += 1; recorder.number(value, in: container, key: nil) }
    mutating func encode(_ value: Int8) { count += 1; recorder.number(value, in: container, key: nil) }
    mutating func encode(_ value: Int16) { count += 1; recorder.number(value, in: container, key: nil) }
    mutating func encode(_ value: Int32) { count += 1; recorder.number(value, in: container, key: nil) }
    mutating func encode(_ value: Int64) { count += 1; recorder.number(value, in: container, key: nil) }
    mutating func encode(_ value: UInt) { count += 1; recorder.number(value, in: container, key: nil) }
    mutating func encode(_ value: UInt8) { count += 1; recorder.number(value, in: container, key: nil) }
    mutating func encode(_ value: UInt16) { count += 1; recorder.number(value, in: container, key: nil) }
    mutating func encode(_ value: UInt32) { count += 1; recorder.number(value, in: container, key: nil) }
    mutating func encode(_ value: UInt64) { count += 1; recorder.number(value, in: container, key: nil) }
    mutating func encode(_ value: some Encodable) throws {
        count += 1
        try value.encode(to: ShapeEncoder(recorder: recorder, container: recorder.open(kind: 0x04, in: container, key: nil)))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        count += 1
        return ShapeEncoder(recorder: recorder, container: recorder.open(kind: 0x05, in: container, key: nil)).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        count += 1
        return ShapeEncoder(recorder: recorder, container: recorder.open(kind: 0x05, in: container, key: nil)).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder {
        count += 1
        return ShapeEncoder(recorder: recorder, container: recorder.open(kind: 0x06, in: container, key: nil))
    }
}

private struct SingleShapeContainer: SingleValueEncodingContainer {
    let recorder: ShapeRecorder
    let container: Int
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() { recorder.null(in: container, key: nil) }
    mutating func encode(_ value: Bool) { recorder.flag(value, in: container, key: nil) }
    mutating func encode(_ value: String) { recorder.text(value, in: container, key: nil) }
    mutating func encode(_ value: Double) { recorder.number(value, in: container, key: nil) }
    mutating func encode(_ value: Float) { recorder.number(value, in: container, key: nil) }
    mutating func encode(_ value: Int) { recorder.number(value, in: container, key: nil) }
    mutating func encode(_ value: Int8) { recorder.number(value, in: container, key: nil) }
    mutating func encode(_ value: Int16) { recorder.number(value, in: container, key: nil) }
    mutating func encode(_ value: Int32) { recorder.number(value, in: container, key: nil) }
    mutating func encode(_ value: Int64) { recorder.number(value, in: container, key: nil) }
    mutating func encode(_ value: UInt) { recorder.number(value, in: container, key: nil) }
    mutating func encode(_ value: UInt8) { recorder.number(value, in: container, key: nil) }
    mutating func encode(_ value: UInt16) { recorder.number(value, in: container, key: nil) }
    mutating func encode(_ value: UInt32) { recorder.number(value, in: container, key: nil) }
    mutating func encode(_ value: UInt64) { recorder.number(value, in: container, key: nil) }
    mutating func encode(_ value: some Encodable) throws {
        try value.encode(to: ShapeEncoder(recorder: recorder, container: recorder.open(kind: 0x04, in: container, key: nil)))
    }
}

/// A template's output for one `TemplateShape`, cut where its texts go, so that every context of that shape
/// is rendered by filling in its texts.
///
/// The shape is rendered with each text replaced by a marker: NULs around a name drawn per process, the
/// text's number, and an `&`. The `&` tells how the tag wrote the text: `&amp;` where it was escaped for HTML,
/// `&` where it was not (`{{{...}}}`, `{{&...}}`, or a template of plain text). Escaping is `HTMLEscaping`'s,
/// the `HTML` content type of every template.
struct TemplateSkeleton: Sendable {
    private enum Piece: Sendable {
        case literal([UInt8])
        case text(index: Int, escaped: Bool)
    }

    private let pieces: [Piece]
    /// How many texts the shape holds; a context of another count is not of this shape.
    let textCount: Int

    /// The name every marker carries: drawn anew by each process, so no template or text holds it by chance.
    private static let markerName = Array("envref text \(UUID().uuidString) ".utf8)

    /// The marker that stands for text number `index` in the values a skeleton is rendered from.
    static func marker(_ index: Int) -> String {
        "\u{0}\(String(decoding: markerName, as: UTF8.self))\(index)&\u{0}"
    }

    /// The skeleton of `context`'s shape through `template`, or `nil` when its output cannot be cut (see
    /// `init(rendered:textCount:)`) or `context` does not have the shape `shape`.
    ///
    /// `context` is encoded twice, for its shape and for its marked values, and both must list its texts in one
    /// order: a dictionary in a context may iterate in another order in another copy, so both encodings are of
    /// this one copy, and its shape is checked against the one the skeleton is for.
    static func make(for context: some Encodable, shape: TemplateShape, template: String, in templates: TemplateSet) throws -> TemplateSkeleton? {
        guard try TemplateShape(encoding: context) == shape,
              let rendered = templates.render(try TemplateValueEncoder.encode(context, markingTexts: marker), with: template)
        else { return nil }
        return TemplateSkeleton(rendered: rendered, textCount: shape.texts.count)
    }

    /// Cuts `rendered`, a template's output for values marked with `marker(_:)`, that hold `textCount` texts.
    /// `nil` when a marker is found other than whole and in one of the two spellings, or its name is found
    /// outside a marker: a template that does something else with its texts is rendered for every context
    /// instead. A text the template never places is left out, as the template leaves it out.
    init?(rendered: String, textCount: Int) {
        let bytes = Array(rendered.utf8)
        var pieces: [Piece] = []
        var literalStart = 0
        var position = 0
        let prefix = [0] + Self.markerName
        while let found = bytes[position...].firstIndex(of: 0) {
            guard bytes[found...].starts(with: prefix) else {
                position = found + 1
                continue
            }
            var cursor = found + prefix.count
            var index = 0
            var digits = 0
            while cursor < bytes.count, bytes[cursor] >= UInt8(ascii: "0"), bytes[cursor] <= UInt8(ascii: "9"), digits < 9 {
                index = index * 10 + Int(bytes[cursor] - UInt8(ascii: "0"))
                cursor += 1
                digits += 1
            }
            let escaped: Bool
            if bytes[cursor...].starts(with: Array("&amp;\u{0}".utf8)) {
                escaped = true
                cursor += 6
            } else if bytes[cursor...].starts(with: Array("&\u{0}".utf8)) {
                escaped = false
                cursor += 2
            } else {
                return nil
            }
            guard digits > 0, index < textCount else { return nil }
            if literalStart < found { pieces.append(.literal(Array(bytes[literalStart..<found]))) }
            pieces.append(.text(index: index, escaped: escaped))
            literalStart = cursor
            position = cursor
        }
        if literalStart < bytes.count { pieces.append(.literal(Array(bytes[literalStart...]))) }
        // A marker's name left in the text is a text the template wrote some other way: inside a list or a
        // struct written whole (`String(describing:)`, which spells a NUL `\0`), say.
        let name = Self.markerName
        for case .literal(let literal) in pieces where literal.count >= name.count {
            guard !(0...(literal.count - name.count)).contains(where: { literal[$0..<($0 + name.count)].elementsEqual(name) }) else {
                return nil
            }
        }
        self.pieces = pieces
        self.textCount = textCount
    }

    /// The output for a context of this shape whose texts are `texts`.
    func filled(with texts: [String]) -> String {
        precondition(texts.count == textCount, "a context of another shape")
        var bytes: [UInt8] = []
        bytes.reserveCapacity(256)
        for piece in pieces {
            switch piece {
            case .literal(let literal):
                bytes.append(contentsOf: literal)
            case .text(let index, let escaped):
                if escaped {
                    bytes.append(contentsOf: HTMLEscaping().escapeText(texts[index]).utf8)
                } else {
                    bytes.append(contentsOf: texts[index].utf8)
                }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
