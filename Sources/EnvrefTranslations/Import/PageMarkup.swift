import EnvrefCore
import Foundation

/// Site-generator syntax that is not Markdown: Hugo shortcodes, MDX components, `<br>` tags.
enum PageMarkup {
    /// Replaces `{{< relref "path" >}}`-style references by their path and drops other shortcodes,
    /// keeping the text they wrap; the line count never changes, so positions stay right.
    static func rewritingShortcodes(_ line: Substring) -> String {
        // Every line of a page comes through here; a byte check spares most of them Foundation's search.
        guard line.quicklyContains("{{") else { return String(line) }
        var result = ""
        var rest = line[...]
        while let open = rest.range(of: "{{") {
            let afterOpen = rest[open.upperBound...]
            guard let kind = afterOpen.first, kind == "<" || kind == "%" else {
                result += rest[..<open.upperBound]
                rest = afterOpen
                continue
            }
            guard let close = afterOpen.dropFirst().range(of: kind == "<" ? ">}}" : "%}}") else { break }
            result += rest[..<open.lowerBound]
            let inner = afterOpen.dropFirst()[..<close.lowerBound].trimmingWhitespace()
            result += referencedPath(inShortcode: inner) ?? ""
            rest = afterOpen.dropFirst()[close.upperBound...]
        }
        return result + rest
    }

    /// The target of a `ref`/`relref` shortcode: its `path="..."` argument or its first quoted argument.
    private static func referencedPath(inShortcode inner: String) -> String? {
        let name = inner.prefix { !$0.isWhitespace }
        guard name == "relref" || name == "ref" else { return nil }
        let arguments = inner.dropFirst(name.count)
        if let path = arguments.range(of: "path=\"") {
            return String(arguments[path.upperBound...].prefix { $0 != "\"" })
        }
        if let quote = arguments.firstIndex(of: "\"") {
            return String(arguments[arguments.index(after: quote)...].prefix { $0 != "\"" })
        }
        return nil
    }

    /// Components that hold other content (`<Accordion title="S3">`): a variable's section ends there.
    static func opensContainerComponent(_ line: String) -> Bool {
        guard let name = componentTagName(line), !name.isClosing else { return false }
        return !calloutComponents.contains(name.name)
    }

    /// Callouts that belong to the text around them.
    static let calloutComponents: Set<String> = [
        "Info", "Note", "Tip", "Warning", "Check", "Danger", "Caution", "Important", "Callout", "Aside", "Admonition",
    ]

    /// Whether the line is nothing but one MDX component tag (`<Info>`, `</Note>`, `<Tabs items={…}>`).
    static func isComponentTagLine(_ line: String) -> Bool {
        componentTagName(line) != nil
    }

    private static func componentTagName(_ line: String) -> (name: String, isClosing: Bool)? {
        let trimmed = line.trimmingWhitespace()
        guard trimmed.hasPrefix("<"), trimmed.hasSuffix(">") else { return nil }
        var body = trimmed.dropFirst()
        let isClosing = body.hasPrefix("/")
        if isClosing { body = body.dropFirst() }
        let name = body.prefix { $0.isLetter || $0.isNumber || $0 == "." }
        guard let first = name.first, first.isUppercase, first.isASCII else { return nil }
        // One tag only: no second `<` inside.
        guard !trimmed.dropFirst().contains("<") else { return nil }
        return (String(name), isClosing)
    }

    /// Whether the line is a complete HTML comment.
    static func isCommentLine(_ line: String) -> Bool {
        let trimmed = line.trimmingWhitespace()
        return trimmed.hasPrefix("<!--") && trimmed.hasSuffix("-->")
    }

    /// Turns runs of `<br>`, `<br/>` and `<br></br>` into a paragraph break, the Markdown equivalent.
    static func replacingLineBreakTags(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "<")), text.range(of: "<br", options: .caseInsensitive) != nil else { return text }
        var result = ""
        var rest = Substring(text)
        while let tag = rest.range(of: "<br", options: .caseInsensitive) {
            let afterName = rest[tag.upperBound...]
            guard let end = afterName.firstIndex(of: ">"), afterName[..<end].allSatisfy({ $0 == " " || $0 == "/" }) else {
                result += rest[..<tag.upperBound]
                rest = afterName
                continue
            }
            result = (result + rest[..<tag.lowerBound]).trimmingTrailingSpaces()
            if !result.hasSuffix("\n\n") { result += "\n\n" }
            rest = rest[rest.index(after: end)...]
            while true {
                let trimmed = rest.drop { $0 == " " }
                if trimmed.lowercased().hasPrefix("</br>") {
                    rest = trimmed.dropFirst(5)
                } else if trimmed.lowercased().hasPrefix("<br"), let close = trimmed.firstIndex(of: ">"),
                    trimmed[trimmed.index(trimmed.startIndex, offsetBy: 3)..<close].allSatisfy({ $0 == " " || $0 == "/" })
                {
                    rest = trimmed[trimmed.index(after: close)...]
                } else {
                    rest = trimmed
                    break
                }
            }
        }
        return result + rest
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
