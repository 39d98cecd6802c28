/// The keys `variables.yaml` accepts at each level; the loader, its "did you mean" hints and the
/// JSON Schema test all read them from here.
public enum RegistrySchema {
    /// Keys of the top-level mapping.
    public static let topLevelKeys = ["languages", "prefix", "swift", "updated", "variables"]
    /// Keys of the `swift` mapping.
    public static let swiftKeys = ["typeName"]
    /// Keys of one variable.
    public static let variableKeys = [
        "type", "values", "deprecatedValues", "default", "secret", "example", "seeAlso",
        "minLength", "maxLength", "pattern", "minimum", "maximum", "separator", "swiftName",
        "deprecated", "description",
    ]
    /// Keys of a description written as a mapping.
    public static let localizedTextKeys = ["text", "untranslated"]
    /// Keys of a `deprecated` mapping.
    public static let deprecationKeys = ["replacement"]
    /// The longest variable name accepted; longer names are mistakes, and they become anchors, file names and Swift identifiers.
    public static let maximumNameLength = 255
    /// The pattern every variable name matches.
    public static let namePattern = "[A-Z][A-Z0-9_]*"

    /// Whether `name` matches `[A-Z][A-Z0-9_]*`.
    public static func isValidName(_ name: String) -> Bool { isValidName(utf8: name.utf8) }

    /// Whether UTF-8 bytes spell a name matching `[A-Z][A-Z0-9_]*`; each of those characters is one byte.
    public static func isValidName(utf8 bytes: some Collection<UInt8>) -> Bool {
        guard let first = bytes.first, (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(first) else { return false }
        return bytes.allSatisfy {
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "_")
        }
    }
}
