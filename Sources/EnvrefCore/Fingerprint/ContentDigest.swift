import Foundation

/// A 128-bit digest of bytes (MurmurHash3, x64 variant), for telling cached work apart by its inputs.
///
/// Not cryptographic: it keys a cache that the user's own builds write, where SHA-256 would cost more than
/// the rendering it saves. At 128 bits, two different inputs among millions share a digest with a chance
/// below 10⁻²⁶.
public struct ContentDigest: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The first half of the digest.
    public var high: UInt64
    /// The second half of the digest.
    public var low: UInt64

    /// A digest from its two halves, as `bytes` stores them.
    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// The digest of `bytes`; a different `seed` gives an unrelated digest of the same bytes.
    public init(of bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) {
        let c1: UInt64 = 0x87c3_7b91_1142_53d5
        let c2: UInt64 = 0x4cf5_ad43_2745_937f
        var h1 = seed, h2 = seed
        let blockCount = bytes.count / 16
        for block in 0..<blockCount {
            var k1 = bytes.loadUnaligned(fromByteOffset: block * 16, as: UInt64.self).littleEndian
            var k2 = bytes.loadUnaligned(fromByteOffset: block * 16 + 8, as: UInt64.self).littleEndian
            k1 = (k1 &* c1).rotatedLeft(31) &* c2
            h1 ^= k1
            h1 = (h1.rotatedLeft(27) &+ h2) &* 5 &+ 0x52dc_e729
            k2 = (k2 &* c2).rotatedLeft(33) &* c1
            h2 ^= k2
            h2 = (h2.rotatedLeft(31) &+ h1) &* 5 &+ 0x3849_5ab5
        }
        // The last 0 to 15 bytes, little-endian, as the reference implementation reads them.
        let tail = blockCount * 16
        var k1: UInt64 = 0, k2: UInt64 = 0
        for index in stride(from: bytes.count - 1, through: tail, by: -1) {
            let byte = UInt64(bytes[index])
            if index - tail >= 8 { k2 = k2 << 8 | byte } else { k1 = k1 << 8 | byte }
        }
        if bytes.count - tail > 8 {
            k2 = (k2 &* c2).rotatedLeft(33) &* c1
            h2 ^= k2
        }
        if bytes.count > tail {
            k1 = (k1 &* c1).rotatedLeft(31) &* c2
            h1 ^= k1
        }
        h1 ^= UInt64(bytes.count)
        h2 ^= UInt64(bytes.count)
        h1 &+= h2
        h2 &+= h1
        h1 = Self.finalMix(h1)
        h2 = Self.finalMix(h2)
        h1 &+= h2
        h2 &+= h1
        high = h1
        low = h2
    }

    /// The digest of `bytes`.
    public init(of bytes: [UInt8], seed: UInt64 = 0) {
        self = bytes.withUnsafeBytes { ContentDigest(of: $0, seed: seed) }
    }

    /// The digest of `data`.
    public init(of data: Data, seed: UInt64 = 0) {
        self = data.withUnsafeBytes { ContentDigest(of: $0, seed: seed) }
    }

    /// The 16 bytes of the digest, each half little-endian, as the reference implementation writes them.
    public var bytes: [UInt8] {
        var archive = ArchiveWriter(capacity: 16)
        archive.write(self)
        return archive.bytes
    }

    /// The digest stored as `bytes` stores it, at `offset` in `buffer`.
    public init(storedAt offset: Int, in buffer: UnsafeRawBufferPointer) {
        high = UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        low = UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
    }

    /// The 16 bytes as 32 lower-case hex digits.
    public var description: String {
        bytes.lowercaseHex
    }

    private static func finalMix(_ value: UInt64) -> UInt64 {
        var k = value
        k ^= k >> 33
        k &*= 0xff51_afd7_ed55_8ccd
        k ^= k >> 33
        k &*= 0xc4ce_b9fe_1a85_ec53
        k ^= k >> 33
        return k
    }
}

extension UInt64 {
    fileprivate func rotatedLeft(_ count: UInt64) -> UInt64 {
        self << count | self >> (64 - count)
    }
}

extension ContentDigest {
    /// Orders digests by their halves, so that files keyed by digests can list them in one order every time.
    public static func < (lhs: ContentDigest, rhs: ContentDigest) -> Bool {
        (lhs.high, lhs.low) < (rhs.high, rhs.low)
    }
}
