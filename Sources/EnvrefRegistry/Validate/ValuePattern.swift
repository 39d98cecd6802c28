import Foundation

/// A `pattern` constraint compiled as generated accessors compile it: an ICU regular expression, the syntax
/// `NSRegularExpression` reads, that must match the whole value.
///
/// The runtime's `CompiledPattern` anchors the pattern the same way; the runtime depends on nothing of
/// envref's, so the two lines are written twice, and each module's tests hold them to the same cases.
public struct ValuePattern: Sendable {
    /// The pattern as the registry gives it.
    public let source: String
    // Immutable once made; ICU's compiled patterns are safe to match from several threads at once.
    nonisolated(unsafe) private let expression: NSRegularExpression

    /// Compiles `source`; throws when ICU cannot read it.
    public init(_ source: String) throws {
        self.source = source
        expression = try NSRegularExpression(pattern: "\\A(?:" + source + ")\\z")
    }

    /// Whether the whole of `text` matches: `\z`, unlike `$`, admits no final line break.
    public func matchesWhole(_ text: String) -> Bool {
        expression.numberOfMatches(in: text, range: NSRange(location: 0, length: text.utf16.count)) > 0
    }
}
