import EnvrefCore
import Testing

@Suite("Parallel map and concurrent pairs")
struct ParallelMapTests {
    @Test("gives map's results in map's order, for inputs below, at and far above one chunk", arguments: [0, 1, 255, 256, 257, 1_000, 100_003])
    func sameAsMap(count: Int) {
        let input = (0..<count).map { $0 &* 2_654_435_761 % 1_000_003 }
        #expect(input.parallelMap(minimumChunk: 256) { "\($0 * 3)" } == input.map { "\($0 * 3)" })
    }

    @Test("runs both pieces of work and returns both results in argument order")
    func pairs() {
        let (number, text) = concurrently({ (1...1_000).reduce(0, +) }, { String(repeating: "ab", count: 3) })
        #expect(number == 500_500)
        #expect(text == "ababab")
    }
}
