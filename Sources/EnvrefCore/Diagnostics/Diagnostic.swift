/// A problem found in an input file, reported the way compilers and editors expect.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Hashable, Sendable, Comparable {
        /// The input cannot be used; the command fails.
        case error
        /// The input can be used, but probably not as intended.
        case warning
        /// Extra context attached to another diagnostic.
        case note

        private var rank: Int {
            switch self {
            case .error: 2
            case .warning: 1
            case .note: 0
            }
        }

        /// Orders by seriousness, errors last.
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// How serious the problem is.
    public var severity: Severity
    /// One sentence, lower-case first word, no trailing period, like compiler messages.
    public var message: String
    /// Where the problem is, when it can be pinned to a place.
    public var location: SourceLocation?

    /// Creates a diagnostic; control characters quoted from the input are spelled out (see `DiagnosticText`).
    public init(_ severity: Severity, _ message: String, at location: SourceLocation? = nil) {
        self.severity = severity
        self.message = DiagnosticText.escapingControlCharacters(message)
        self.location = location
    }

    /// An error at a location.
    public static func error(_ message: String, at location: SourceLocation? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location)
    }

    /// A warning at a location.
    public static func warning(_ message: String, at location: SourceLocation? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: location)
    }

    /// A note at a location.
    public static func note(_ message: String, at location: SourceLocation? = nil) -> Diagnostic {
        Diagnostic(.note, message, at: location)
    }

    /// `path:line:col: severity: message`, the form `swift build` and editors understand.
    public var description: String {
        guard let location else { return "\(severity.rawValue): \(message)" }
        return "\(location): \(severity.rawValue): \(message)"
    }
}

extension Diagnostic: Comparable {
    /// Orders by file, then position, so reports read top to bottom.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        switch (lhs.location, rhs.location) {
        case let (left?, right?) where left != right: return left < right
        case (nil, _?): return true
        case (_?, nil): return false
        default: return lhs.message < rhs.message
        }
    }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic is an error.
    public var containsErrors: Bool { contains { $0.severity == .error } }

    /// The errors only.
    public var errors: [Diagnostic] { filter { $0.severity == .error } }

    /// Every diagnostic on its own line, in the order given.
    public var rendered: String { map(\.description).joined(separator: "\n") }
}

/// Thrown when a stage cannot produce its result; carries every problem it found.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    /// Everything found, errors and warnings alike.
    public var diagnostics: [Diagnostic]

    /// Wraps the diagnostics of a failed stage.
    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// One diagnostic per line.
    public var description: String { diagnostics.rendered }
}
