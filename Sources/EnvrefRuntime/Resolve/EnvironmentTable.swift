import Foundation

/// Finds the values of a fixed set of variables in one pass over the process environment.
///
/// `getenv` scans the whole environment once per name, and a schema reads dozens of names; one scan that
/// looks each entry's name up in a small table built once per schema does that work once. As with `getenv`,
/// the first entry for a name wins and entries without `=` are ignored.
struct EnvironmentTable: Sendable {
    /// Each slot's variable name, as bytes.
    private let keys: [[UInt8]]
    /// Open addressing: a slot number, or -1 for an empty bucket.
    private let buckets: [Int]
    private let mask: Int
    /// Which bytes some name starts with, one bit each, so most of the environment is passed over unhashed.
    private let firstBytes: (UInt64, UInt64, UInt64, UInt64)
    /// The longest name's length; a longer name is no slot's.
    private let longestKey: Int

    /// Creates a table whose slots are the given names, in order.
    init(keys: [String]) {
        self.keys = keys.map { Array($0.utf8) }
        var capacity = 8
        while capacity < keys.count * 4 { capacity *= 2 }
        var buckets = [Int](repeating: -1, count: capacity)
        for (slot, key) in self.keys.enumerated() {
            // An empty name is never looked up: `read` passes over an entry whose name before `=` is empty.
            let hash = key.withUnsafeBufferPointer { key in key.baseAddress.map { Self.hash($0, length: key.count) } ?? 0 }
            var bucket = hash & (capacity - 1)
            while buckets[bucket] != -1 { bucket = (bucket + 1) & (capacity - 1) }
            buckets[bucket] = slot
        }
        self.buckets = buckets
        self.mask = capacity - 1
        var firstBytes: [UInt64] = [0, 0, 0, 0]
        for key in self.keys {
            if let first = key.first { firstBytes[Int(first >> 6)] |= 1 << UInt64(first & 63) }
        }
        self.firstBytes = (firstBytes[0], firstBytes[1], firstBytes[2], firstBytes[3])
        self.longestKey = self.keys.map(\.count).max() ?? 0
    }

    /// Hashes a name from its length and its first and last eight bytes.
    ///
    /// Names of one program share a prefix such as `WANDB_`, so the end carries most of the difference; a
    /// collision costs one more comparison, and reading two words is cheaper than mixing every byte.
    private static func hash(_ name: UnsafePointer<UInt8>, length: Int) -> Int {
        let head: UInt64
        let tail: UInt64
        if length >= 8 {
            head = UnsafeRawPointer(name).loadUnaligned(as: UInt64.self)
            tail = UnsafeRawPointer(name).loadUnaligned(fromByteOffset: length - 8, as: UInt64.self)
        } else {
            var word: UInt64 = 0
            for index in 0..<length { word = word << 8 | UInt64(name[index]) }
            head = word
            tail = 0
        }
        // Multiplying by odd constants spreads every input bit into the high bits, which the shift keeps.
        let mixed = (head &* 0x9E37_79B9_7F4A_7C15) ^ (tail &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(length)
        return Int(truncatingIfNeeded: (mixed &* 0xFF51_AFD7_ED55_8CCD) >> 32)
    }

    /// Whether some name starts with `byte`.
    private func startsSomeKey(_ byte: UInt8) -> Bool {
        let word = switch byte >> 6 {
        case 0: firstBytes.0
        case 1: firstBytes.1
        case 2: firstBytes.2
        default: firstBytes.3
        }
        return word & (1 << UInt64(byte & 63)) != 0
    }

    /// The value of every slot's variable in the process environment, `nil` where it is unset.
    func read() -> [String?] {
        var values = [String?](repeating: nil, count: keys.count)
        #if os(Linux)
        // `environ` is imported as non-optional but is null after `clearenv()`.
        guard var entry = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>(bitPattern: UInt(bitPattern: environ)) else { return values }
        while let pointer = entry.pointee {
            entry += 1
            let bytes = UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self)
            // Most of an environment is other programs' variables: one byte rules nearly all of them out.
            guard startsSomeKey(bytes[0]), let equals = strchr(pointer, Int32(UInt8(ascii: "="))) else { continue }
            let length = pointer.distance(to: equals)
            guard length > 0, length <= longestKey,
                  let slot = slot(hash: Self.hash(bytes, length: length), name: bytes, length: length), values[slot] == nil
            else { continue }
            values[slot] = String(cString: bytes + length + 1)
        }
        #else
        for (slot, key) in keys.enumerated() {
            values[slot] = getenv(String(decoding: key, as: UTF8.self)).map { String(cString: $0) }
        }
        #endif
        return values
    }

    private func slot(hash: Int, name: UnsafePointer<UInt8>, length: Int) -> Int? {
        var bucket = hash & mask
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
