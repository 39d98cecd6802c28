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
        try Slot.encoded(context, marker: nil) ?? [String: Any]()
    }

    /// `context` as plain values with each non-empty text replaced by `marker(n)`, n counting texts in the order
    /// they are encoded, as `TemplateShape` lists them.
    static func encode(_ context: some Encodable, markingTexts marker: @escaping (Int) -> String) throws -> Any {
        try Slot.encoded(context, marker: TextMarker(marker)) ?? [String: Any]()
    }
}

/// Replaces texts with numbered markers as they are encoded.
private final class TextMarker {
    private let marker: (Int) -> String
    private var count = 0

    init(_ marker: @escaping (Int) -> String) {
        self.marker = marker
    }

    func mark(_ text: String) -> String {
        guard !text.isEmpty else { return text }
        defer { count += 1 }
        return marker(count)
    }
}

/// One value being encoded: a leaf, the fields of a struct, or the elements of an array.
///
/// Values are stored as their final plain values as soon as they are encoded, since a nested value's
/// `encode(to:)` has returned by then. Only containers handed out by `nestedContainer` and `superEncoder`
/// are filled after the call that made them, so those stay slots until `value` reads them out.
private final class Slot {
    /// What replaces each text, when texts are marked; shared by every slot of one encoding.
    let marker: TextMarker?
    var leaf: Any?
    var fields: [String: Any]?
    var elements: [Any]?
    /// Whether `fields` or `elements` hold a slot still to be read out.
    var holdsSlots = false

    init(marker: TextMarker?) {
        self.marker = marker
    }

    /// `text` as it is stored: itself, or its marker.
    func text(_ text: String) -> String {
        marker?.mark(text) ?? text
    }

    var value: Any? {
        if let fields { return holdsSlots ? fields.compactMapValues(Self.readOut) : fields }
        // An element encoded as nil stays an empty `Optional`, as it was in the array.
        if let elements { return holdsSlots ? elements.map { Self.readOut($0) ?? (Optional<Any>.none as Any) } : elements }
        return leaf
    }

    private static func readOut(_ stored: Any) -> Any? {
        guard let slot = stored as? Slot else { return stored }
        return slot.value
    }

    // Fields and elements are only written through the containers `SlotEncoder` makes, which set them up first.

    /// Stores a field's final value; a field encoded as nothing is left out, as reflection leaves out `nil`.
    func set(_ value: Any?, forKey key: some CodingKey) {
        guard let value else { return }
        fields![key.stringValue] = value
    }

    func append(_ value: Any?) {
        elements!.append(value ?? (Optional<Any>.none as Any))
    }

    /// The final value of `value` encoded on its own.
    static func encoded(_ value: some Encodable, marker: TextMarker?) throws -> Any? {
        let slot = Slot(marker: marker)
        try value.encode(to: SlotEncoder(slot: slot))
        return slot.value
    }

    /// A slot for a container that is filled after this call returns.
    func fieldSlot(_ key: some CodingKey) -> Slot {
        let slot = Slot(marker: marker)
        fields![key.stringValue] = slot
        holdsSlots = true
        return slot
    }

    /// A slot for an element container that is filled after this call returns.
    func elementSlot() -> Slot {
        let slot = Slot(marker: marker)
        elements!.append(slot)
        holdsSlots = true
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
    mutating func encode(_ value: Bool, forKey key: Key) { slot.set(value, forKey: key) }
    mutating func encode(_ value: String, forKey key: Key) { slot.set(slot.text(value), forKey: key) }
    mutating func encode(_ value: Double, forKey key: Key) { slot.set(value, forKey: key) }
    mutating func encode(_ value: Float, forKey key: Key) { slot.set(value, forKey: key) }
    mutating func encode(_ value: Int, forKey key: Key) { slot.set(value, forKey: key) }
    mutating func encode(_ value: Int8, forKey key: Key) { slot.set(value, forKey: key) }
    mutating func encode(_ value: Int16, forKey key: Key) { slot.set(value, forKey: key) }
    mutating func encode(_ value: Int32, forKey key: Key) { slot.set(value, forKey: key) }
    mutating func encode(_ value: Int64, forKey key: Key) { slot.set(value, forKey: key) }
    mutating func encode(_ value: UInt, forKey key: Key) { slot.set(value, forKey: key) }
    mutating func encode(_ value: UInt8, forKey key: Key) { slot.set(value, forKey: key) }
    mutating func encode(_ value: UInt16, forKey key: Key) { slot.set(value, forKey: key) }
    mutating func encode(_ value: UInt32, forKey key: Key) { slot.set(value, forKey: key) }
    mutating func encode(_ value: UInt64, forKey key: Key) { slot.set(value, forKey: key) }
    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
        slot.set(try Slot.encoded(value, marker: slot.marker), forKey: key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        SlotEncoder(slot: slot.fieldSlot(key)).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        SlotEncoder(slot: slot.fieldSlot(key)).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder { SlotEncoder(slot: slot.fieldSlot(SuperKey())) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { SlotEncoder(slot: slot.fieldSlot(key)) }
}

private struct UnkeyedSlotContainer: UnkeyedEncodingContainer {
    let slot: Slot
    var codingPath: [any CodingKey] { [] }
    var count: Int { slot.elements?.count ?? 0 }

    mutating func encodeNil() { slot.append(nil) }
    mutating func encode(_ value: Bool) { slot.append(value) }
    mutating func encode(_ value: String) { slot.append(slot.text(value)) }
    mutating func encode(_ value: Double) { slot.append(value) }
    mutating func encode(_ value: Float) { slot.append(value) }
    mutating func encode(_ value: Int) { slot.append(value) }
    mutating func encode(_ value: Int8) { slot.append(value) }
    mutating func encode(_ value: Int16) { slot.append(value) }
    mutating func encode(_ value: Int32) { slot.append(value) }
    mutating func encode(_ value: Int64) { slot.append(value) }
    mutating func encode(_ value: UInt) { slot.append(value) }
    mutating func encode(_ value: UInt8) { slot.append(value) }
    mutating func encode(_ value: UInt16) { slot.append(value) }
    mutating func encode(_ value: UInt32) { slot.append(value) }
    mutating func encode(_ value: UInt64) { slot.append(value) }
    mutating func encode(_ value: some Encodable) throws { slot.append(try Slot.encoded(value, marker: slot.marker)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        SlotEncoder(slot: slot.elementSlot()).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        SlotEncoder(slot: slot.elementSlot()).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder { SlotEncoder(slot: slot.elementSlot()) }
}

private struct SingleSlotContainer: SingleValueEncodingContainer {
    let slot: Slot
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() { slot.leaf = nil }
    mutating func encode(_ value: Bool) { slot.leaf = value }
    mutating func encode(_ value: String) { slot.leaf = slot.text(value) }
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
