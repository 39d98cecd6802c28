import EnvrefCore
import Testing

@Suite("Digests of encoded values")
struct EncodedDigestTests {
    struct Row: Encodable, Equatable {
        var name = "WANDB_MODE"
        var count = 3
        var flag = false
        var note: String? = "online"
        var items = ["a", "b"]
        var nested = Inner()
    }

    struct Inner: Encodable, Equatable {
        var text = "x"
        var ratio = 0.5
    }

    @Test("equal values give equal digests, and changing any one field changes the digest")
    func everyFieldCounts() throws {
        let base = try #require(EncodedDigest.digest(of: Row()))
        #expect(EncodedDigest.digest(of: Row()) == base)
        var variants: [Row] = []
        variants.append(modifying(Row()) { $0.name = "WANDB_MODF" })
        variants.append(modifying(Row()) { $0.count = 4 })
        variants.append(modifying(Row()) { $0.flag = true })
        variants.append(modifying(Row()) { $0.note = nil })
        variants.append(modifying(Row()) { $0.note = "" })
        variants.append(modifying(Row()) { $0.items = ["ab"] })
        variants.append(modifying(Row()) { $0.items = ["b", "a"] })
        variants.append(modifying(Row()) { $0.items = [] })
        variants.append(modifying(Row()) { $0.nested.text = "y" })
        variants.append(modifying(Row()) { $0.nested.ratio = -0.5 })
        let digests = variants.map { EncodedDigest.digest(of: $0) }
        #expect(!digests.contains(base))
        #expect(Set(digests.compactMap { $0 }).count == variants.count, "every variant differs from every other")
    }

    /// Without closing each nested value, `[{a: 1}]` followed by `y: 2` would write the same bytes as
    /// `[{a: 1, y: 2}]`.
    @Test("where one nested value ends and the next field begins is part of the digest")
    func nestingIsRecorded() {
        struct Pair: Encodable { var a = 1; var y: Int? }
        struct Outer: Encodable { var x: [Pair]; var y: Int? }
        let closedEarly = EncodedDigest.digest(of: Outer(x: [Pair(y: nil)], y: 2))
        let closedLate = EncodedDigest.digest(of: Outer(x: [Pair(y: 2)], y: nil))
        #expect(closedEarly != nil)
        #expect(closedEarly != closedLate)
    }

    @Test("a seed gives another digest of the same value")
    func seeds() {
        #expect(EncodedDigest.digest(of: Row(), seed: 1) != EncodedDigest.digest(of: Row(), seed: 2))
    }

    @Test("an encoding that throws or fills a container later gives no digest")
    func untrusted() {
        struct Throwing: Encodable {
            func encode(to encoder: any Encoder) throws {
                throw EncodingError.invalidValue(0, .init(codingPath: [], debugDescription: "no"))
            }
        }
        struct Later: Encodable {
            enum Keys: CodingKey { case a, b }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: Keys.self)
                var nested = container.nestedContainer(keyedBy: Keys.self, forKey: .a)
                try container.encode(1, forKey: .b)
                try nested.encode(2, forKey: .a)
            }
        }
        #expect(EncodedDigest.digest(of: Throwing()) == nil)
        #expect(EncodedDigest.digest(of: Later()) == nil)
    }

    private func modifying(_ row: Row, _ change: (inout Row) -> Void) -> Row {
        var row = row
        change(&row)
        return row
    }
}
