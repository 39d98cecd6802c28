import EnvrefRegistry

/// Turns variable names and enum values into Swift names that always compile.
public enum SwiftNaming {
    /// Words written all upper case inside a name, following the Swift API guidelines (`baseURL`, `runID`).
    public static let initialisms: Set<String> = [
        "API", "CPU", "DNS", "GPU", "HTML", "HTTP", "HTTPS", "ID", "IP", "JSON", "OS", "SQL", "SSH", "SSL",
        "TLS", "TPU", "UI", "URI", "URL", "UUID", "XML", "YAML",
    ]

    /// Keywords that even backticks do not make usable as member names, because `x.self`, `x.Type`,
    /// `x.init` and friends already mean something else.
    public static let unusableMemberNames: Set<String> = ["self", "Self", "Type", "Protocol", "init", "deinit", "subscript"]

    /// Members every generated settings type declares itself.
    public static let reservedPropertyNames: Set<String> = ["description", "debugDescription", "customMirror", "resolution", "schema"]

    /// Members of every generated enum, which a case must not shadow.
    public static let reservedCaseNames: Set<String> = ["rawValue", "allCases", "hashValue", "init"]

    /// Names a nested type must not take: the modules and types generated code refers to by name.
    public static let reservedTypeNames: Set<String> = ["Swift", "Foundation", "EnvrefRuntime", "Type", "Protocol", "Self", "Any"]

    /// Whether a declaration named `identifier` needs backticks.
    public static func needsBackticks(_ identifier: String) -> Bool {
        SwiftIdentifier.keywords.contains(identifier)
    }

    /// The words of a variable name: `WANDB_BASE_URL` → `[WANDB, BASE, URL]`.
    public static func words(ofVariableName name: String) -> [String] {
        name.split(separator: "_").map(String.init)
    }

    /// lowerCamelCase of upper-case words: `[BASE, URL]` → `baseURL`, `[API, KEY]` → `apiKey`.
    public static func lowerCamelCase(_ words: [String]) -> String {
        guard let first = words.first else { return "" }
        return first.lowercased() + words.dropFirst().map(capitalizedWord).joined()
    }

    /// UpperCamelCase of upper-case words: `[API, KEY]` → `APIKey`, `[MODE]` → `Mode`.
    public static func upperCamelCase(_ words: [String]) -> String {
        words.map(capitalizedWord).joined()
    }

    private static func capitalizedWord(_ word: String) -> String {
        if initialisms.contains(word.uppercased()) { return word.uppercased() }
        return word.prefix(1).uppercased() + word.dropFirst().lowercased()
    }

    /// `text` with its first character upper-cased: `mode` → `Mode`.
    public static func uppercasingFirst(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }

    /// Whether `text` starts with an ASCII digit.
    public static func startsWithDigit(_ text: String) -> Bool {
        text.unicodeScalars.first.map { ("0"..."9").contains($0) } ?? false
    }

    /// The case name for an enum value, before collisions are settled: `on-demand` → `onDemand`,
    /// `DRY_RUN` → `dryRun`, `1` → `_1`, `self` → `selfValue`; `nil` when the value has no letters or digits.
    public static func caseName(forValue value: String) -> String? {
        var words: [String] = []
        var current = ""
        for scalar in value.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        guard !words.isEmpty else { return nil }
        let camel = words.enumerated().map { index, word -> String in
            let isUpperCase = word == word.uppercased() && word != word.lowercased()
            if index == 0 {
                return isUpperCase ? word.lowercased() : word.prefix(1).lowercased() + word.dropFirst()
            }
            return isUpperCase ? word.prefix(1) + word.dropFirst().lowercased() : uppercasingFirst(word)
        }.joined()
        if startsWithDigit(camel) { return "_" + camel }
        if unusableMemberNames.contains(camel) || reservedCaseNames.contains(camel) { return camel + "Value" }
        return camel
    }
}
