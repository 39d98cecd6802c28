import EnvrefCore
import EnvrefRegistry

/// A new text for one translation.
public struct DescriptionEdit: Hashable, Sendable {
    /// The variable.
    public var variable: String
    /// The language; never the source language.
    public var language: LanguageCode
    /// The new Markdown text.
    public var text: String

    /// Creates an edit.
    public init(variable: String, language: LanguageCode, text: String) {
        self.variable = variable
        self.language = language
        self.text = text
    }
}

/// Writes translations into a human-edited `variables.yaml` without re-emitting it.
///
/// Each edit replaces, inserts or converts only the text of one description, at the positions
/// libyaml reports, so comments, key order, quoting and blank lines elsewhere stay as they were.
/// The result is loaded again and compared with the intended registry; if anything else changed,
/// or the file no longer loads, nothing is returned but diagnostics.
public enum RegistryEditor {
    /// The edited text, or every reason it could not be produced.
    public static func apply(_ edits: [DescriptionEdit], to text: String, path: String) -> Result<String, DiagnosticsError> {
        // libyaml does not count a byte-order mark in its offsets; edit without it and put it back.
        if text.unicodeScalars.first == "\u{FEFF}" {
            return apply(edits, to: String(text.unicodeScalars.dropFirst()), path: path).map { "\u{FEFF}" + $0 }
        }
        let original = RegistryLoader.load(bytes: Array(text.utf8), path: path)
        guard let registry = original.registry else { return .failure(DiagnosticsError(original.diagnostics)) }
        if edits.isEmpty { return .success(text) }
        let scalars = Array(text.unicodeScalars)
        let map = DescriptionMap(scalars: scalars)
        guard !map.failed else {
            return .failure(DiagnosticsError([.error("cannot locate descriptions in the registry text", at: SourceLocation(path: path, line: 1, column: 1))]))
        }
        var operations: [Operation] = []
        var diagnostics: [Diagnostic] = []
        var expected = registry
        for (name, group) in Dictionary(grouping: edits, by: \.variable).sorted(by: { $0.key < $1.key }) {
            guard let index = registry.variables.firstIndex(where: { $0.name == name }) else {
                diagnostics.append(.error("'\(name)' is not a variable in the registry", at: SourceLocation(path: path, line: 1, column: 1)))
                continue
            }
            let variable = registry.variables[index]
            let ordered = registry.languages.compactMap { language in group.last { $0.language == language } }
            for edit in group where !registry.targetLanguages.contains(edit.language) {
                diagnostics.append(.error("'\(edit.language)' is not a target language of the registry", at: variable.location))
            }
            guard let description = map.descriptions[name] else {
                diagnostics.append(.error("cannot locate the description of '\(name)'", at: variable.location))
                continue
            }
            let source = variable.descriptions[registry.sourceLanguage]?.text ?? ""
            var planner = Planner(scalars: scalars, registry: registry, variable: variable, source: source)
            operations += planner.operations(for: ordered, in: description)
            diagnostics += planner.diagnostics
            for edit in ordered {
                let marked = planner.matchesSource(edit.text) && (variable.descriptions[edit.language]?.isMarkedUntranslated ?? false)
                expected.variables[index].descriptions[edit.language] = LocalizedText(
                    text: edit.text, isMarkedUntranslated: marked, location: variable.location)
            }
        }
        guard diagnostics.isEmpty else { return .failure(DiagnosticsError(diagnostics)) }
        let edited = apply(operations, to: scalars)
        return verify(edited, path: path, expected: expected)
    }

    /// A change to the text: replace `range` (possibly empty, an insertion) with `replacement`.
    struct Operation {
        var range: Range<Int>
        var replacement: String
    }

    private static func apply(_ operations: [Operation], to scalars: [Unicode.Scalar]) -> String {
        var result = scalars
        for operation in operations.sorted(by: { ($0.range.lowerBound, $0.range.upperBound) > ($1.range.lowerBound, $1.range.upperBound) }) {
            result.replaceSubrange(operation.range, with: Array(operation.replacement.unicodeScalars))
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: result)
        return String(view)
    }

    /// Loads the edited text and checks it says exactly what was intended, nothing more.
    private static func verify(_ text: String, path: String, expected: Registry) -> Result<String, DiagnosticsError> {
        let reloaded = RegistryLoader.load(bytes: Array(text.utf8), path: path)
        guard let registry = reloaded.registry else {
            let reasons = reloaded.diagnostics.errors.map(\.message).joined(separator: "; ")
            return .failure(DiagnosticsError([.error("editing the registry would make it invalid (\(reasons)); nothing was written", at: SourceLocation(path: path, line: 1, column: 1))]))
        }
        guard Self.content(of: registry) == Self.content(of: expected) else {
            return .failure(DiagnosticsError([.error("editing the registry would change more than the imported translations; nothing was written. Please report this with the registry file", at: SourceLocation(path: path, line: 1, column: 1))]))
        }
        return .success(text)
    }

    /// The registry without positions, so two registries compare by content alone.
    static func content(of registry: Registry) -> Registry {
        var copy = registry
        let nowhere = SourceLocation(path: "", line: 0, column: 0)
        for index in copy.variables.indices {
            copy.variables[index].location = nowhere
            for (language, text) in copy.variables[index].descriptions {
                copy.variables[index].descriptions[language] = LocalizedText(
                    text: Fingerprint.normalised(text.text), isMarkedUntranslated: text.isMarkedUntranslated, location: nowhere)
            }
        }
        return copy
    }

    /// Plans the operations for one variable's edits.
    struct Planner {
        let scalars: [Unicode.Scalar]
        let registry: Registry
        let variable: Variable
        let source: String
        /// `source` as fingerprints see it, made once for every edit of the variable.
        private let normalisedSource: String
        var diagnostics: [Diagnostic] = []

        init(scalars: [Unicode.Scalar], registry: Registry, variable: Variable, source: String) {
            self.scalars = scalars
            self.registry = registry
            self.variable = variable
            self.source = source
            self.normalisedSource = Fingerprint.normalised(source)
        }

        /// Whether `text` is the source text once both are normalised, which is what keeps a translation
        /// marked as left in the source language.
        func matchesSource(_ text: String) -> Bool {
            Fingerprint.normalised(text) == normalisedSource
        }

        mutating func operations(for edits: [DescriptionEdit], in description: DescriptionMap.Description) -> [Operation] {
            switch description {
            case .scalar(let scalar, let keyColumn):
                return convertBareDescription(scalar, keyColumn: keyColumn, edits: edits)
            case .mapping(let pairs, let closingBrace):
                var operations: [Operation] = []
                var missing: [DescriptionEdit] = []
                for edit in edits {
                    if let pair = pairs.first(where: { $0.language == edit.language }) {
                        operations += replace(pair, with: edit.text, isFlow: closingBrace != nil)
                    } else {
                        missing.append(edit)
                    }
                }
                if !missing.isEmpty { operations += insert(missing, among: pairs, closingBrace: closingBrace) }
                return operations
            }
        }

        /// Rewrites `description: text` as a mapping holding the source text and the new translations.
        private mutating func convertBareDescription(_ scalar: DescriptionMap.Scalar, keyColumn: Int, edits: [DescriptionEdit]) -> [Operation] {
            guard restOfLineIsBlank(after: scalar.contentEnd) else {
                refuse("a comment follows the description of '\(variable.name)'; move it to its own line")
                return []
            }
            var start = scalar.start
            while start > 0, scalars[start - 1] == " " || scalars[start - 1] == "\t" { start -= 1 }
            let indent = keyColumn + 2
            var replacement = "\n" + pairText(registry.sourceLanguage.rawValue, source, indent: indent)
            for edit in edits { replacement += "\n" + pairText(edit.language.rawValue, edit.text, indent: indent) }
            return [Operation(range: start..<scalar.contentEnd, replacement: replacement)]
        }

        private mutating func replace(_ pair: DescriptionMap.Pair, with text: String, isFlow: Bool) -> [Operation] {
            switch pair.value {
            case .scalar(let scalar):
                return [Operation(range: scalar.start..<scalar.contentEnd,
                                  replacement: render(text, keyColumn: pair.keyColumn, like: scalar, isFlow: isFlow))]
            case .mapping(let textScalar, let textKeyColumn, let untranslated, _):
                guard let textScalar else {
                    refuse("the \(pair.language) description of '\(variable.name)' has no 'text' to replace")
                    return []
                }
                var operations = [Operation(range: textScalar.start..<textScalar.contentEnd,
                                            replacement: render(text, keyColumn: textKeyColumn, like: textScalar, isFlow: isFlow))]
                if let untranslated, !matchesSource(text) {
                    operations.append(removeUntranslatedFlag(untranslated))
                }
                return operations
            }
        }

        /// Deletes the `untranslated: true` line, or turns the flag off when it shares a line with other content.
        private func removeUntranslatedFlag(_ flag: (keyStart: Int, keyColumn: Int, valueEnd: Int)) -> Operation {
            let lineStart = self.lineStart(of: flag.keyStart)
            if lineStart + flag.keyColumn == flag.keyStart, restOfLineIsBlank(after: flag.valueEnd) {
                var end = flag.valueEnd
                while end < scalars.count, scalars[end] != "\n" { end += 1 }
                if end < scalars.count { end += 1 }
                return Operation(range: lineStart..<end, replacement: "")
            }
            var valueStart = flag.valueEnd
            while valueStart > flag.keyStart, scalars[valueStart - 1] != " " && scalars[valueStart - 1] != ":" { valueStart -= 1 }
            return Operation(range: valueStart..<flag.valueEnd, replacement: "false")
        }

        /// Adds translations the description does not have yet, in registry language order.
        private mutating func insert(_ edits: [DescriptionEdit], among pairs: [DescriptionMap.Pair], closingBrace: Int?) -> [Operation] {
            if let closingBrace {
                var end = closingBrace
                while end > 0, scalars[end - 1] == " " || scalars[end - 1] == "\n" { end -= 1 }
                let text = edits.map { ", \(RegistryEmitter.key($0.language.rawValue)): \(YAMLScalar.render($0.text, in: .flow))" }.joined()
                return [Operation(range: end..<end, replacement: text)]
            }
            let order = registry.languages
            var operations: [Operation] = []
            var afterAnchor: [Int: [DescriptionEdit]] = [:]
            var beforeFirst: [DescriptionEdit] = []
            for edit in edits {
                let position = order.firstIndex(of: edit.language) ?? order.count
                let earlier = pairs.filter { (order.firstIndex(of: $0.language) ?? order.count) < position }
                if let anchor = earlier.max(by: { (order.firstIndex(of: $0.language) ?? 0) < (order.firstIndex(of: $1.language) ?? 0) }),
                    let index = pairs.firstIndex(where: { $0.keyStart == anchor.keyStart })
                {
                    afterAnchor[index, default: []].append(edit)
                } else {
                    beforeFirst.append(edit)
                }
            }
            for (index, group) in afterAnchor {
                let anchor = pairs[index]
                let lineEnd = endOfLine(from: anchor.valueEnd)
                let text = group.map { "\n" + pairText($0.language.rawValue, $0.text, indent: anchor.keyColumn) }.joined()
                operations.append(Operation(range: lineEnd..<lineEnd, replacement: text))
            }
            if !beforeFirst.isEmpty, let first = pairs.min(by: { $0.keyStart < $1.keyStart }) {
                let start = lineStart(of: first.keyStart)
                let text = beforeFirst.map { pairText($0.language.rawValue, $0.text, indent: first.keyColumn) + "\n" }.joined()
                operations.append(Operation(range: start..<start, replacement: text))
            }
            return operations
        }

        /// `language: value` at an indentation.
        private func pairText(_ language: String, _ text: String, indent: Int) -> String {
            String(repeating: " ", count: indent) + RegistryEmitter.key(language) + ": "
                + YAMLScalar.render(text, in: .blockValue(indent: indent), preferBlock: true)
        }

        /// The new scalar in the old one's place, keeping block style where the old text used it.
        private func render(_ text: String, keyColumn: Int, like old: DescriptionMap.Scalar, isFlow: Bool) -> String {
            if isFlow { return YAMLScalar.render(text, in: .flow) }
            if !restOfLineIsBlank(after: old.contentEnd) {
                // A comment follows on the same line: only a one-line scalar keeps it a comment.
                let single = YAMLScalar.render(text, in: .blockValue(indent: keyColumn))
                return single.contains("\n") ? YAMLScalar.doubleQuoted(text) : single
            }
            if old.isBlock, let block = YAMLScalar.literalBlock(text, indent: keyColumn + 2) { return block }
            return YAMLScalar.render(text, in: .blockValue(indent: keyColumn), preferBlock: true)
        }

        private func lineStart(of offset: Int) -> Int {
            var index = offset
            while index > 0, scalars[index - 1] != "\n" { index -= 1 }
            return index
        }

        private func endOfLine(from offset: Int) -> Int {
            var index = offset
            while index < scalars.count, scalars[index] != "\n" { index += 1 }
            return index
        }

        /// Whether only spaces follow `offset` up to the end of its line.
        private func restOfLineIsBlank(after offset: Int) -> Bool {
            var index = offset
            while index < scalars.count, scalars[index] != "\n" {
                if scalars[index] != " " && scalars[index] != "\t" && scalars[index] != "\r" { return false }
                index += 1
            }
            return true
        }

        private mutating func refuse(_ message: String) {
            diagnostics.append(.error(message, at: variable.location))
        }
    }
}
