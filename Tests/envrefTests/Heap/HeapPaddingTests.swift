import CEnvrefHeap
import Foundation
import Testing

/// The command line pads the C allocator's heaps as it loads (`Sources/CEnvrefHeap`). This process links the
/// same object, so its constructor ran here too, before the first thread; `envref --timings` says what the
/// executable got, which also shows that the object is linked into it.
@Suite("The allocator's heap padding")
struct HeapPaddingTests {
    @Test("heaps are padded by 48 MiB unless the environment chose a padding")
    func padding() {
        #expect(Int(envref_heap_padding()) == CommandRunner.expectedHeapPadding)
    }

    @Test("the executable says what padding its heaps got, and leaves one the environment chose alone", arguments: [
        [:], ["MALLOC_TOP_PAD_": "0"], ["GLIBC_TUNABLES": "glibc.malloc.top_pad=0"],
    ])
    func executable(environment: [String: String]) throws {
        let project = try CommandRunner.projectCopy()
        defer { try? FileManager.default.removeItem(at: project) }
        let result = try CommandRunner.run(["diff", "--format", "json", "--timings"], in: project, environment: environment)
        #expect(result.status == 0)
        let expected = environment.isEmpty ? CommandRunner.heapPaddingLine : CommandRunner.heapPaddingLeftAlone
        #expect(result.errorLines.first == expected)
    }
}
