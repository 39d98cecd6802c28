import EnvrefCore
import Foundation
import Synchronization
import Testing

@Suite("Parallel map and concurrent pairs")
struct ParallelMapTests {
    @Test("gives map's results in map's order, for inputs below, at and far above one chunk", arguments: [0, 1, 255, 256, 257, 1_000, 100_003])
    func sameAsMap(count: Int) {
        let input = (0..<count).map { $0 &* 2_654_435_761 % 1_000_003 }
        #expect(input.parallelMap(minimumChunk: 256) { "\($0 * 3)" } == input.map { "\($0 * 3)" })
    }

    /// With one item per chunk allowed, a count just above the number of chunks rounds each chunk up to two
    /// items, which leaves fewer chunks than asked for; the last ones must not start past the end. The counts
    /// reach past twice the chunk limit, whatever the machine's core count.
    @Test("gives map's results for every small count, one item per chunk allowed", arguments: Array(0...(2 * parallelChunkLimit + 2)))
    func smallCounts(count: Int) {
        let input = Array(0..<count)
        #expect(input.parallelMap(minimumChunk: 1) { $0 * 7 } == input.map { $0 * 7 })
    }

    @Test("runs both pieces of work and returns both results in argument order")
    func pairs() {
        let (number, text) = concurrently({ (1...1_000).reduce(0, +) }, { String(repeating: "ab", count: 3) })
        #expect(number == 500_500)
        #expect(text == "ababab")
    }

    /// libdispatch runs a `concurrentPerform` nested in another on one thread, always, so `concurrently` must
    /// not be built on one: the registry's decoding, a parallel map inside a concurrent load, would lose a core.
    ///
    /// Other tests may keep both cores busy for a long time, so counting the threads a short map happens to
    /// use is not enough. Each item instead waits until a second thread has joined the map. A map held to one
    /// thread never gets one and gives up at the deadline; a map free to spread goes on as soon as a core frees.
    @Test("a parallel map inside either piece of work still spreads over the cores",
          .enabled(if: ProcessInfo.processInfo.activeProcessorCount > 1, "needs two cores"))
    func nestedParallelMap() {
        func mapMeetsASecondThread() -> Bool {
            let threads = Mutex(Set<ObjectIdentifier>())
            let deadline = ContinuousClock.now + .seconds(30)
            _ = Array(0..<8).parallelMap(minimumChunk: 1) { item in
                threads.withLock { _ = $0.insert(ObjectIdentifier(Thread.current)) }
                while threads.withLock({ $0.count }) < 2, ContinuousClock.now < deadline {
                    usleep(1_000)
                }
                return item
            }
            return threads.withLock { $0.count } > 1
        }
        #expect(concurrently({ mapMeetsASecondThread() }, { false }).0, "a map in the first piece of work")
        #expect(concurrently({ false }, { mapMeetsASecondThread() }).1, "a map in the second piece of work")
    }
}
