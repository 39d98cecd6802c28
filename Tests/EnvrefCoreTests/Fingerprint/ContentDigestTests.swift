import EnvrefCore
import Testing

@Suite("Content digests")
struct ContentDigestTests {
    /// From the reference MurmurHash3_x64_128 (Python's `mmh3.hash_bytes`) over the bytes 0, 1, 2, …: the
    /// lengths cover an empty input, every tail shape around the 8- and 16-byte boundaries, and several blocks.
    @Test("matches the reference implementation, with and without a seed", arguments: [
        (0, "00000000000000000000000000000000", "23851bfa7da72af0b9cb11da106601d1"),
        (1, "b55cff6ee5ab10468335f878aa2d6251", "c86d220bd3fe3e3259c45986f2bdbd16"),
        (7, "680d4bca87694cbd87c725bdd4dd3a61", "dc812daa658bb9e2ac1f703eb760eba5"),
        (8, "c82f8ed6bde1a747c7dc31ec02eee660", "8e21e97c34fc45507b8b64e60b81059f"),
        (9, "322d816e0fcbb4fbb9ff00021d75de78", "978391e0fa433644f61df7fd40c85aed"),
        (15, "e92549fd98152347e97dc688ee6d84cd", "4585ab968ff982cbdc832087a0ad8c9b"),
        (16, "303f9091b524494445e82f76566490ab", "29de86174ffab552401e4260c55b4d3c"),
        (17, "0ec2e79f0ff4765c24a8da9e6b025fc1", "fba12a339df8088f6cdf19cd98b42b59"),
        (31, "94d02ca3e1d33d05905400b4ef9ae59e", "88c822c826e0c45feb92aac7c5043334"),
        (32, "0f502fb622906dc65111c3346e0a051c", "11fe75a3e24eac35698b06bf4c2cc1f5"),
        (33, "1246bafa1b28417d0ba3d6a77380ac55", "5ef21d9e1f1493d6c83597ea936145af"),
        (100, "ca5140c199996fb0990734c8936dbd0f", "69809ef68bd4d3d35fd074af1c060e4e"),
    ])
    func referenceVectors(length: Int, unseeded: String, seeded: String) {
        let bytes = (0..<length).map { UInt8($0) }
        #expect(ContentDigest(of: bytes).description == unseeded)
        #expect(ContentDigest(of: bytes, seed: 42).description == seeded)
    }

    @Test("the digest's bytes give back the digest")
    func bytesRoundTrip() {
        let digest = ContentDigest(of: Array("hello".utf8))
        #expect(digest.description == "029bbd41b3a7d8cb191dae486a901e5b")
        let stored = [0xAA] + digest.bytes
        #expect(stored.withUnsafeBytes { ContentDigest(storedAt: 1, in: $0) } == digest)
        var archive = ArchiveWriter()
        archive.write(digest)
        #expect(archive.bytes == digest.bytes)
    }
}
