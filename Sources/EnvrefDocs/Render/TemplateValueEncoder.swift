/// Turns a template context into the plain values swift-mustache reads without reflection:
/// `[String: Any]` for a struct, `[Any]` for an array, and text, flags and numbers as they are.
///
/// swift-mustache resolves every tag by asking each object of the section stack, innermost first,
/// for a child of that name. A dictionary answers directly (it is a `MustacheParent`); any other
/// object is asked through a fresh `Mirror` that reflects all of its fields, for every tag, on every
/// stack level, in every row of every section, which took over 80% of the render time. Encoding a
/// context once gives the same answers without reflection: the `Encodable` conformance the compiler
/// writes lists every stored property under its own name, so the fields cannot drift from the
/// declarations, and it leaves out an optional that is `nil`, which swift-mustache's reflection
/// treats as absent too, going on to the enclosing context.
enum TemplateValueEncoder {
    /// `context` as plain values; throws only what the context's own `encode(to:)` throws.
    static func encode(_ context: some Encodable) throws -> Any {
        let slot = Slot()
        try context.encode(to: SlotEncoder(slot: slot))
        return slot.value ?? [String: Any]()
    }
}

/// One value being encoded. Containers keep writing into it after they are handed out, so it is a
/// class, read out as plain values by `value` once encoding is done.
private final class Slot {
    var leaf: Any?
    var fields: [String: Slot]?
    var elements: [Slot]?

    var value: Any? {
        if let fields { return fields.compactMapValues(\.value) }
        // An element encoded as nil stays an empty `Optional`, as it was in the array.
        if let elements { return elements.map { $0.value ?? (Optional<Any>.none as Any) } }
        return leaf
    }

    func field(_ key: some CodingKey) -> Slot {
        let slot = Slot()
        if fields == nil { fields = [:] }
        fields![key.stringValue] = slot
        return slot
    }

    func appendElement() -> Slot {
        let slot = Slot()
        if elements == nil { elements = [] }
        elements!.append(slot)
        return slot
    }
}

/// Coding paths and user info are not kept: the contexts' synthesized conformances never read them.
private struct SlotEncoder: Encoder {
    let slot: Slot
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if slot.fields == nil { slot.fields = [:] }
        return KeyedEncodingContainer(KeyedSlotContainer(slot: slot))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if slot.elements == nil { slot.elements = [] }
        return UnkeyedSlotContainer(slot: slot)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleSlotContainer(slot: slot) }
}

private struct KeyedSlotContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let slot: Slot
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) {}
    mutating func encode(_ value: Bool, forKey key: Key) { slot.field(key).leaf = value }
    mutating func encode(_ value: String, forKey key: Key) { slot.field(key).leaf = value }
    mutating func encode(_ value: Double, forKey key: Key) { slot.field(key).leaf = value }
    mutating func encode(_ value: Float, forKey key: Key) { slot.field(key).leaf = value }
    mutating func encode(_ value: Int, forKey key: Key) { slot.field(key).leaf = value }
    mutating func encode(_ value: Int8, forKey key: Key) { slot.field(key).leaf = value }
    mutating func encode(_ value: Int16, forKey key: Key) { slot.field(key).leaf = value }
    mutating func encode(_ value: Int32, forKey key: Key) { slot.field(key).leaf = value }
    mutating func encode(_ value: Int64, forKey key: Key) { slot.field(key).leaf = value }
    mutating func encode(_ value: UInt, forKey key: Key) { slot.field(key).leaf = value }
    mutating func encode(_ value: UInt8, forKey key: Key) { slot.field(key).leaf = value }
    mutating func encode(_ value: UInt16, forKey key: Key) { slot.field(key).leaf = value }
    mutating func encode(_ value: UInt32, forKey key: Key) { slot.field(key).leaf = value }
    mutating func encode(_ value: UInt64, forKey key: Key) { slot.field(key).leaf = value }
    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
        try value.encode(to: SlotEncoder(slot: slot.field(key)))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        SlotEncoder(slot: slot.field(key)).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        SlotEncoder(slot: slot.field(key)).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder { SlotEncoder(slot: slot.field(SuperKey())) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { SlotEncoder(slot: slot.field(key)) }
}

private struct UnkeyedSlotContainer: UnkeyedEncodingContainer {
    let slot: Slot
    var codingPath: [any CodingKey] { [] }
    var count: Int { slot.elements?.count ?? 0 }

    mutating func encodeNil() { _ = slot.appendElement() }
    mutating func encode(_ value: Bool) { slot.appendElement().leaf = value }
    mutating func encode(_ value: String) { slot.appendElement().leaf = value }
    mutating func encode(_ value: Double) { slot.appendElement().leaf = value }
    mutating func encode(_ value: Float) { slot.appendElement().leaf = value }
    mutating func encode(_ value: Int) { slot.appendElement().leaf = value }
    mutating func encode(_ value: Int8) { slot.appendElement().leaf = value }
    mutating func encode(_ value: Int16) { slot.appendElement().leaf = value }
    mutating func encode(_ value: Int32) { slot.appendElement().leaf = value }
    mutating func encode(_ value: Int64) { slot.appendElement().leaf = value }
    mutating func encode(_ value: UInt) { slot.appendElement().leaf = value }
    mutating func encode(_ value: UInt8) { slot.appendElement().leaf = value }
    mutating func encode(_ value: UInt16) { slot.appendElement().leaf = value }
    mutating func encode(_ value: UInt32) { slot.appendElement().leaf = value }
    mutating func encode(_ value: UInt64) { slot.appendElement().leaf = value }
    mutating func encode(_ value: some Encodable) throws {
        try value.encode(to: SlotEncoder(slot: slot.appendElement()))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        SlotEncoder(slot: slot.appendElement()).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        SlotEncoder(slot: slot.appendElement()).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder { SlotEncoder(slot: slot.appendElement()) }
}

private struct SingleSlotContainer: SingleValueEncodingContainer {
    let slot: Slot
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() { slot.leaf = nil }
    mutating func encode(_ value: Bool) { slot.leaf = value }
    mutating func encode(_ value: String) { slot.leaf = value }
    mutating func encode(_ value: Double) { slot.leaf = value }
    mutating func encode(_ value: Float) { slot.leaf = value }
    mutating func encode(_ value: Int) { slot.leaf = value }
    mutating func encode(_ value: Int8) { slot.leaf = value }
    mutating func encode(_ value: Int16) { slot.leaf = value }
    mutating func encode(_ value: Int32) { slot.leaf = value }
    mutating func encode(_ value: Int64) { slot.leaf = value }
    mutating func encode(_ value: UInt) { slot.leaf = value }
    mutating func encode(_ value: UInt8) { slot.leaf = value }
    mutating func encode(_ value: UInt16) { slot.leaf = value }
    mutating func encode(_ value: UInt32) { slot.leaf = value }
    mutating func encode(_ value: UInt64) { slot.leaf = value }
    mutating func encode(_ value: some Encodable) throws { try value.encode(to: SlotEncoder(slot: slot)) }
}

/// The key `superEncoder()` uses, as `JSONEncoder` does.
private struct SuperKey: CodingKey {
    var stringValue: String { "super" }
    var intValue: Int? { nil }
    init() {}
    init?(stringValue: String) { nil }
    init?(intValue: Int) { nil }
}
