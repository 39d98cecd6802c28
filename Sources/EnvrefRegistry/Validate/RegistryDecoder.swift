import EnvrefCore
import Foundation
import Yams

/// Walks the composed YAML and builds a `Registry`, recording a diagnostic for every problem
/// instead of stopping at the first.
struct RegistryDecoder {
    let path: String
    /// Variables that exist in the registry but not in the text being decoded: a reloaded run of entries
    /// may name them in 'seeAlso'.
    let namesOutside: Set<String>
    private(set) var diagnostics: [Diagnostic] = []

    init(path: String, namesOutside: Set<String> = []) {
        self.path = path
        self.namesOutside = namesOutside
    }

    // MARK: Top level

    mutating func decode(_ root: Node) -> Registry? {
        guard let pairs = mapping(root, what: "the registry") else { return nil }
        var languages: [LanguageCode] = []
        var prefix: String?
        var swift = SwiftOptions()
        var variablesNode: Node?
        var languagesNode: Node?
        var updated: RegistryDate?

        for (key, keyNode, value) in pairs {
            switch key {
            case "languages":
                languagesNode = value
                languages = decodeLanguages(value)
            case "prefix":
                prefix = decodePrefix(value)
            case "swift":
                swift = decodeSwiftOptions(value)
            case "updated":
                updated = decodeUpdated(value)
            case "variables":
                variablesNode = value
            default:
                unknownKey(key, at: keyNode, in: RegistrySchema.topLevelKeys, context: "at the top level")
            }
        }
        if languagesNode == nil {
            error("missing required key 'languages' (for example 'languages: [en, fr]')", at: root)
        }
        guard let variablesNode else {
            error("missing required key 'variables'", at: root)
            return nil
        }
        let drafts = decodeVariables(variablesNode, languages: languages)
        let variables = resolve(drafts, prefix: prefix)
        guard !languages.isEmpty else { return nil }
        return Registry(languages: languages, prefix: prefix, swift: swift, updated: updated, variables: variables, path: path)
    }

    private mutating func decodeLanguages(_ node: Node) -> [LanguageCode] {
        guard case .sequence(let sequence) = node else {
            error("'languages' must be a list of language codes, for example [en, fr]", at: node)
            return []
        }
        if sequence.isEmpty {
            error("'languages' is empty; list at least the source language", at: node)
        }
        var seen: Set<LanguageCode> = []
        var languages: [LanguageCode] = []
        for item in sequence {
            guard let text = scalarText(item, what: "a language code") else { continue }
            let code = LanguageCode(rawValue: text)
            if !code.isWellFormed {
                error("invalid language code '\(text)'; expected a code like 'en', 'ja' or 'pt-BR'", at: item)
            } else if !seen.insert(code).inserted {
                error("language '\(text)' is listed twice", at: item)
            } else {
                languages.append(code)
            }
        }
        return languages
    }

    private mutating func decodePrefix(_ node: Node) -> String? {
        guard let text = scalarText(node, what: "the prefix") else { return nil }
        guard RegistrySchema.isValidName(text) else {
            error("invalid prefix '\(text)'; a prefix matches \(RegistrySchema.namePattern), for example 'WANDB_'", at: node)
            return nil
        }
        return text
    }

    private mutating func decodeUpdated(_ node: Node) -> RegistryDate? {
        guard let text = scalarText(node, what: "'updated'") else { return nil }
        guard let date = RegistryDate(text) else {
            error("'updated' must be a calendar date written YYYY-MM-DD, not '\(text)'", at: node)
            return nil
        }
        return date
    }

    private mutating func decodeSwiftOptions(_ node: Node) -> SwiftOptions {
        var options = SwiftOptions()
        guard let pairs = mapping(node, what: "'swift'") else { return options }
        for (key, keyNode, value) in pairs {
            switch key {
            case "typeName":
                guard let text = scalarText(value, what: "'typeName'") else { continue }
                if SwiftIdentifier.isValid(text) {
                    options.typeName = text
                } else {
                    error("'typeName' must be a Swift type name, not '\(text)'", at: value)
                }
            default:
                unknownKey(key, at: keyNode, in: RegistrySchema.swiftKeys, context: "in 'swift'")
            }
        }
        return options
    }

    // MARK: Variables

    /// A variable as written, before references between variables are resolved.
    private struct Draft {
        var name: String
        var nameNode: Node
        var type: VariableType?
        var typeNode: Node?
        var values: [String] = []
        var valuesNode: Node?
        var deprecatedValues: [(DeprecatedValue, Node)] = []
        var defaultNode: Node?
        var isSecret = false
        var example: String?
        var seeAlso: [(String, Node)] = []
        var constraints = Constraints()
        var constraintNodes: [String: Node] = [:]
        /// `constraints.pattern` compiled, kept for checking the default against it.
        var compiledPattern: ValuePattern?
        var separator: String?
        var separatorNode: Node?
        var swiftName: String?
        var deprecation: Deprecation?
        var replacementNode: Node?
        var descriptions: [LanguageCode: LocalizedText] = [:]
    }

    private mutating func decodeVariables(_ node: Node, languages: [LanguageCode]) -> [Draft] {
        guard let pairs = mapping(node, what: "'variables'") else { return [] }
        return eachInParallel(pairs.count) { decoder, index in
            decoder.decodeVariableEntry(name: pairs[index].key, nameNode: pairs[index].keyNode, pairs[index].value, languages: languages)
        }
    }

    /// `body` for each of `count` items, spread over the cores, each item with a decoder of its own; the results
    /// and diagnostics are taken back in item order, so the outcome is what one decoder walking them gives.
    ///
    /// Yams nodes are not `Sendable`, since each scalar's tag is a class that Yams resolves, and so writes, when
    /// it is first read. The decoder never reads a tag: only a node's text, style and position, which never
    /// change, so threads may read any node. Reading `tag` (or Yams's typed accessors) here would race.
    private mutating func eachInParallel<Item>(_ count: Int, _ body: (inout RegistryDecoder, Int) -> Item?) -> [Item] {
        let path = self.path, namesOutside = self.namesOutside
        let outcomes = Array(0..<count).parallelMap { index in
            var decoder = RegistryDecoder(path: path, namesOutside: namesOutside)
            let item = body(&decoder, index)
            return UncheckedSendable((item: item, diagnostics: decoder.diagnostics))
        }
        var items: [Item] = []
        items.reserveCapacity(count)
        for outcome in outcomes {
            diagnostics += outcome.value.diagnostics
            if let item = outcome.value.item { items.append(item) }
        }
        return items
    }

    /// One entry of `variables`: its draft, or `nil` when its name or fields leave nothing to build.
    private mutating func decodeVariableEntry(name: String, nameNode: Node, _ value: Node, languages: [LanguageCode]) -> Draft? {
        if name.count > RegistrySchema.maximumNameLength {
            error("variable name '\(DiagnosticText.excerpt(name, limit: 40))' is too long; names have at most \(RegistrySchema.maximumNameLength) characters",
                  at: nameNode)
            return nil
        }
        guard RegistrySchema.isValidName(name) else {
            let suggestion = Self.suggestedName(for: name)
            let hint = suggestion.map { "; did you mean '\($0)'?" } ?? ""
            error("invalid variable name '\(name)': names must match \(RegistrySchema.namePattern)\(hint)", at: nameNode)
            // The fields are still checked, so one run reports every problem.
            _ = decodeVariable(name: name, nameNode: nameNode, value, languages: languages)
            return nil
        }
        return decodeVariable(name: name, nameNode: nameNode, value, languages: languages)
    }

    private mutating func decodeVariable(name: String, nameNode: Node, _ node: Node, languages: [LanguageCode]) -> Draft? {
        if isNull(node) {
            error("variable '\(name)' has no fields; give it at least 'type' and 'description'", at: nameNode)
            return nil
        }
        guard let pairs = mapping(node, what: "variable '\(name)'") else { return nil }
        var draft = Draft(name: name, nameNode: nameNode)
        var descriptionNode: Node?
        for (key, keyNode, value) in pairs {
            switch key {
            case "type":
                draft.typeNode = value
                guard let text = scalarText(value, what: "'type'") else { continue }
                if let type = VariableType(rawValue: text) {
                    draft.type = type
                } else {
                    let names = VariableType.allCases.map(\.rawValue)
                    let hint = Self.typeSuggestion(for: text).map { "did you mean '\($0)'? " } ?? ""
                    error("unknown type '\(text)' for '\(name)'; \(hint)expected one of \(names.joined(separator: ", "))", at: value)
                }
            case "values":
                draft.valuesNode = value
                draft.values = decodeUniqueStrings(value, what: "'values'", itemKind: "value", refusingTraps: true)
            case "deprecatedValues":
                draft.deprecatedValues = decodeDeprecatedValues(value)
            case "default":
                if !isNull(value) { draft.defaultNode = value }
            case "secret":
                draft.isSecret = decodeBool(value, what: "'secret'") ?? false
            case "example":
                draft.example = scalarText(value, what: "'example'")
                refuseTrap(value, what: "example")
            case "seeAlso":
                draft.seeAlso = decodeNameList(value, what: "'seeAlso'")
            case "minLength", "maxLength", "minimum", "maximum":
                guard let number = decodeInt(value, what: "'\(key)'") else { continue }
                draft.constraintNodes[key] = value
                switch key {
                case "minLength": draft.constraints.minLength = number
                case "maxLength": draft.constraints.maxLength = number
                case "minimum": draft.constraints.minimum = number
                default: draft.constraints.maximum = number
                }
                if key.hasSuffix("Length"), number < 0 {
                    error("'\(key)' must not be negative", at: value)
                }
            case "pattern":
                guard let text = scalarText(value, what: "'pattern'") else { continue }
                draft.constraintNodes[key] = value
                do {
                    // Swift's parser says what is wrong with a pattern; ICU, which matches values, only that it failed.
                    _ = try Regex(text)
                } catch {
                    self.error("'pattern' is not a valid regular expression: \(error)", at: value)
                    continue
                }
                let compiled: ValuePattern
                do throws(ValuePattern.Failure) {
                    compiled = try ValuePattern(text)
                } catch .unreadable {
                    self.error("'pattern' is not a regular expression ICU can read, and values are matched with ICU (NSRegularExpression)", at: value)
                    continue
                } catch {
                    self.error("'pattern' cannot be anchored to the whole value: a '#' comment or '\\Q' quote still open at its end would swallow the anchor; end it with a line break or '\\E'", at: value)
                    continue
                }
                if let group = PatternSafety.nestedRepetition(in: text) {
                    self.error("'pattern' repeats '\(group)', a group that itself ends in a repeat, so matching can take exponential time; rewrite it without the nested repeat", at: value)
                } else {
                    draft.constraints.pattern = text
                    draft.compiledPattern = compiled
                }
            case "separator":
                draft.separatorNode = value
                if let text = scalarText(value, what: "'separator'") {
                    if text.isEmpty { error("'separator' must not be empty", at: value) } else { draft.separator = text }
                }
            case "swiftName":
                guard let text = scalarText(value, what: "'swiftName'") else { continue }
                if SwiftIdentifier.isValid(text) { draft.swiftName = text } else {
                    error("'swiftName' must be a Swift identifier, not '\(text)'", at: value)
                }
            case "deprecated":
                (draft.deprecation, draft.replacementNode) = decodeDeprecation(value)
            case "description":
                descriptionNode = value
                draft.descriptions = decodeDescriptions(value, variable: name, languages: languages)
            default:
                unknownKey(key, at: keyNode, in: RegistrySchema.variableKeys, context: "in variable '\(name)'")
            }
        }
        if let source = languages.first, draft.descriptions[source] == nil, !Self.hasKey(source.rawValue, in: descriptionNode) {
            error("variable '\(name)' has no description in the source language '\(source)'", at: descriptionNode ?? nameNode)
        }
        return draft
    }

    private mutating func decodeDescriptions(_ node: Node, variable: String, languages: [LanguageCode]) -> [LanguageCode: LocalizedText] {
        if case .scalar = node, let source = languages.first {
            // A bare string is the source-language text, the shortest valid form.
            guard let text = nonEmptyText(node, what: "the description of '\(variable)'") else { return [:] }
            return [source: LocalizedText(text: text, location: location(of: node))]
        }
        guard let pairs = mapping(node, what: "'description'") else { return [:] }
        var texts: [LanguageCode: LocalizedText] = [:]
        let declared = Set(languages)
        for (key, keyNode, value) in pairs {
            let code = LanguageCode(rawValue: key)
            guard declared.contains(code) else {
                let list = languages.map(\.rawValue).joined(separator: ", ")
                error("description of '\(variable)' is in undeclared language '\(key)'; declared languages are \(list)", at: keyNode)
                continue
            }
            if case .mapping = value {
                guard let entry = mapping(value, what: "the '\(key)' description") else { continue }
                var text: String?
                var untranslated = false
                for (field, fieldNode, fieldValue) in entry {
                    switch field {
                    case "text": text = nonEmptyText(fieldValue, what: "the '\(key)' description of '\(variable)'")
                    case "untranslated": untranslated = decodeBool(fieldValue, what: "'untranslated'") ?? false
                    default: unknownKey(field, at: fieldNode, in: RegistrySchema.localizedTextKeys, context: "in the '\(key)' description of '\(variable)'")
                    }
                }
                if let text {
                    texts[code] = LocalizedText(text: text, isMarkedUntranslated: untranslated, location: location(of: value))
                } else if !entry.contains(where: { $0.key == "text" }) {
                    error("the '\(key)' description of '\(variable)' has no 'text'", at: value)
                }
            } else if let text = nonEmptyText(value, what: "the '\(key)' description of '\(variable)'") {
                texts[code] = LocalizedText(text: text, location: location(of: value))
            }
        }
        return texts
    }

    private mutating func decodeDeprecation(_ node: Node) -> (Deprecation?, Node?) {
        if case .scalar = node {
            guard let flag = decodeBool(node, what: "'deprecated'") else { return (nil, nil) }
            return (flag ? Deprecation() : nil, nil)
        }
        guard let pairs = mapping(node, what: "'deprecated'") else { return (nil, nil) }
        var deprecation = Deprecation()
        var replacementNode: Node?
        for (key, keyNode, value) in pairs {
            switch key {
            case "replacement":
                replacementNode = value
                deprecation.replacement = scalarText(value, what: "'replacement'")
            default:
                unknownKey(key, at: keyNode, in: RegistrySchema.deprecationKeys, context: "in 'deprecated'")
            }
        }
        return (deprecation, replacementNode)
    }

    private mutating func decodeDeprecatedValues(_ node: Node) -> [(DeprecatedValue, Node)] {
        guard let pairs = mapping(node, what: "'deprecatedValues'") else { return [] }
        return pairs.compactMap { key, keyNode, value in
            guard let replacement = scalarText(value, what: "the replacement of '\(key)'") else { return nil }
            return (DeprecatedValue(value: key, replacement: replacement), keyNode)
        }
    }

    // MARK: Cross-variable checks

    private mutating func resolve(_ drafts: [Draft], prefix: String?) -> [Variable] {
        // Indices, not drafts: a draft is a large value, and copying ten thousand of them into a dictionary
        // cost as much as resolving them.
        let byName = Dictionary(drafts.indices.map { (drafts[$0].name, $0) }, uniquingKeysWith: { first, _ in first })
        // Each variable resolves on its own: it only reads the others.
        return eachInParallel(drafts.count) { decoder, index in
            decoder.resolve(drafts[index], among: drafts, byName: byName, prefix: prefix)
        }
    }

    /// One draft as a variable, with its references to `drafts` (found through `byName`) checked and followed.
    private mutating func resolve(_ original: Draft, among drafts: [Draft], byName: [String: Int], prefix: String?) -> Variable? {
        var draft = original
        var type = draft.type
        if let replacementName = draft.deprecation?.replacement, let replacementNode = draft.replacementNode {
            if replacementName == draft.name {
                error("'\(draft.name)' cannot be its own replacement", at: replacementNode)
            } else if let replacementIndex = byName[replacementName] {
                let replacement = drafts[replacementIndex]
                if replacement.deprecation != nil {
                    error("replacement '\(replacementName)' is itself deprecated; point to the current name", at: replacementNode)
                }
                if type == nil {
                    // An old name that omits its type reads values exactly like its replacement.
                    type = replacement.type
                    if draft.valuesNode == nil { draft.values = replacement.values }
                    if draft.deprecatedValues.isEmpty { draft.deprecatedValues = replacement.deprecatedValues }
                    if draft.separator == nil { draft.separator = replacement.separator }
                    if draft.constraints.isEmpty { draft.constraints = replacement.constraints }
                    draft.isSecret = draft.isSecret || replacement.isSecret
                }
                if let replacementType = replacement.type, let ownType = draft.type, ownType != replacementType {
                    error("'\(draft.name)' is a \(ownType) but its replacement '\(replacementName)' is a \(replacementType)", at: draft.typeNode ?? replacementNode)
                }
            } else {
                error("replacement '\(replacementName)' is not a variable in the registry\(nameHint(replacementName, byName.keys))", at: replacementNode)
            }
        }
        guard let resolvedType = type else {
            if draft.typeNode == nil {
                let inherited = draft.deprecation?.replacement == nil ? "" : " (or a valid 'deprecated.replacement' to inherit it from)"
                error("variable '\(draft.name)' has no 'type'\(inherited)", at: draft.nameNode)
            }
            return nil
        }
        if let prefix, !draft.name.hasPrefix(prefix) {
            warning("variable '\(draft.name)' does not start with the registry prefix '\(prefix)'", at: draft.nameNode)
        }
        var variable = Variable(
            name: draft.name, type: resolvedType, values: draft.values,
            deprecatedValues: draft.deprecatedValues.map(\.0), isSecret: draft.isSecret, example: draft.example,
            seeAlso: draft.seeAlso.map(\.0), constraints: draft.constraints, separator: draft.separator ?? ",",
            swiftName: draft.swiftName, deprecation: draft.deprecation, descriptions: draft.descriptions,
            location: location(of: draft.nameNode))
        checkTypeSpecificKeys(draft, type: resolvedType)
        for (name, node) in draft.seeAlso where byName[name] == nil && !namesOutside.contains(name) {
            error("'seeAlso' names '\(name)', which is not a variable in the registry\(nameHint(name, byName.keys))", at: node)
        }
        if let defaultNode = draft.defaultNode {
            variable.defaultValue = decodeDefault(defaultNode, for: variable, pattern: draft.compiledPattern)
            if draft.deprecation?.replacement != nil {
                error("deprecated name '\(draft.name)' cannot have its own default; it reads through to its replacement", at: defaultNode)
            }
        }
        return variable
    }

    private mutating func checkTypeSpecificKeys(_ draft: Draft, type: VariableType) {
        if type == .enumeration {
            if draft.values.isEmpty, draft.valuesNode == nil {
                error("enum variable '\(draft.name)' needs 'values', the list of allowed values", at: draft.typeNode ?? draft.nameNode)
            }
            for (deprecated, node) in draft.deprecatedValues {
                if draft.values.contains(deprecated.value) {
                    error("deprecated value '\(deprecated.value)' is also listed in 'values'", at: node)
                }
                if !draft.values.contains(deprecated.replacement) {
                    error("deprecated value '\(deprecated.value)' is replaced by '\(deprecated.replacement)', which is not one of the allowed values (\(draft.values.joined(separator: ", ")))", at: node)
                }
            }
        } else {
            if let node = draft.valuesNode { error("'values' only applies to enum variables; '\(draft.name)' is a \(type)", at: node) }
            if let node = draft.deprecatedValues.first?.1 {
                error("'deprecatedValues' only applies to enum variables; '\(draft.name)' is a \(type)", at: node)
            }
        }
        if type != .list, let node = draft.separatorNode {
            error("'separator' only applies to list variables; '\(draft.name)' is a \(type)", at: node)
        }
        for key in ["minLength", "maxLength"] {
            if let node = draft.constraintNodes[key], !type.isTextual {
                error("'\(key)' only applies to string, path and url variables; '\(draft.name)' is a \(type)", at: node)
            }
        }
        if let node = draft.constraintNodes["pattern"], type != .string {
            error("'pattern' only applies to string variables; '\(draft.name)' is a \(type)", at: node)
        }
        for key in ["minimum", "maximum"] {
            if let node = draft.constraintNodes[key], type != .int {
                error("'\(key)' only applies to int variables; '\(draft.name)' is a \(type)", at: node)
            }
        }
        let c = draft.constraints
        if let low = c.minLength, let high = c.maxLength, low > high, let node = draft.constraintNodes["minLength"] {
            error("'minLength' (\(low)) is greater than 'maxLength' (\(high))", at: node)
        }
        if let low = c.minimum, let high = c.maximum, low > high, let node = draft.constraintNodes["minimum"] {
            error("'minimum' (\(low)) is greater than 'maximum' (\(high))", at: node)
        }
    }

    private mutating func decodeDefault(_ node: Node, for variable: Variable, pattern: ValuePattern?) -> Value? {
        if variable.type == .list, case .sequence = node {
            return .list(decodeUniqueStrings(node, what: "'default'", itemKind: "item", allowDuplicates: true, refusingTraps: true))
        }
        guard let text = scalarText(node, what: "'default'") else { return nil }
        switch variable.type {
        case .string, .path, .url, .enumeration, .list:
            if refuseTrap(node, what: "default") { return nil }
        case .int:
            if refuseOctal(node, text: text, what: "default") { return nil }
        case .bool:
            break
        }
        switch ValueParser.parse(text, as: variable, pattern: pattern) {
        case .success(let value):
            return value
        case .failure(let problem):
            error("default \(problem.message(quoting: text))", at: node)
            return nil
        }
    }

    // MARK: Node helpers

    private mutating func mapping(_ node: Node, what: String) -> [(key: String, keyNode: Node, value: Node)]? {
        guard case .mapping(let mapping) = node else {
            error("\(what) must be a mapping of keys to values, not \(Self.kind(of: node))", at: node)
            return nil
        }
        var pairs: [(key: String, keyNode: Node, value: Node)] = []
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode else { continue }
            if YAMLPrescan.isDuplicateSentinel(scalar.string) { continue }
            pairs.append((scalar.string, keyNode, value))
        }
        return pairs
    }

    private mutating func scalarText(_ node: Node, what: String) -> String? {
        guard case .scalar(let scalar) = node else {
            error("\(what) must be a single value, not \(Self.kind(of: node))", at: node)
            return nil
        }
        return scalar.string
    }

    private mutating func nonEmptyText(_ node: Node, what: String) -> String? {
        guard let text = scalarText(node, what: what) else { return nil }
        if text.allSatisfy(\.isWhitespace) || isNull(node) {
            error("\(what) is empty; remove it to mark the translation missing", at: node)
            return nil
        }
        return text
    }

    private func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node else { return false }
        return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    private mutating func decodeBool(_ node: Node, what: String) -> Bool? {
        guard let text = scalarText(node, what: what) else { return nil }
        guard let flag = BooleanText.parse(text) else {
            error("\(what) must be true or false, not '\(text)'", at: node)
            return nil
        }
        return flag
    }

    private mutating func decodeInt(_ node: Node, what: String) -> Int? {
        guard let text = scalarText(node, what: what) else { return nil }
        guard let number = Int(text) else {
            error("\(what) must be a whole number, not '\(text)'", at: node)
            return nil
        }
        if refuseOctal(node, text: text, what: what) { return nil }
        return number
    }

    /// Reports an unquoted whole number with a leading zero, which YAML 1.1 readers take for octal; returns whether it did.
    private mutating func refuseOctal(_ node: Node, text: String, what: String) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain, let reading = PlainScalarTrap.octalReading(of: text) else { return false }
        error("\(what) '\(text)' has a leading zero, so YAML 1.1 readers take it for \(reading); write it without the zero", at: node)
        return true
    }

    /// Reports an unquoted value that other YAML readers take for a boolean, null or number; returns whether it did.
    @discardableResult
    private mutating func refuseTrap(_ node: Node, what: String) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain, let reading = PlainScalarTrap.otherReading(of: scalar.string) else {
            return false
        }
        error("\(what) '\(scalar.string)' is not quoted, and other YAML readers take it for \(reading); write it in quotes: \"\(scalar.string)\"",
              at: node)
        return true
    }

    private mutating func decodeUniqueStrings(_ node: Node, what: String, itemKind: String, allowDuplicates: Bool = false,
                                              refusingTraps: Bool = false) -> [String] {
        guard case .sequence(let sequence) = node else {
            error("\(what) must be a list, for example [a, b]", at: node)
            return []
        }
        var seen: Set<String> = []
        var items: [String] = []
        for item in sequence {
            guard let text = scalarText(item, what: "each \(itemKind) in \(what)") else { continue }
            if refusingTraps, refuseTrap(item, what: itemKind) { continue }
            if !allowDuplicates, !seen.insert(text).inserted {
                error("\(itemKind) '\(text)' is listed twice in \(what)", at: item)
                continue
            }
            items.append(text)
        }
        return items
    }

    private mutating func decodeNameList(_ node: Node, what: String) -> [(String, Node)] {
        guard case .sequence(let sequence) = node else {
            error("\(what) must be a list of variable names", at: node)
            return []
        }
        return sequence.compactMap { item in scalarText(item, what: "each name in \(what)").map { ($0, item) } }
    }

    private mutating func unknownKey(_ key: String, at node: Node, in known: [String], context: String) {
        let hint = DidYouMean.suggestion(for: key, among: known).map { "; did you mean '\($0)'?" }
            ?? "; expected one of \(known.joined(separator: ", "))"
        error("unknown key '\(key)' \(context)\(hint)", at: node)
    }

    private func nameHint(_ name: String, _ names: some Sequence<String>) -> String {
        DidYouMean.suggestion(for: name, among: names).map { "; did you mean '\($0)'?" } ?? ""
    }

    private func location(of node: Node) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(path: path, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    private mutating func error(_ message: String, at node: Node) {
        diagnostics.append(.error(message, at: location(of: node)))
    }

    private mutating func warning(_ message: String, at node: Node) {
        diagnostics.append(.warning(message, at: location(of: node)))
    }

    /// Whether a description mapping mentions a language at all, so a broken entry is not also reported as missing.
    private static func hasKey(_ key: String, in node: Node?) -> Bool {
        guard case .mapping(let mapping)? = node else { return false }
        return mapping.contains { $0.key.string == key }
    }

    private static func kind(of node: Node) -> String {
        switch node {
        case .scalar: "a single value"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    private static func suggestedName(for name: String) -> String? {
        let candidate = String(name.uppercased().map { $0 == "-" || $0 == "." || $0 == " " ? "_" : $0 })
        return RegistrySchema.isValidName(candidate) ? candidate : nil
    }

    private static func typeSuggestion(for text: String) -> String? {
        let synonyms = ["integer": "int", "boolean": "bool", "str": "string", "text": "string", "array": "list",
                        "enumeration": "enum", "uri": "url", "number": "int", "file": "path", "directory": "path"]
        if let synonym = synonyms[text.lowercased()] { return synonym }
        return DidYouMean.suggestion(for: text, among: VariableType.allCases.map(\.rawValue))
    }
}
