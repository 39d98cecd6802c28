import CYaml
import EnvrefCore
import Yams

/// A linear pass over libyaml's events that runs before `Yams.compose`.
///
/// `Yams.compose` stops at the first duplicate key and expands aliases by sharing nodes, which
/// hashing and walking can turn exponential (the "billion laughs" attack). This pass reports every
/// duplicate key and every alias with its exact position, rejects absurd nesting before a recursive
/// composer can overflow the stack, and rewrites duplicate keys so composing can go on and the
/// rest of the file still gets checked.
struct YAMLPrescan {
    /// Deepest nesting a registry may use; real registries need five levels.
    static let maximumDepth = 32
    /// Stop listing duplicate keys after this many; the file is clearly broken.
    static let maximumReportedDuplicates = 200
    /// Stop listing aliases after this many: an alias bomb holds thousands, and one is enough to refuse it.
    static let maximumReportedAliases = 20

    /// Problems found while scanning.
    private(set) var diagnostics: [Diagnostic] = []
    /// The text to compose: the input with duplicate keys renamed to sentinels.
    private(set) var composableText: String
    /// Whether composing is pointless (syntax error, alias, nesting).
    private(set) var isFatal = false
    /// The file's path as diagnostics show it.
    private let path: String
    /// Where the top-level `variables` mapping's entries begin and where the mapping ends, when it is a block
    /// mapping, so its entries can be composed in groups (`composeInGroups`).
    private(set) var variableEntries: VariableEntries?

    /// The lines of the top-level `variables` block mapping, counted from 0 as libyaml counts them.
    struct VariableEntries {
        /// The line of each entry's key, in file order.
        var keyLines: [Int] = []
        /// The line of what follows the mapping, when that starts a line, as libyaml ends a block mapping (the
        /// end of the text included); `nil` when it ends anywhere else.
        var endLine: Int?
    }

    private enum Frame {
        case mapping(path: [String], seenKeys: [String: Int], expectingKey: Bool, currentKey: String?)
        case sequence(path: [String], index: Int)
    }

    /// Scans `source` and records what it finds; `documentName` names the file in messages.
    init(_ source: SourceText, documentName: String = "the registry") {
        composableText = source.text
        path = source.path
        var renames: [(start: Int, end: Int)] = []
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            diagnostics.append(.error("could not start the YAML parser", at: SourceLocation(path: source.path, line: 1, column: 1)))
            isFatal = true
            return
        }
        defer { yaml_parser_delete(&parser) }
        // The text's own UTF-8 storage, not a copy: a registry can be tens of megabytes.
        var text = source.text
        text.withUTF8 { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var frames: [Frame] = []
            var documents = 0, aliases = 0, variablesMappings = 0, variablesKeys = 0
            // A second `variables` key, even one without a mapping, leaves two keys of that name to tell apart
            // after the cut: such a file is composed whole.
            defer { if variablesKeys != 1 { variableEntries = nil } }
            // The variables mapping sits at depth 2: the root mapping, then its value under `variables`.
            func isInVariables(_ frames: [Frame]) -> Bool {
                guard frames.count == 2, case .mapping(let path, _, _, _) = frames[1] else { return false }
                return path == ["variables"]
            }
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    diagnostics.append(Self.syntaxError(parser, source))
                    isFatal = true
                    return
                }
                defer { yaml_event_delete(&event) }
                let start = event.start_mark, end = event.end_mark
                let location = source.location(line: Int(start.line), column: Int(start.column))
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return
                case YAML_DOCUMENT_START_EVENT:
                    documents += 1
                    if documents > 1 {
                        diagnostics.append(.error("\(documentName) must be a single YAML document, but a second one starts here", at: location))
                        isFatal = true
                        return
                    }
                case YAML_ALIAS_EVENT:
                    aliases += 1
                    if aliases <= Self.maximumReportedAliases {
                        let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
                        diagnostics.append(.error(
                            "YAML aliases are not supported in \(documentName) (found '*\(name)'); write the value out in full",
                            at: location))
                    }
                    isFatal = true
                    Self.completeValue(in: &frames)
                case YAML_SCALAR_EVENT:
                    if let tag = event.data.scalar.tag {
                        diagnostics.append(Self.tagError(tag, in: documentName, at: location))
                        isFatal = true
                    }
                    if case .mapping(_, _, true, _) = frames.last, isInVariables(frames) {
                        variableEntries?.keyLines.append(Int(start.line))
                    }
                    if frames.count == 1, case .mapping(_, _, true, _) = frames.last,
                        String(cString: event.data.scalar.value) == "variables"
                    {
                        variablesKeys += 1
                    }
                    if case .mapping(_, _, true, _) = frames.last,
                        // Taken out of the stack, not copied: the key table is then mutated in place, where a
                        // copy per key made a mapping of n keys cost n².
                        case .mapping(let path, var seenKeys, _, _) = frames.removeLast()
                    {
                        let key = String(cString: event.data.scalar.value)
                        if let firstLine = seenKeys[key] {
                            if renames.count < Self.maximumReportedDuplicates {
                                diagnostics.append(.error(Self.duplicateMessage(key: key, path: path, firstLine: firstLine), at: location))
                            }
                            renames.append((Int(start.index), Int(end.index)))
                        } else {
                            seenKeys[key] = Int(start.line) + 1
                        }
                        frames.append(.mapping(path: path, seenKeys: seenKeys, expectingKey: false, currentKey: key))
                    } else {
                        Self.completeValue(in: &frames)
                    }
                case YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT:
                    let tag = event.type == YAML_MAPPING_START_EVENT ? event.data.mapping_start.tag : event.data.sequence_start.tag
                    if let tag {
                        diagnostics.append(Self.tagError(tag, in: documentName, at: location))
                        isFatal = true
                    }
                    let path: [String]
                    switch frames.last {
                    case .mapping(let parentPath, _, true, _):
                        diagnostics.append(.error("mapping keys must be plain text, not a list or mapping", at: location))
                        isFatal = true
                        path = parentPath + ["?"]
                    case .mapping(let parentPath, _, false, let key):
                        path = parentPath + [key ?? "?"]
                    case .sequence(let parentPath, let index):
                        path = parentPath + [String(index)]
                    case nil:
                        path = []
                    }
                    guard frames.count < Self.maximumDepth else {
                        diagnostics.append(.error(Self.nestingMessage, at: location))
                        isFatal = true
                        return
                    }
                    frames.append(event.type == YAML_MAPPING_START_EVENT
                        ? .mapping(path: path, seenKeys: [:], expectingKey: true, currentKey: nil)
                        : .sequence(path: path, index: 0))
                    if event.type == YAML_MAPPING_START_EVENT, isInVariables(frames) {
                        variablesMappings += 1
                        // Only one block mapping can be cut at its keys' lines.
                        // An anchor would move where Yams says the mapping starts, away from its first key.
                        let isBlock = event.data.mapping_start.style == YAML_BLOCK_MAPPING_STYLE
                        let isAnchored = event.data.mapping_start.anchor != nil
                        variableEntries = isBlock && !isAnchored && variablesMappings == 1 ? VariableEntries() : nil
                    }
                case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
                    if event.type == YAML_MAPPING_END_EVENT, isInVariables(frames) {
                        variableEntries?.endLine = start.column == 0 ? Int(start.line) : nil
                    }
                    frames.removeLast()
                    Self.completeValue(in: &frames)
                default:
                    break
                }
            }
        }
        if !renames.isEmpty, !isFatal {
            composableText = Self.renaming(renames, in: source.text)
        }
        // Sentinels repeat after 0x1000 renames, and two of the same length in one mapping would make Yams
        // report a duplicate of private-use characters. A file with that many duplicate keys is broken past
        // checking further: the duplicates already listed are its diagnostics.
        if renames.count >= Self.distinctSentinels { isFatal = true }
    }

    /// Composes the scanned text with Yams, keeping node positions; a failure becomes a located diagnostic.
    ///
    /// Every scalar stays a string (`.basic`): readers apply their own typing rules, and Yams' default resolver
    /// ran up to seven regular expressions on each scalar of a large registry to guess types nobody read.
    func compose() -> Result<Node?, Diagnostic> {
        do {
            return .success(try Yams.compose(yaml: composableText, .basic))
        } catch {
            return .failure(composeFailure(error))
        }
    }

    /// What Yams reported, located where it found the problem.
    private func composeFailure(_ error: any Error) -> Diagnostic {
        if let yamlError = error as? YamlError {
            switch yamlError {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
                return .error("invalid YAML: \(problem)", at: SourceLocation(path: path, line: mark.line, column: mark.column))
            case .duplicatedKeysInMapping(let duplicates, let context):
                return .error("duplicate key '\(duplicates.joined(separator: "', '"))'",
                              at: SourceLocation(path: path, line: context.mark.line, column: context.mark.column))
            default:
                break
            }
        }
        return .error("invalid YAML: \(error)", at: SourceLocation(path: path, line: 1, column: 1))
    }

    /// Whether a composed key is a renamed duplicate, already reported.
    static func isDuplicateSentinel(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first else { return false }
        return (0xE000...0xF8FF).contains(first.value) && key.unicodeScalars.allSatisfy { (0xE000...0xF8FF).contains($0.value) }
    }

    private static func completeValue(in frames: inout [Frame]) {
        switch frames.last {
        case .mapping(let path, let seenKeys, false, let key):
            frames[frames.count - 1] = .mapping(path: path, seenKeys: seenKeys, expectingKey: true, currentKey: key)
        case .sequence(let path, let index):
            frames[frames.count - 1] = .sequence(path: path, index: index + 1)
        default:
            break
        }
    }

    private static func duplicateMessage(key: String, path: [String], firstLine: Int) -> String {
        if path == ["variables"] {
            return "duplicate variable '\(key)' (first defined at line \(firstLine))"
        }
        return "duplicate key '\(key)' (first used at line \(firstLine))"
    }

    /// How many renamed keys get sentinels of their own before they repeat.
    static let distinctSentinels = 0x1000

    /// Replaces each span (in Unicode scalar offsets) with a same-length sentinel, so positions stay put.
    private static func renaming(_ spans: [(start: Int, end: Int)], in text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        for (number, span) in spans.enumerated() {
            let length = max(1, span.end - span.start)
            let marker = Unicode.Scalar(UInt32(0xE100 + number % distinctSentinels))!
            let filler = Unicode.Scalar(UInt32(0xE000))!
            let sentinel = Array(repeating: filler, count: length - 1) + [marker]
            scalars.replaceSubrange(span.start..<span.end, with: sentinel)
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// Tags ask a YAML reader to build arbitrary types (`!!python/object`), and every reader of the
    /// registry, not only envref, would have to agree on them; plain values are the whole format.
    private static func tagError(_ tag: UnsafeMutablePointer<yaml_char_t>, in documentName: String, at location: SourceLocation) -> Diagnostic {
        var name = String(cString: tag)
        if name.hasPrefix("tag:yaml.org,2002:") { name = "!!" + name.dropFirst("tag:yaml.org,2002:".count) }
        return .error("YAML tags are not supported in \(documentName) (found '\(DiagnosticText.excerpt(name))'); write plain values", at: location)
    }

    private static let nestingMessage = "the YAML is nested too deeply (more than \(maximumDepth) levels)"

    private static func syntaxError(_ parser: yaml_parser_t, _ source: SourceText) -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "unreadable YAML"
        let location = source.location(line: Int(parser.problem_mark.line), column: Int(parser.problem_mark.column))
        if problem.hasPrefix("Maximum nesting level") {
            // libyaml's own guard fired first; report it in the same words as ours.
            return .error(nestingMessage, at: location)
        }
        var message = "invalid YAML: \(problem)"
        if let context = parser.context.map({ String(cString: $0) }) {
            message += " \(context) at line \(parser.context_mark.line + 1)"
        }
        return .error(message, at: location)
    }
}
