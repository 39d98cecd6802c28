import CCmarkGFM

/// One node of a parsed Markdown tree, as a Swift value.
public struct MarkdownNode: Hashable, Sendable {
    /// cmark's name for the node type: `paragraph`, `text`, `code`, `table`, `table_row`, `table_cell`, ...
    public var type: String
    /// The text of leaf nodes (`text`, `code`, `code_block`, `html_inline`, `html_block`).
    public var literal: String?
    /// The target of a `link` or `image`.
    public var destination: String?
    /// The level of a `heading`.
    public var headingLevel: Int?
    /// Whether a table row is the header row (cmark names it `table_header`).
    public var isTableHeader: Bool
    /// Whether a `list` is ordered.
    public var isOrderedList: Bool
    /// 1-based line where the node starts in the source.
    public var line: Int
    /// 1-based column where the node starts in the source, in bytes.
    public var column: Int
    /// 1-based line where the node ends in the source.
    public var endLine: Int
    /// For a `table`, how many columns its delimiter row declares; 0 otherwise.
    public var tableColumnCount: Int
    /// Child nodes in document order.
    public var children: [MarkdownNode]
    /// Set on a node deeper than `maximumDepth`: its descendants' text is in `literal`, its children are dropped.
    public var isFlattened = false

    /// Deepest level copied as a tree. Real documents nest a few levels; a hostile one can nest
    /// thousands, and walking or freeing such a tree of Swift values recursively would overflow the stack.
    public static let maximumDepth = 64

    init(copying node: OpaquePointer, depth: Int = 0) {
        type = cmark_node_get_type_string(node).map { String(cString: $0) } ?? "unknown"
        let nodeType = cmark_node_get_type(node)
        let leafTypes = [CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_INLINE, CMARK_NODE_HTML_BLOCK]
        literal = leafTypes.contains(nodeType) ? cmark_node_get_literal(node).map { String(cString: $0) } : nil
        destination = (nodeType == CMARK_NODE_LINK || nodeType == CMARK_NODE_IMAGE)
            ? cmark_node_get_url(node).map { String(cString: $0) } : nil
        headingLevel = nodeType == CMARK_NODE_HEADING ? Int(cmark_node_get_heading_level(node)) : nil
        isTableHeader = type == "table_header" || (type == "table_row" && cmark_gfm_extensions_get_table_row_is_header(node) != 0)
        isOrderedList = nodeType == CMARK_NODE_LIST && cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
        line = Int(cmark_node_get_start_line(node))
        column = Int(cmark_node_get_start_column(node))
        endLine = Int(cmark_node_get_end_line(node))
        tableColumnCount = type == "table" ? Int(cmark_gfm_extensions_get_table_columns(node)) : 0
        guard depth < Self.maximumDepth else {
            // Too deep to keep as a tree: keep the text, gathered by cmark's own iterative walk.
            literal = (literal ?? "") + Self.text(below: node)
            children = []
            isFlattened = true
            return
        }
        var children: [MarkdownNode] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            children.append(MarkdownNode(copying: current, depth: depth + 1))
            child = cmark_node_next(current)
        }
        self.children = children
    }

    private static func text(below node: OpaquePointer) -> String {
        var text = ""
        let iterator = cmark_iter_new(node)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator), current != node else { continue }
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(current) {
                text += String(cString: literal)
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                text += " "
            }
        }
        return text
    }

    /// This node and all its descendants, depth first.
    public var allNodes: [MarkdownNode] {
        [self] + children.flatMap(\.allNodes)
    }

    /// The concatenated text of the node's `text` and `code` descendants.
    public var plainText: String {
        if let literal, type == "text" || type == "code" || isFlattened { return literal }
        if type == "softbreak" || type == "linebreak" { return " " }
        return children.map(\.plainText).joined()
    }
}
