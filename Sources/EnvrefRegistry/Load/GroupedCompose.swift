import EnvrefCore
import Yams

extension YAMLPrescan {
    /// The registry composed as `compose()` composes it, but with the entries of `variables` cut into
    /// `groupCount` runs of whole lines, each composed by its own Yams parser over the cores; `nil` when the
    /// text cannot be cut that way, or any piece fails to compose, and the caller composes it whole.
    ///
    /// Composing is the one stage of loading a large registry that a single parser runs on one core. Each
    /// piece is preceded by as many empty lines as come before it in the file, so every node keeps the line
    /// and column it has in the whole text; the rest of the file is composed with the cut lines left empty.
    /// Cuts fall only at lines where a key of the block mapping `variables` begins, so each piece is a block
    /// mapping indented as in the file: YAML reads an indented mapping the same at the top of a document as
    /// nested under a key.
    func composeInGroups(_ groupCount: Int) -> Node? {
        guard groupCount > 1, let entries = variableEntries, entries.keyLines.count >= groupCount else { return nil }
        let bytes = Array(composableText.utf8)
        guard let lineStarts = Self.lineStarts(of: bytes),
              let endLine = entries.endLine.map({ min($0, lineStarts.count) }),
              Self.keysBeginTheirLines(entries.keyLines, lineStarts: lineStarts, bytes: bytes)
        else { return nil }
        func offset(ofLine line: Int) -> Int { line < lineStarts.count ? lineStarts[line] : bytes.count }
        func emptyLines(_ count: Int) -> [UInt8] { [UInt8](repeating: UInt8(ascii: "\n"), count: count) }

        let firstLine = entries.keyLines[0]
        var header = Array(bytes[..<offset(ofLine: firstLine)])
        header += emptyLines(endLine - firstLine)
        header += bytes[offset(ofLine: endLine)...]
        var pieces = [header]
        // Group g holds the entries from bounds[g] up to bounds[g + 1].
        let bounds = (0...groupCount).map { entries.keyLines.count * $0 / groupCount }
        for group in 0..<groupCount {
            let startLine = entries.keyLines[bounds[group]]
            let stopLine = bounds[group + 1] < entries.keyLines.count ? entries.keyLines[bounds[group + 1]] : endLine
            var piece = emptyLines(startLine)
            piece += bytes[offset(ofLine: startLine)..<offset(ofLine: stopLine)]
            pieces.append(piece)
        }
        let composed = pieces.parallelMap(minimumChunk: 1) { piece in
            // Each node tree is made and read by one thread at a time: made here, read once every piece is done.
            UncheckedSendable(try? Yams.compose(yaml: String(decoding: piece, as: UTF8.self), .basic))
        }
        guard case .mapping(let root)? = composed[0].value else { return nil }
        var variablePairs: [(Node, Node)] = []
        for (index, piece) in composed.dropFirst().enumerated() {
            guard case .mapping(let group)? = piece.value, group.count == bounds[index + 1] - bounds[index] else { return nil }
            variablePairs += group.map { ($0.key, $0.value) }
        }
        // A block mapping's node starts where its first key does, in a piece as in the whole text.
        let variables = Node.mapping(Node.Mapping(variablePairs, .implicit, .block, variablePairs.first?.0.mark))
        var rootPairs: [(Node, Node)] = []
        var replaced = 0
        for (key, value) in root {
            if case .scalar(let name) = key, name.string == "variables", case .scalar(let empty) = value, empty.string.isEmpty {
                rootPairs.append((key, variables))
                replaced += 1
            } else {
                rootPairs.append((key, value))
            }
        }
        guard replaced == 1 else { return nil }
        return Node.mapping(Node.Mapping(rootPairs, root.tag, root.style, root.mark))
    }

    /// The byte offset where each line begins, or `nil` when the text breaks lines with anything but a line
    /// feed: libyaml also counts CR, NEL, LS and PS as line breaks, and the cut must count lines as it does.
    static func lineStarts(of bytes: [UInt8]) -> [Int]? {
        var starts = [0]
        var previous: UInt8 = 0
        for (offset, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "\n"): starts.append(offset + 1)
            case UInt8(ascii: "\r"): return nil
            case 0x85 where previous == 0xC2: return nil
            case 0xA8, 0xA9: if offset >= 2, bytes[offset - 2] == 0xE2, previous == 0x80 { return nil }
            default: break
            }
            previous = byte
        }
        return starts
    }

    /// Whether every key of `variables` is the first thing on its line, all at one indentation, as block
    /// mapping keys are; anything else (an explicit `? key`, say) is composed whole.
    static func keysBeginTheirLines(_ keyLines: [Int], lineStarts: [Int], bytes: [UInt8]) -> Bool {
        func indentation(_ line: Int) -> Int? {
            line < lineStarts.count ? keyIndentation(at: lineStarts[line], in: bytes) : nil
        }
        guard let first = indentation(keyLines[0]), first > 0 else { return false }
        return keyLines.allSatisfy { indentation($0) == first } && zip(keyLines, keyLines.dropFirst()).allSatisfy { $0 < $1 }
    }

    /// The indentation of the line starting at `offset`, when what follows the spaces can begin a block
    /// mapping's implicit key: not an explicit key (`?`), a comment or an empty line.
    static func keyIndentation(at offset: Int, in bytes: [UInt8]) -> Int? {
        var end = offset
        while end < bytes.count, bytes[end] == UInt8(ascii: " ") { end += 1 }
        guard end < bytes.count, ![UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: "\n")].contains(bytes[end]) else { return nil }
        return end - offset
    }
}
