import EnvrefCore
import EnvrefMarkdown
import EnvrefRegistry
import Foundation

/// Recognises a variable name written as a heading or a table cell: `` `NAME` ``, `**NAME**`,
/// `NAME`, `WANDB\_API\_KEY`, optionally followed by a platform tag (`_Windows_`, `(deprecated)`)
/// or a doc-builder anchor (`[[hf-home]]`, `{#hf-home}`).
struct EntryName: Hashable {
    /// The variable name.
    var name: String
    /// Whether it was written as plain text, without code or bold formatting.
    var isBare: Bool

    /// Whether a bare word such as `MODE` may be a name: it must look like one and not be a common heading acronym.
    var isAmbiguous: Bool { isBare && !name.contains("_") }

    /// Headings that are upper-case words but name sections, not variables.
    static let sectionAcronyms: Set<String> = [
        "API", "AWS", "CLI", "CORS", "CSS", "DNS", "FAQ", "GCP", "GPU", "HTML", "HTTP", "HTTPS", "JSON", "LLM", "NOTE",
        "OS", "SDK", "SSH", "SSL", "SSO", "TIP", "TLS", "TODO", "UI", "URL", "USAGE", "WARNING", "XML", "YAML",
    ]

    /// The name in a run of inline nodes, if the run is exactly a name plus an optional tag.
    static func parse(_ inlines: [MarkdownNode]) -> EntryName? {
        var pieces = Piece.flatten(inlines)
        while case .text(let text)? = pieces.first, text.allSatisfy(\.isWhitespace) { pieces.removeFirst() }
        guard let first = pieces.first else { return nil }
        pieces.removeFirst()
        let candidate: String
        let isBare: Bool
        switch first {
        case .code(let text), .formatted(let text):
            candidate = text.trimmingWhitespace()
            isBare = false
        case .text(let text):
            let trimmed = text.drop(while: \.isWhitespace)
            let word = trimmed.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
            candidate = String(word)
            isBare = true
            let rest = trimmed.dropFirst(word.count)
            if !rest.isEmpty { pieces.insert(.text(String(rest)), at: 0) }
        case .emphasis:
            return nil
        }
        guard isLikelyName(candidate), isTag(pieces) else { return nil }
        return EntryName(name: candidate, isBare: isBare)
    }

    /// Whether `text` has the shape of an environment-variable name.
    static func isLikelyName(_ text: String) -> Bool {
        text.count >= 2 && RegistrySchema.isValidName(text) && text.contains { $0.isLetter } && !text.hasSuffix("_")
    }

    /// Whether what follows the name is nothing, an anchor, or a short tag such as `_Windows_` or `(deprecated)`.
    private static func isTag(_ pieces: [Piece]) -> Bool {
        var rest = ""
        var sawEmphasis = false
        for piece in pieces {
            switch piece {
            case .text(let text): rest += text
            case .emphasis: sawEmphasis = true
            case .code, .formatted: return false
            }
        }
        rest = stripAnchors(rest).trimmingWhitespace()
        if rest.isEmpty { return true }
        if sawEmphasis { return false }
        // A tag whose emphasis markers did not parse, such as `_ Linux _` left by a translation tool.
        let openers: Set<Character> = ["_", "*", "("], closers: Set<Character> = ["_", "*", ")"]
        guard let open = rest.first, let close = rest.last, openers.contains(open), closers.contains(close), rest.count >= 3 else {
            return false
        }
        let inner = rest.dropFirst().dropLast().trimmingWhitespace()
        return !inner.isEmpty && inner.count <= 40 && !inner.contains { "_*()[]`".contains($0) }
    }

    /// Removes trailing `[[anchor]]` and `{#anchor}` markers that doc builders add to headings.
    static func stripAnchors(_ text: String) -> String {
        var result = text.trimmingWhitespace()
        while true {
            if result.hasSuffix("]]"), let open = result.range(of: "[[", options: .backwards) {
                result = String(result[..<open.lowerBound]).trimmingWhitespace()
            } else if result.hasSuffix("}"), let open = result.range(of: "{#", options: .backwards) {
                result = String(result[..<open.lowerBound]).trimmingWhitespace()
            } else {
                return result
            }
        }
    }

    /// Inline content reduced to what name recognition cares about.
    private enum Piece {
        /// Plain text, adjacent text nodes merged.
        case text(String)
        /// A code span.
        case code(String)
        /// Bold text or a link whose whole content might be a name.
        case formatted(String)
        /// Emphasis, which after a name is a tag such as `_Windows_`.
        case emphasis

        static func flatten(_ inlines: [MarkdownNode]) -> [Piece] {
            var pieces: [Piece] = []
            for node in inlines {
                switch node.type {
                case "text":
                    if case .text(let previous)? = pieces.last {
                        pieces[pieces.count - 1] = .text(previous + (node.literal ?? ""))
                    } else {
                        pieces.append(.text(node.literal ?? ""))
                    }
                case "softbreak", "linebreak":
                    pieces.append(.text(" "))
                case "code":
                    pieces.append(.code(node.literal ?? ""))
                case "strong", "link":
                    pieces.append(.formatted(node.plainText))
                case "emph":
                    // `_NAME_` is a name in italics at the start, and a tag after a name.
                    pieces.append(pieces.isEmpty ? .formatted(node.plainText) : .emphasis)
                case "html_inline":
                    continue
                default:
                    pieces.append(.text(node.plainText))
                }
            }
            return pieces
        }
    }
}
