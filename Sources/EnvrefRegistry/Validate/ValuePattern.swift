import Foundation

/// A `pattern` constraint compiled as generated accessors compile it: an ICU regular expression, the syntax
/// `NSRegularExpression` reads, that must match the whole value.
///
/// The runtime's `CompiledPattern` anchors the pattern the same way; the runtime depends on nothing of
/// envref's, so those few lines are written twice, and each module's tests hold them to the same cases.
struct ValuePattern: Sendable {
    /// Why a pattern cannot be used.
    enum Failure: Error, Equatable {
        /// ICU cannot read the pattern.
        case unreadable
        /// ICU reads the pattern, but not once anchored: a `#` comment or `\Q` quote open at its end swallows
        /// the closing anchor.
        case cannotBeAnchored
    }

    // Foundation declares the compiled expression safe to match from several threads at once.
    private let expression: NSRegularExpression

    /// Compiles `source`, first on its own: anchored unread, `a)|(?:b` would become "starts with a or ends with b".
    init(_ source: String) throws(Failure) {
        guard (try? NSRegularExpression(pattern: source)) != nil else { throw .unreadable }
        guard let expression = try? NSRegularExpression(pattern: Self.wholeValue(source)) else { throw .cannotBeAnchored }
        self.expression = expression
    }

    /// The pattern anchored at both ends of the text: `\z`, unlike `$`, admits no final line break.
    static func wholeValue(_ source: String) -> String { "\\A(?:" + source + ")\\z" }

    /// Whether the whole of `text` matches.
    func matchesWhole(_ text: String) -> Bool {
        expression.numberOfMatches(in: text, range: NSRange(location: 0, length: text.utf16.count)) > 0
    }
}
