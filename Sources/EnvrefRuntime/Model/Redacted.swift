/// Stands in for a secret in mirrors: it remembers only whether a value was set, never the value.
public struct Redacted: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Whether the secret has a value.
    public let isSet: Bool

    /// Keeps whether `value` is set and drops the value itself.
    public init<Value>(_ value: Value?) {
        self.isSet = value != nil
    }

    /// The redaction marker, or `nil` when unset.
    public var description: String { isSet ? Redaction.marker : "nil" }

    /// The same as `description`.
    public var debugDescription: String { description }

    /// No children, so `dump` shows only the marker.
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
