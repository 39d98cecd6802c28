/// The kind of value a variable holds, which decides how its text is parsed.
public enum VariableType: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    /// Free text.
    case string
    /// `true`/`false`, `1`/`0` or `yes`/`no`, in any case.
    case bool
    /// A whole number.
    case int
    /// One of a fixed set of values.
    case enumeration = "enum"
    /// Items split on a separator, trimmed, empty items dropped.
    case list
    /// A file system path; a leading `~` means the home folder.
    case path
    /// An absolute URL with a scheme.
    case url

    /// The name used in `variables.yaml`.
    public var description: String { rawValue }

    /// Whether length constraints apply.
    public var isTextual: Bool { self == .string || self == .path || self == .url }
}
