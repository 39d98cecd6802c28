import Configuration
import Synchronization

/// Learns which provider supplied each value from the access event swift-configuration reports.
///
/// `ConfigReader` returns only the value; the event it reports synchronously lists the providers it asked,
/// in order, up to the one that answered, so that one's index is the layer the value came from.
final class SourceRecorder: AccessReporter, Sendable {
    private let lastLayer = Mutex<Int?>(nil)

    func report(_ event: AccessEvent) {
        let index = event.providerResults.lastIndex { result in
            if case .success(let lookup) = result.result { lookup.value != nil } else { false }
        }
        lastLayer.withLock { $0 = index }
    }

    /// The layer index of the last value read, clearing it so the next read starts fresh.
    func takeLayer() -> Int? {
        lastLayer.withLock { layer in
            defer { layer = nil }
            return layer
        }
    }
}
