import EnvrefCore
import EnvrefRegistry

/// Gives every variable a property name that compiles and is unique.
///
/// Explicit `swiftName`s are taken first. Other names are the lowerCamelCase of the name without the prefix
/// (`WANDB_API_KEY` → `apiKey`); when that starts with a digit, cannot be a member name (`self`, `init`),
/// is one of the generated type's own members (`description`) or is already taken, the whole name is used
/// instead (`WANDB_DESCRIPTION` → `wandbDescription`). Keywords such as `default` stay, with backticks.
struct PropertyNamer {
    let registry: Registry
    private(set) var diagnostics: [Diagnostic] = []
    private var names: [String: SwiftName] = [:]
    private var typeBases: [String: String] = [:]
    private var storageNames: [String: SwiftName] = [:]
    private var owners: [String: String] = [:]

    init(registry: Registry) {
        self.registry = registry
    }

    func name(of variable: Variable) -> SwiftName { names[variable.name]! }

    /// Every identifier handed out, so nested types can stay clear of them.
    var identifiers: Set<String> { Set(owners.keys) }

    /// The base of the enum type name for the variable: `Mode` for `mode`, `APIKey` for `apiKey`.
    func typeNameBase(of variable: Variable) -> String { typeBases[variable.name]! }

    /// The private stored property behind a deprecated property.
    func storageName(of variable: Variable) -> SwiftName { storageNames[variable.name]! }

    mutating func assignAll() {
        for variable in registry.variables {
            guard let explicit = variable.swiftName else { continue }
            // Module names too: a property named `Swift` would hide the module in `Swift.Mirror(...)`.
            if SwiftNaming.reservedPropertyNames.contains(explicit) || SwiftNaming.unusableMemberNames.contains(explicit)
                || SwiftNaming.reservedTypeNames.contains(explicit)
            {
                diagnostics.append(.error("'swiftName' '\(explicit)' of '\(variable.name)' is reserved in generated settings types; choose another name", at: variable.location))
            } else if let owner = owners[explicit] {
                diagnostics.append(.error("'swiftName' '\(explicit)' of '\(variable.name)' is already the 'swiftName' of '\(owner)'", at: variable.location))
            }
            claim(explicit, for: variable, typeBase: SwiftNaming.uppercasingFirst(explicit))
        }
        for variable in registry.variables where variable.swiftName == nil {
            let short = SwiftNaming.words(ofVariableName: registry.nameWithoutPrefix(variable.name))
            let full = SwiftNaming.words(ofVariableName: variable.name)
            let preferred = SwiftNaming.lowerCamelCase(short)
            let candidates: [(String, [String])] = [
                (preferred, short), (SwiftNaming.lowerCamelCase(full), full), (SwiftNaming.lowerCamelCase(full) + "Setting", full + ["SETTING"]),
            ]
            var chosen = candidates.first { isAvailable($0.0) }
            if chosen == nil {
                let (base, words) = candidates[2]
                var counter = 2
                while !isAvailable(base + String(counter)) { counter += 1 }
                chosen = (base + String(counter), words + [String(counter)])
            }
            let (identifier, words) = chosen!
            if identifier != preferred, let owner = owners[preferred] {
                diagnostics.append(.warning(
                    "'\(variable.name)' would be named '\(preferred)' like '\(owner)', so it is named '\(identifier)'; set 'swiftName' to choose a name",
                    at: variable.location))
            }
            claim(identifier, for: variable, typeBase: SwiftNaming.upperCamelCase(words))
        }
        for variable in registry.variables where variable.isDeprecated && variable.deprecation?.replacement == nil {
            let base = "_" + names[variable.name]!.identifier
            var candidate = base
            var counter = 2
            while owners[candidate] != nil {
                candidate = base + String(counter)
                counter += 1
            }
            owners[candidate] = variable.name
            storageNames[variable.name] = SwiftName(candidate)
        }
    }

    private func isAvailable(_ identifier: String) -> Bool {
        !identifier.isEmpty && !SwiftNaming.startsWithDigit(identifier)
            && !SwiftNaming.unusableMemberNames.contains(identifier)
            && !SwiftNaming.reservedPropertyNames.contains(identifier)
            && owners[identifier] == nil
    }

    private mutating func claim(_ identifier: String, for variable: Variable, typeBase: String) {
        if owners[identifier] == nil { owners[identifier] = variable.name }
        names[variable.name] = SwiftName(identifier)
        typeBases[variable.name] = typeBase
    }
}
