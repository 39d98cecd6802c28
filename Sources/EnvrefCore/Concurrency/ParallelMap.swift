import Foundation

extension Array where Element: Sendable {
    /// `map` spread over the machine's cores, in contiguous chunks, with the results in order.
    ///
    /// For per-item work that is independent and pure, such as the translation state of every variable:
    /// the output is the same as `map`'s, so reports and pages stay byte-for-byte deterministic.
    /// `minimumChunk` keeps small inputs on the calling thread, where starting threads would cost more.
    public func parallelMap<Result: Sendable>(minimumChunk: Int = 256, _ transform: (Element) -> Result) -> [Result] {
        let wantedChunks = Swift.min(count / Swift.max(minimumChunk, 1), parallelChunkLimit)
        guard wantedChunks > 1 else { return map(transform) }
        let chunkSize = (count + wantedChunks - 1) / wantedChunks
        // Rounding the size up can leave fewer chunks than wanted (9 items in 8 chunks are 5 chunks of 2).
        let chunkCount = (count + chunkSize - 1) / chunkSize
        return [Result](unsafeUninitializedCapacity: count) { buffer, initializedCount in
            // Each chunk writes only its own slots, so the threads never touch the same memory.
            nonisolated(unsafe) let output = buffer.baseAddress!
            withoutActuallyEscaping(transform) { transform in
                nonisolated(unsafe) let transform = transform
                self.withUnsafeBufferPointer { input in
                    nonisolated(unsafe) let input = input
                    DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                        let range = (chunk * chunkSize)..<Swift.min((chunk + 1) * chunkSize, input.count)
                        for index in range {
                            (output + index).initialize(to: transform(input[index]))
                        }
                    }
                }
            }
            initializedCount = count
        }
    }
}

/// The most pieces `parallelMap` cuts its work into: four per core, so a core that finishes early takes
/// another. Callers that cut work themselves, such as the registry's grouped compose, cut it as finely.
public var parallelChunkLimit: Int { 4 * Swift.max(1, ProcessInfo.processInfo.activeProcessorCount) }

/// Runs two independent pieces of work at once, on two cores when there are two, and returns both results.
///
/// For work that shares nothing, such as loading a registry and its translation lock. The results need
/// not be `Sendable`: each is made on one thread and handed over only after both threads have finished.
///
/// `second` runs on a global queue while `first` runs on the calling thread. Not `concurrentPerform`: inside
/// one, libdispatch runs a nested `concurrentPerform` (each `parallelMap` in the two pieces of work) on a
/// single thread, so a piece that is itself parallel would keep one core idle.
public func concurrently<First, Second>(_ first: () -> First, _ second: () -> Second) -> (First, Second) {
    nonisolated(unsafe) var secondResult: Second?
    let firstResult = withoutActuallyEscaping(second) { second in
        nonisolated(unsafe) let second = second
        let group = DispatchGroup()
        // The group's wait below returns only after `second` has run, so it never outlives this call.
        DispatchQueue.global().async(group: group) { secondResult = second() }
        defer { group.wait() }
        return first()
    }
    return (firstResult, secondResult!)
}

/// A value handed to another thread that the compiler cannot prove safe to share; each use says why it is.
public struct UncheckedSendable<Value>: @unchecked Sendable {
    /// The value handed over.
    public let value: Value

    /// Wraps `value` for handing over.
    public init(_ value: Value) {
        self.value = value
    }
}
