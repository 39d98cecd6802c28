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
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("A"..."Z").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}
