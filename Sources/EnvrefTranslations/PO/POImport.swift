import EnvrefCore
import EnvrefRegistry

/// Reads translated PO files back: which descriptions change and what the lock records.
///
/// - An empty msgstr changes nothing.
/// - A `fuzzy` entry's text is taken, but the translation stays stale (not reviewed).
/// - Any other entry is taken as reviewed against its msgid: when the msgid is the current source
///   text, the translation becomes current; when it is an older text, it stays stale and that
///   older text is archived, so `envref diff` shows what changed since.
/// - Entries for variables the registry does not have are orphans: reported and skipped.
public enum POImport {
    /// One PO file to import.
    public struct Input: Sendable {
        /// The parsed file.
        public var file: POFile
        /// The path diagnostics show.
        public var path: String

        /// Creates an input.
        public init(file: POFile, path: String) {
            self.file = file
            self.path = path
        }
    }

    /// What importing would do.
    public struct Plan: Sendable {
        /// Description texts to write into the registry.
        public var edits: [DescriptionEdit] = []
        /// The lock after the import.
        public var lock: TranslationLock
        /// Every problem and orphan found.
        public var diagnostics: [Diagnostic] = []
        /// How many translations were reviewed (recorded in the lock), per language.
        public var reviewed: [LanguageCode: Int] = [:]
        /// Entries skipped because their variable does not exist.
        public var orphans: [TranslationOrphan] = []
    }

    /// Plans the import of `inputs` into `registry`.
    public static func plan(_ inputs: [Input], registry: Registry, lock: TranslationLock) -> Plan {
        var plan = Plan(lock: lock)
        var languagesSeen: [LanguageCode: String] = [:]
        for input in inputs {
            let start = SourceLocation(path: input.path, line: 1, column: 1)
            guard let declared = input.file.header("Language"), !declared.isEmpty else {
                plan.diagnostics.append(.error("the PO file has no Language header; add \"Language: xx\\n\" to the header entry", at: start))
                continue
            }
            let language = PageLanguage.normalised(declared) ?? LanguageCode(rawValue: declared)
            guard registry.targetLanguages.contains(language) else {
                let targets = registry.targetLanguages.map(\.rawValue).joined(separator: ", ")
                let reason = language == registry.sourceLanguage ? "it is the source language" : "the registry's translations are \(targets)"
                plan.diagnostics.append(.error("the PO file is in '\(declared)', which cannot be imported: \(reason)", at: start))
                continue
            }
            if let other = languagesSeen[language] {
                plan.diagnostics.append(.error("a second PO file in '\(language)' (the first is \(other))", at: start))
                continue
            }
            languagesSeen[language] = input.path
            importEntries(input, language: language, registry: registry, into: &plan)
        }
        plan.diagnostics.sort()
        return plan
    }

    private static func importEntries(_ input: Input, language: LanguageCode, registry: Registry, into plan: inout Plan) {
        var seen: [String: Int] = [:]
        for entry in input.file.entries where !entry.isObsolete {
            let location = entry.location ?? SourceLocation(path: input.path, line: 1, column: 1)
            guard let name = entry.context else {
                plan.diagnostics.append(.error("entry has no msgctxt; envref needs the variable name there", at: location))
                continue
            }
            if let first = seen[name] {
                plan.diagnostics.append(.error("'\(name)' appears twice (first at line \(first))", at: location))
                continue
            }
            seen[name] = location.line
            guard let variable = registry.variable(named: name) else {
                let hint = DidYouMean.suggestion(for: name, among: registry.variables.map(\.name)).map { "; did you mean '\($0)'?" } ?? ""
                plan.diagnostics.append(.warning("orphan: '\(name)' is not a variable in the registry\(hint); entry skipped", at: location))
                plan.orphans.append(TranslationOrphan(variable: name, language: language, location: location, reason: "the registry has no variable '\(name)'"))
                continue
            }
            let translation = POExport.trimmed(entry.translation.removingByteOrderMarks())
            guard !translation.isEmpty else { continue }
            let source = variable.descriptions[registry.sourceLanguage]?.text ?? ""
            let existing = variable.descriptions[language]
            if existing.map({ POExport.trimmed($0.text) }) != translation {
                plan.edits.append(DescriptionEdit(variable: name, language: language, text: translation))
            }
            guard !entry.isFuzzy else { continue }
            if POExport.trimmed(entry.id) == POExport.trimmed(source) {
                plan.lock.record(name, in: language, madeFrom: source)
            } else {
                plan.lock.record(name, in: language, madeFrom: entry.id)
                plan.diagnostics.append(.warning(
                    "'\(name)' was translated from an older source text; it stays stale until reviewed (envref translations accept --lang \(language) \(name))",
                    at: location))
            }
            plan.reviewed[language, default: 0] += 1
        }
    }
}
