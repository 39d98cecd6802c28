import CEnvrefHeap
import Foundation
import Testing

/// The command line pads the C allocator's heaps as it loads (`Sources/CEnvrefHeap`); this process links the
/// same object, so its constructor ran here too, before the first thread.
@Suite("The allocator's heap padding")
struct HeapPaddingTests {
    @Test("heaps are padded by 48 MiB unless the environment chose a padding")
    func padding() {
        #if canImport(Glibc)
        let expected = ProcessInfo.processInfo.environment["MALLOC_TOP_PAD_"] == nil ? 48 << 20 : 0
        #else
        let expected = 0
        #endif
        #expect(envref_heap_padding() == expected)
    }
}
