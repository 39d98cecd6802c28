import EnvrefMarkdown

/// The code a Markdown text contains.
enum CodeSpans {
    /// The contents of every code span and code block, in order.
    static func code(in markdown: String) -> [String] {
        guard markdown.quicklyContains("`") || markdown.quicklyContains("    ") || markdown.quicklyContains("~~~")
        else { return [] }
        return MarkdownDocument(markdown).root.allNodes.compactMap { node in
            node.type == "code" || node.type == "code_block" ? node.literal : nil
        }
    }
}
