import Foundation

/// Values laid out as bytes for a cache file, to be read back by `ArchiveReader` in the same order.
///
/// The layout carries no field names or types: the writer and the reader of one file are the same envref
/// build (cache files are keyed by the program's identity), so each side only has to agree with itself.
public struct ArchiveWriter: Sendable {
    /// Everything written so far.
    @inlinable public var bytes: [UInt8] { written }
    @usableFromInline var written: [UInt8] = []

    /// Creates an empty archive.
    @inlinable public init() {}

    /// Creates an empty archive with room for `capacity` bytes: a key is worked out from an archive of a few
    /// hundred bytes for each of thousands of rows, and growing each one from empty reallocated it several times.
    @inlinable public init(capacity: Int) {
        written.reserveCapacity(capacity)
    }

    /// Creates an archive that starts with `prefix`, such as a file's format line.
    @inlinable public init(prefix: [UInt8]) {
        written = prefix
    }

    /// Writes a whole number as eight little-endian bytes.
    @inlinable public mutating func write(_ value: Int) {
        withUnsafeBytes(of: Int64(value).littleEndian) { written += $0 }
    }

    /// Writes a flag as one byte.
    @inlinable public mutating func write(_ flag: Bool) {
        written.append(flag ? 1 : 0)
    }

    /// Writes a text as its length in bytes, then its UTF-8.
    @inlinable public mutating func write(_ text: String) {
        write(text.utf8.count)
        written += text.utf8
    }

    /// Writes whether a value is present, then the value when it is.
    @inlinable public mutating func write<Value>(_ value: Value?, _ writeValue: (inout ArchiveWriter, Value) -> Void) {
        write(value != nil)
        if let value { writeValue(&self, value) }
    }

    /// Writes the count of `items`, then each item.
    @inlinable public mutating func write<Items: Collection>(_ items: Items, _ writeItem: (inout ArchiveWriter, Items.Element) -> Void) {
        write(items.count)
        for item in items { writeItem(&self, item) }
    }

    /// Writes a digest as its sixteen bytes, each half little-endian (`ContentDigest.bytes` is made here), without
    /// making an array: keys are written by the ten thousand.
    @inlinable public mutating func write(_ digest: ContentDigest) {
        withUnsafeBytes(of: digest.high.littleEndian) { written += $0 }
        withUnsafeBytes(of: digest.low.littleEndian) { written += $0 }
    }

    /// Writes a run of raw bytes, preceded by its length.
    @inlinable public mutating func write(bytes run: [UInt8]) {
        write(run.count)
        written += run
    }
}

/// Reads what `ArchiveWriter` wrote, in the same order; a read past the end, a count larger than the bytes
/// left could hold, or a text that is not UTF-8 throws `ArchiveReader.Malformed` instead of trapping.
public struct ArchiveReader {
    /// The archive is damaged or was written by different code.
    public struct Malformed: Error, Sendable {
        /// Creates the error.
        @inlinable public init() {}
    }

    @usableFromInline let bytes: [UInt8]
    @usableFromInline var offset: Int
    @usableFromInline let end: Int

    /// Reads `bytes`.
    @inlinable public init(_ bytes: [UInt8]) {
        self.init(bytes, range: 0..<bytes.count)
    }

    /// Reads the bytes of `bytes` in `range`, without copying them.
    @inlinable public init(_ bytes: [UInt8], range: Range<Int>) {
        self.bytes = bytes
        offset = range.lowerBound
        end = range.upperBound
    }

    /// Whether every byte has been read.
    @inlinable public var isAtEnd: Bool { offset == end }


    /// Reads a whole number.
    @inlinable public mutating func readInt() throws(Malformed) -> Int {
        guard end - offset >= 8 else { throw Malformed() }
        let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: Int64.self) }
        offset += 8
        guard let int = Int(exactly: Int64(littleEndian: value)) else { throw Malformed() }
        return int
    }

    /// Reads a whole number that must lie in `range`.
    @inlinable public mutating func readInt(in range: ClosedRange<Int>) throws(Malformed) -> Int {
        let value = try readInt()
        guard range.contains(value) else { throw Malformed() }
        return value
    }

    /// Reads a flag.
    @inlinable public mutating func readBool() throws(Malformed) -> Bool {
        guard offset < end, bytes[offset] <= 1 else { throw Malformed() }
        defer { offset += 1 }
        return bytes[offset] == 1
    }

    /// Reads a text.
    @inlinable public mutating func readString() throws(Malformed) -> String {
        let run = try readRun()
        guard let text = bytes.withUnsafeBufferPointer({ Self.text(ofUTF8: UnsafeBufferPointer(rebasing: $0[run])) }) else { throw Malformed() }
        return text
    }

    /// The text `utf8` spells, or `nil` when it is not UTF-8. `String(validating:as:)` is generic and reaches
    /// here unspecialised, instantiating its metadata on every call, and a snapshot holds hundreds of thousands
    /// of texts: decoding, which repairs, and then checking that nothing was repaired took a fraction of the time.
    @usableFromInline static func text(ofUTF8 utf8: UnsafeBufferPointer<UInt8>) -> String? {
        let text = String(decoding: utf8, as: UTF8.self)
        // A repair replaces bytes with U+FFFD, and may keep the length (a cut four-byte sequence is three bytes,
        // as is its replacement), so the bytes are compared, not counted.
        let unrepaired = text.utf8.withContiguousStorageIfAvailable { decoded in
            decoded.count == utf8.count && (utf8.isEmpty || memcmp(decoded.baseAddress!, utf8.baseAddress!, utf8.count) == 0)
        } ?? text.utf8.elementsEqual(utf8)
        return unrepaired ? text : nil
    }

    /// Reads a value written with `write(_:_:)` for optionals.
    @inlinable public mutating func readOptional<Value>(_ readValue: (inout ArchiveReader) throws(Malformed) -> Value) throws(Malformed) -> Value? {
        try readBool() ? try readValue(&self) : nil
    }

    /// Reads items written with `write(_:_:)` for collections. A count larger than the bytes left is refused
    /// (every item fills at least one byte), and no more than 65,536 items are reserved up front, since an item
    /// can take far more memory than the byte it fills.
    @inlinable public mutating func readArray<Item>(_ readItem: (inout ArchiveReader) throws(Malformed) -> Item) throws(Malformed) -> [Item] {
        let count = try readCount()
        var items: [Item] = []
        items.reserveCapacity(Swift.min(count, 1 << 16))
        for _ in 0..<count { items.append(try readItem(&self)) }
        return items
    }

    /// Reads a digest.
    @inlinable public mutating func readDigest() throws(Malformed) -> ContentDigest {
        guard end - offset >= 16 else { throw Malformed() }
        defer { offset += 16 }
        return bytes.withUnsafeBytes { ContentDigest(storedAt: offset, in: $0) }
    }

    /// Reads a run of raw bytes.
    @inlinable public mutating func readBytes() throws(Malformed) -> [UInt8] {
        Array(bytes[try readRun()])
    }

    /// A count, which can be no larger than the bytes left after it.
    @usableFromInline mutating func readCount() throws(Malformed) -> Int {
        let count = try readInt()
        guard count >= 0, count <= end - offset else { throw Malformed() }
        return count
    }

    @usableFromInline mutating func readRun() throws(Malformed) -> Range<Int> {
        let count = try readCount()
        defer { offset += count }
        return offset..<(offset + count)
    }
}

extension ArchiveWriter {
    /// Writes a location's line and column; its path is the file's, which the reader supplies.
    @inlinable public mutating func writeLineAndColumn(of location: SourceLocation) {
        write(location.line)
        write(location.column) { $0.write($1) }
    }
}

extension ArchiveReader {
    /// Reads a location written by `writeLineAndColumn(of:)`, in the file at `path`; a line or column beyond
    /// `limit` (such as the file's size) is refused, so later arithmetic on it cannot overflow.
    @inlinable public mutating func readLocation(in path: String, limit: Int) throws(Malformed) -> SourceLocation {
        let line = try readInt(in: 0...limit)
        let column = try readOptional { (archive: inout ArchiveReader) throws(Malformed) in try archive.readInt(in: 0...limit) }
        return SourceLocation(path: path, line: line, column: column)
    }
}

extension ArchiveWriter {
    /// Writes a table keyed by digests, sorted by key so the same table always makes the same bytes.
    @inlinable public mutating func write<Value>(_ table: [ContentDigest: Value], _ writeValue: (inout ArchiveWriter, Value) -> Void) {
        write(table.sorted { $0.key < $1.key }) { archive, entry in
            archive.write(entry.key)
            writeValue(&archive, entry.value)
        }
    }
}

extension ArchiveReader {
    /// Reads a table written by `write(_:_:)` for digest-keyed tables; the reader must end with it.
    @inlinable public mutating func readTable<Value>(
        _ readValue: (inout ArchiveReader) throws(Malformed) -> Value) throws(Malformed) -> [ContentDigest: Value] {
        let entries = try readArray { (archive: inout ArchiveReader) throws(Malformed) in (try archive.readDigest(), try readValue(&archive)) }
        guard isAtEnd else { throw Malformed() }
        return Dictionary(entries, uniquingKeysWith: { first, _ in first })
    }
}
