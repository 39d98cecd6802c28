import EnvrefMarkdown

/// The code a Markdown text contains.
enum CodeSpans {
    /// The contents of every code span and code block, in order.
    static func code(in markdown: String) -> [String] {
        guard mayContain(UInt8(ascii: "`"), 1, in: markdown) && markdown.contains("`")
            || mayContain(UInt8(ascii: " "), 4, in: markdown) && markdown.contains("    ")
            || mayContain(UInt8(ascii: "~"), 3, in: markdown) && markdown.contains("~~~")
        else { return [] }
        return MarkdownDocument(markdown).root.allNodes.compactMap { node in
            node.type == "code" || node.type == "code_block" ? node.literal : nil
        }
    }

    /// Whether `count` `byte`s occur in a row. Foundation's `contains` is slow and runs on every
    /// translation; none of these ASCII characters has a canonical equivalent, so where the bytes are
    /// missing it cannot match either, and it is asked only when they are there.
    private static func mayContain(_ byte: UInt8, _ count: Int, in text: String) -> Bool {
        var run = 0
        for current in text.utf8 {
            run = current == byte ? run + 1 : 0
            if run == count { return true }
        }
        return false
    }
}
