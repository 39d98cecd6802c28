import Foundation

/// Finds the values of a fixed set of variables in one pass over the process environment.
///
/// `getenv` scans the whole environment once per name, and a schema reads dozens of names; one scan that
/// hashes each entry's name into a small table built once per schema does that work once. As with `getenv`,
/// the first entry for a name wins and entries without `=` are ignored.
struct EnvironmentTable: Sendable {
    /// Each slot's variable name, as bytes.
    private let keys: [[UInt8]]
    /// Open addressing: a slot number, or -1 for an empty bucket.
    private let buckets: [Int]
    private let mask: Int

    /// Creates a table whose slots are the given names, in order.
    init(keys: [String]) {
        self.keys = keys.map { Array($0.utf8) }
        var capacity = 8
        while capacity < keys.count * 4 { capacity *= 2 }
        var buckets = [Int](repeating: -1, count: capacity)
        for (slot, key) in self.keys.enumerated() {
            var bucket = Int(truncatingIfNeeded: key.reduce(Self.seed, Self.mix)) & (capacity - 1)
            while buckets[bucket] != -1 { bucket = (bucket + 1) & (capacity - 1) }
            buckets[bucket] = slot
        }
        self.buckets = buckets
        self.mask = capacity - 1
    }

    // FNV-1a: cheap, and good enough for a few dozen names.
    private static let seed: UInt64 = 0xcbf2_9ce4_8422_2325
    private static func mix(_ hash: UInt64, _ byte: UInt8) -> UInt64 { (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }

    /// The value of every slot's variable in the process environment, `nil` where it is unset.
    func read() -> [String?] {
        var values = [String?](repeating: nil, count: keys.count)
        #if os(Linux)
        // `environ` is imported as non-optional but is null after `clearenv()`.
        guard var entry = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>(bitPattern: UInt(bitPattern: environ)) else { return values }
        while let pointer = entry.pointee {
            let bytes = UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self)
            var length = 0
            var hash = Self.seed
            while bytes[length] != 0, bytes[length] != UInt8(ascii: "=") {
                hash = Self.mix(hash, bytes[length])
                length += 1
            }
            if length > 0, bytes[length] == UInt8(ascii: "="), let slot = slot(hash: hash, name: bytes, length: length), values[slot] == nil {
                values[slot] = String(cString: bytes + length + 1)
            }
            entry += 1
        }
        #else
        for (slot, key) in keys.enumerated() {
            values[slot] = getenv(String(decoding: key, as: UTF8.self)).map { String(cString: $0) }
        }
        #endif
        return values
    }

    private func slot(hash: UInt64, name: UnsafePointer<UInt8>, length: Int) -> Int? {
        var bucket = Int(truncatingIfNeeded: hash) & mask
        while buckets[bucket] != -1 {
            let slot = buckets[bucket]
            let matches = keys[slot].withUnsafeBufferPointer { key in
                key.count == length && memcmp(key.baseAddress!, name, length) == 0
            }
            if matches { return slot }
            bucket = (bucket + 1) & mask
        }
        return nil
    }
}
