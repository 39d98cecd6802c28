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

    @Test("runs both pieces of work and returns both results in argument order")
    func pairs() {
        let (number, text) = concurrently({ (1...1_000).reduce(0, +) }, { String(repeating: "ab", count: 3) })
        #expect(number == 500_500)
        #expect(text == "ababab")
    }

    /// libdispatch runs a `concurrentPerform` nested in another on one thread, always, so `concurrently` must
    /// not be built on one: the registry's decoding, a parallel map inside a concurrent load, would lose a core.
    /// Other tests may hold the cores for a while, so each side gets a few tries to see a second thread.
    @Test("a parallel map inside either piece of work still spreads over the cores",
          .enabled(if: ProcessInfo.processInfo.activeProcessorCount > 1, "needs two cores"))
    func nestedParallelMap() {
        // Each item waits a little, so a second thread has time to join in before the first thread is done.
        func threadsUsed() -> Int {
            let threads = Mutex(Set<ObjectIdentifier>())
            _ = Array(0..<64).parallelMap(minimumChunk: 1) { item in
                usleep(2_000)
                threads.withLock { _ = $0.insert(ObjectIdentifier(Thread.current)) }
                return item
            }
            return threads.withLock { $0.count }
        }
        let inFirst = (1...5).map { _ in concurrently({ threadsUsed() }, { 0 }).0 }
        let inSecond = (1...5).map { _ in concurrently({ 0 }, { threadsUsed() }).1 }
        #expect(inFirst.contains { $0 > 1 }, "threads per try: \(inFirst)")
        #expect(inSecond.contains { $0 > 1 }, "threads per try: \(inSecond)")
    }
}
