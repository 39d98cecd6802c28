import CYaml
import EnvrefRegistry

/// Where each description sits in the registry text, from libyaml's events (which, unlike the
/// composed tree, carry end positions). Positions are Unicode scalar offsets and 0-based columns.
struct DescriptionMap {
    /// A scalar's extent.
    struct Scalar {
        /// Offset of its first character (an indicator such as `|` or a quote included).
        var start: Int
        /// Offset just past its last non-blank character.
        var contentEnd: Int
        /// Whether it is a `|` or `>` block.
        var isBlock: Bool
    }

    /// A language's value in a description mapping.
    enum Value {
        /// `fr: text`
        case scalar(Scalar)
        /// `fr: {text: ..., untranslated: true}`, in block or flow style.
        case mapping(text: Scalar?, textKeyColumn: Int, untranslated: (keyStart: Int, keyColumn: Int, valueEnd: Int)?, end: Int)
    }

    /// One `language: value` pair of a description mapping.
    struct Pair {
        var language: LanguageCode
        var keyStart: Int
        var keyColumn: Int
        var value: Value

        /// Offset just past the value's last non-blank character.
        var valueEnd: Int {
            switch value {
            case .scalar(let scalar): scalar.contentEnd
            case .mapping(_, _, _, let end): end
            }
        }
    }

    /// A variable's `description` value.
    enum Description {
        /// `description: text`, the source text alone.
        case scalar(Scalar, keyColumn: Int)
        /// A mapping of languages; `closingBrace` is set for flow style (`{en: ..., fr: ...}`).
        case mapping(pairs: [Pair], closingBrace: Int?)
    }

    /// Descriptions by variable name.
    private(set) var descriptions: [String: Description] = [:]
    /// Set when libyaml could not parse the text.
    private(set) var failed = false

    init(scalars: [Unicode.Scalar]) {
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars)
        let bytes = Array(String(text).utf8)
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            failed = true
            return
        }
        defer { yaml_parser_delete(&parser) }
        bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            walk(&parser, scalars: scalars)
        }
    }

    // MARK: - Walking events

    private struct Frame {
        var path: [String]
        var isMapping: Bool
        var isFlow: Bool
        var expectingKey = true
        var key: String?
        var keyStart = 0
        var keyColumn = 0
        var start: Int
        var lastContentEnd: Int
    }

    /// Collected while inside one variable's description.
    private struct Pending {
        var pairs: [Pair] = []
        var text: Scalar?
        var textKeyColumn = 0
        var untranslated: (keyStart: Int, keyColumn: Int, valueEnd: Int)?
        var untranslatedKey: (start: Int, column: Int)?
    }

    private mutating func walk(_ parser: inout yaml_parser_t, scalars: [Unicode.Scalar]) {
        var frames: [Frame] = []
        var pending = Pending()
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                failed = true
                return
            }
            defer { yaml_event_delete(&event) }
            let start = Int(event.start_mark.index), end = Int(event.end_mark.index)
            let column = Int(event.start_mark.column)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return
            case YAML_SCALAR_EVENT:
                if let top = frames.last, top.isMapping, top.expectingKey {
                    let key = String(cString: event.data.scalar.value)
                    frames[frames.count - 1].key = key
                    frames[frames.count - 1].keyStart = start
                    frames[frames.count - 1].keyColumn = column
                    frames[frames.count - 1].expectingKey = false
                    if Self.isLanguageMapping(top.path), key == "untranslated" { pending.untranslatedKey = (start, column) }
                    continue
                }
                let style = event.data.scalar.style
                let scalar = Scalar(start: start, contentEnd: Self.contentEnd(end, start: start, scalars: scalars),
                                    isBlock: style == YAML_LITERAL_SCALAR_STYLE || style == YAML_FOLDED_SCALAR_STYLE)
                let path = valuePath(frames)
                if path.count == 3, path[0] == "variables", path[2] == "description", let top = frames.last {
                    descriptions[path[1]] = .scalar(scalar, keyColumn: top.keyColumn)
                } else if path.count == 4, path[0] == "variables", path[2] == "description", let top = frames.last {
                    pending.pairs.append(Pair(language: LanguageCode(rawValue: path[3]), keyStart: top.keyStart, keyColumn: top.keyColumn,
                                              value: .scalar(scalar)))
                } else if path.count == 5, path[0] == "variables", path[2] == "description", let top = frames.last {
                    if path[4] == "text" {
                        pending.text = scalar
                        pending.textKeyColumn = top.keyColumn
                    } else if path[4] == "untranslated", let key = pending.untranslatedKey {
                        pending.untranslated = (key.start, key.column, scalar.contentEnd)
                    }
                }
                completeValue(&frames, contentEnd: scalar.contentEnd)
            case YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT:
                let path = valuePath(frames)
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let isFlow = isMapping ? event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
                    : event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
                if path.count == 3, path[0] == "variables", path[2] == "description" { pending = Pending() }
                if path.count == 4, path[0] == "variables", path[2] == "description" {
                    pending.text = nil
                    pending.untranslated = nil
                    pending.untranslatedKey = nil
                }
                frames.append(Frame(path: path, isMapping: isMapping, isFlow: isFlow, start: start, lastContentEnd: start))
            case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
                guard let closed = frames.popLast() else { continue }
                // A flow collection ends at its closing bracket; a block one at its last content.
                let contentEnd = closed.isFlow ? end : closed.lastContentEnd
                let path = closed.path
                if path.count == 3, path[0] == "variables", path[2] == "description", closed.isMapping {
                    descriptions[path[1]] = .mapping(pairs: pending.pairs, closingBrace: closed.isFlow ? start : nil)
                } else if path.count == 4, path[0] == "variables", path[2] == "description", closed.isMapping, let top = frames.last {
                    pending.pairs.append(Pair(
                        language: LanguageCode(rawValue: path[3]), keyStart: top.keyStart, keyColumn: top.keyColumn,
                        value: .mapping(text: pending.text, textKeyColumn: pending.textKeyColumn, untranslated: pending.untranslated,
                                        end: contentEnd)))
                }
                completeValue(&frames, contentEnd: contentEnd)
            case YAML_ALIAS_EVENT:
                completeValue(&frames, contentEnd: end)
            default:
                break
            }
        }
    }

    /// The key path of the node about to start.
    private func valuePath(_ frames: [Frame]) -> [String] {
        guard let top = frames.last else { return [] }
        return top.path + [top.isMapping ? (top.key ?? "?") : "#"]
    }

    private func completeValue(_ frames: inout [Frame], contentEnd: Int) {
        guard !frames.isEmpty else { return }
        frames[frames.count - 1].lastContentEnd = contentEnd
        if frames[frames.count - 1].isMapping { frames[frames.count - 1].expectingKey = true }
        // Propagate the end outwards so enclosing block nodes know where their content stops.
        for index in frames.indices.dropLast() where !frames[index].isFlow {
            frames[index].lastContentEnd = max(frames[index].lastContentEnd, contentEnd)
        }
    }

    private static func isLanguageMapping(_ path: [String]) -> Bool {
        path.count == 4 && path[0] == "variables" && path[2] == "description"
    }

    /// Block scalars end after their trailing line breaks; step back to the last visible character.
    private static func contentEnd(_ end: Int, start: Int, scalars: [Unicode.Scalar]) -> Int {
        var index = min(end, scalars.count)
        while index > start, scalars[index - 1] == "\n" || scalars[index - 1] == "\r" || scalars[index - 1] == " " || scalars[index - 1] == "\t" {
            index -= 1
        }
        return index
    }
}
