/// The `ContentDigest` of an `Encodable` value: equal values give equal digests, and values that encode
/// differently give different ones, so a digest can stand for the value as a cache key.
///
/// The value is written to bytes in the order its `encode(to:)` writes it, every piece tagged with its kind
/// and length and every nested value closed, so no two different encodings run together into the same bytes.
public enum EncodedDigest {
    /// The digest of `value`, or `nil` when its encoding cannot be trusted to stand for it.
    ///
    /// `nil` when `encode(to:)` throws, or asks for a nested container or a super encoder: those can be filled
    /// after later fields, out of the order the bytes record. Compiler-written conformances of structs never
    /// ask for them, so this only turns caching off for unusual types. A dictionary's keys come in an order
    /// that changes from run to run, so its digest can differ between runs: that costs a cache hit, not a
    /// wrong answer.
    public static func digest(of value: some Encodable, seed: UInt64 = 0) -> ContentDigest? {
        let sink = ByteSink()
        do {
            try value.encode(to: DigestingEncoder(sink: sink))
        } catch {
            return nil
        }
        guard sink.isInOrder else { return nil }
        return ContentDigest(of: sink.bytes, seed: seed)
    }
}

/// The bytes written so far, shared by every container of one encoding.
private final class ByteSink {
    var bytes: [UInt8] = []
    /// Whether every container was filled in the order it was made.
    var isInOrder = true

    init() {
        bytes.reserveCapacity(2_048)
    }

    enum Tag: UInt8 {
        case key = 1, string, bool, signed, unsigned, float, null, begin, end, keyed, unkeyed, element
    }

    func write(_ tag: Tag) {
        bytes.append(tag.rawValue)
    }

    func write(_ word: UInt64) {
        withUnsafeBytes(of: word.littleEndian) { bytes.append(contentsOf: $0) }
    }

    func write(_ tag: Tag, _ text: String) {
        write(tag)
        var text = text
        text.withUTF8 { utf8 in
            write(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    func write(_ value: Bool) {
        write(.bool)
        bytes.append(value ? 1 : 0)
    }

    func write(signed value: Int64) {
        write(.signed)
        write(UInt64(bitPattern: value))
    }

    func write(unsigned value: UInt64) {
        write(.unsigned)
        write(value)
    }

    func write(float value: Double) {
        write(.float)
        write(value.bitPattern)
    }

    /// A nested value, closed once its own `encode(to:)` returns.
    func write(nested value: some Encodable) throws {
        write(.begin)
        try value.encode(to: DigestingEncoder(sink: self))
        write(.end)
    }
}

private struct DigestingEncoder: Encoder {
    let sink: ByteSink
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        sink.write(.keyed)
        return KeyedEncodingContainer(KeyedDigestingContainer<Key>(sink: sink))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        sink.write(.unkeyed)
        return UnkeyedDigestingContainer(sink: sink)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueDigestingContainer(sink: sink)
    }
}

private struct KeyedDigestingContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let sink: ByteSink
    var codingPath: [any CodingKey] { [] }

    private func key(_ key: Key) {
        sink.write(.key, key.stringValue)
    }

    mutating func encodeNil(forKey key: Key) throws { self.key(key); sink.write(.null) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { self.key(key); sink.write(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { self.key(key); sink.write(.string, value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { self.key(key); sink.write(float: value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { self.key(key); sink.write(float: Double(value)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { self.key(key); sink.write(signed: Int64(value)) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { self.key(key); sink.write(signed: Int64(value)) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { self.key(key); sink.write(signed: Int64(value)) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { self.key(key); sink.write(signed: Int64(value)) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { self.key(key); sink.write(signed: value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { self.key(key); sink.write(unsigned: UInt64(value)) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { self.key(key); sink.write(unsigned: UInt64(value)) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { self.key(key); sink.write(unsigned: UInt64(value)) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { self.key(key); sink.write(unsigned: UInt64(value)) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { self.key(key); sink.write(unsigned: value) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        self.key(key)
        try sink.write(nested: value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        sink.isInOrder = false
        return KeyedEncodingContainer(KeyedDigestingContainer<NestedKey>(sink: sink))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        sink.isInOrder = false
        return UnkeyedDigestingContainer(sink: sink)
    }

    mutating func superEncoder() -> any Encoder {
        sink.isInOrder = false
        return DigestingEncoder(sink: sink)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        sink.isInOrder = false
        return DigestingEncoder(sink: sink)
    }
}

private struct UnkeyedDigestingContainer: UnkeyedEncodingContainer {
    let sink: ByteSink
    var codingPath: [any CodingKey] { [] }
    var count = 0

    private mutating func element() {
        count += 1
        sink.write(.element)
    }

    mutating func encodeNil() throws { element(); sink.write(.null) }
    mutating func encode(_ value: Bool) throws { element(); sink.write(value) }
    mutating func encode(_ value: String) throws { element(); sink.write(.string, value) }
    mutating func encode(_ value: Double) throws { element(); sink.write(float: value) }
    mutating func encode(_ value: Float) throws { element(); sink.write(float: Double(value)) }
    mutating func encode(_ value: Int) throws { element(); sink.write(signed: Int64(value)) }
    mutating func encode(_ value: Int8) throws { element(); sink.write(signed: Int64(value)) }
    mutating func encode(_ value: Int16) throws { element(); sink.write(signed: Int64(value)) }
    mutating func encode(_ value: Int32) throws { element(); sink.write(signed: Int64(value)) }
    mutating func encode(_ value: Int64) throws { element(); sink.write(signed: value) }
    mutating func encode(_ value: UInt) throws { element(); sink.write(unsigned: UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { element(); sink.write(unsigned: UInt64(value)) }
    mutating func encode(_ value: UInt16) throws { element(); sink.write(unsigned: UInt64(value)) }
    mutating func encode(_ value: UInt32) throws { element(); sink.write(unsigned: UInt64(value)) }
    mutating func encode(_ value: UInt64) throws { element(); sink.write(unsigned: value) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        element()
        try sink.write(nested: value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        sink.isInOrder = false
        return KeyedEncodingContainer(KeyedDigestingContainer<NestedKey>(sink: sink))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        sink.isInOrder = false
        return UnkeyedDigestingContainer(sink: sink)
    }

    mutating func superEncoder() -> any Encoder {
        sink.isInOrder = false
        return DigestingEncoder(sink: sink)
    }
}

private struct SingleValueDigestingContainer: SingleValueEncodingContainer {
    let sink: ByteSink
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { sink.write(.null) }
    mutating func encode(_ value: Bool) throws { sink.write(value) }
    mutating func encode(_ value: String) throws { sink.write(.string, value) }
    mutating func encode(_ value: Double) throws { sink.write(float: value) }
    mutating func encode(_ value: Float) throws { sink.write(float: Double(value)) }
    mutating func encode(_ value: Int) throws { sink.write(signed: Int64(value)) }
    mutating func encode(_ value: Int8) throws { sink.write(signed: Int64(value)) }
    mutating func encode(_ value: Int16) throws { sink.write(signed: Int64(value)) }
    mutating func encode(_ value: Int32) throws { sink.write(signed: Int64(value)) }
    mutating func encode(_ value: Int64) throws { sink.write(signed: value) }
    mutating func encode(_ value: UInt) throws { sink.write(unsigned: UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { sink.write(unsigned: UInt64(value)) }
    mutating func encode(_ value: UInt16) throws { sink.write(unsigned: UInt64(value)) }
    mutating func encode(_ value: UInt32) throws { sink.write(unsigned: UInt64(value)) }
    mutating func encode(_ value: UInt64) throws { sink.write(unsigned: value) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try sink.write(nested: value)
    }
}
