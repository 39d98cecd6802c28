import CCmarkGFM
import EnvrefCore
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// GitHub-flavoured Markdown parsed by cmark-gfm, with tables, autolinks, strikethrough and tagfilter on.
public struct MarkdownDocument: Sendable {
    /// The Markdown text as given.
    public let source: String
    /// The parsed tree, copied out of cmark so it can be walked safely from Swift.
    public let root: MarkdownNode

    /// The GFM extensions every parse attaches.
    public static let extensionNames = ["table", "autolink", "strikethrough", "tagfilter"]

    /// Parses GitHub-flavoured Markdown.
    public init(_ source: String) {
        self.source = source
        root = CMark.withParsedTree(source) { tree, _ in MarkdownNode(copying: tree) }
    }

    /// Parses once and keeps the rendered HTML too, for callers that need both the tree and
    /// `html()`: each parse costs as much as the rendering, and descriptions are parsed by the thousand.
    public static func parsingWithHTML(_ source: String) -> (document: MarkdownDocument, html: String) {
        CMark.withParsedTree(source) { tree, extensions in
            // Copied before the neutralising passes, so the tree is the text as written, as `init` gives.
            let document = MarkdownDocument(source: source, root: MarkdownNode(copying: tree))
            return (document, CMark.renderSafeHTML(tree, extensions))
        }
    }

    private init(source: String, root: MarkdownNode) {
        self.source = source
        self.root = root
    }

    /// Renders the document to HTML.
    ///
    /// Raw HTML in the input is shown as text instead of being passed through, and links and
    /// images keep their target only for `http`, `https`, `mailto` or a relative address, so
    /// content never injects markup or script (`javascript:`, `data:`, `vbscript:`, …).
    public func html() -> String {
        Self.html(source)
    }

    /// Renders Markdown to HTML as `html()` does, without copying the tree into Swift values.
    public static func html(_ source: String) -> String {
        CMark.withParsedTree(source) { tree, extensions in CMark.renderSafeHTML(tree, extensions) }
    }
}

/// Ownership and set-up of cmark-gfm parsers.
enum CMark {
    /// Registers the core extensions once per process; cmark keeps them in a global registry.
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// cmark-gfm adds each extension's special characters to a process-wide table while it parses inlines (in
    /// `cmark_parser_finish`, and in `cmark_parser_feed` for table rows) and removes them at the end, so two
    /// parses at once can corrupt each other: one at a time. What `body` does with the finished tree (walking,
    /// copying, rendering HTML) reads only the tree and the parser's own extension list, so it runs unlocked.
    private static let parsing = Mutex(())

    static func withParsedTree<Result>(_ source: String, _ body: (OpaquePointer, UnsafeMutablePointer<cmark_llist>?) -> Result) -> Result {
        _ = registered
        let parser = cmark_parser_new(CMARK_OPT_DEFAULT)!
        defer { cmark_parser_free(parser) }
        for name in MarkdownDocument.extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        var bytes = Array(source.utf8)
        nonisolated(unsafe) let unsafeParser = parser
        let tree = parsing.withLock { _ in
            bytes.withUnsafeMutableBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) { pointer in
                    cmark_parser_feed(unsafeParser, pointer, buffer.count)
                }
            }
            // Handed out of the lock to this same thread, the only one that ever uses the tree.
            return UncheckedSendable(cmark_parser_finish(unsafeParser)!)
        }.value
        defer { cmark_node_free(tree) }
        return body(tree, cmark_parser_get_syntax_extensions(parser))
    }

    /// The HTML of a parsed tree with raw HTML and unsafe link targets neutralised; changes the tree.
    static func renderSafeHTML(_ tree: OpaquePointer, _ extensions: UnsafeMutablePointer<cmark_llist>?) -> String {
        neutraliseRawHTML(in: tree)
        neutraliseUnsafeURLs(in: tree)
        guard let rendered = cmark_render_html(tree, CMARK_OPT_DEFAULT, extensions) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// The URL schemes a link or image may use; anything else loses its target.
    static let allowedURLSchemes: Set<String> = ["http", "https", "mailto"]

    /// Empties the target of every link and image whose URL names a scheme outside `allowedURLSchemes`.
    static func neutraliseUnsafeURLs(in tree: OpaquePointer) {
        let iterator = cmark_iter_new(tree)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE,
                  let url = cmark_node_get_url(node).map({ String(cString: $0) }),
                  let scheme = urlScheme(url), !allowedURLSchemes.contains(scheme)
            else { continue }
            cmark_node_set_url(node, "")
        }
    }

    /// The lowercased scheme of `url`, or `nil` for a relative address. Control characters and
    /// spaces before the colon still count, as browsers skip them (`java\tscript:`).
    static func urlScheme(_ url: String) -> String? {
        var scheme = ""
        for scalar in url.unicodeScalars {
            switch scalar {
            case ":": return scheme.isEmpty ? nil : scheme.lowercased()
            case "/", "?", "#": return nil
            case _ where scalar.value <= 0x20: continue
            default: scheme.unicodeScalars.append(scalar)
            }
        }
        return nil
    }

    /// Replaces raw HTML nodes with text nodes holding the same characters.
    static func neutraliseRawHTML(in tree: OpaquePointer) {
        var rawNodes: [OpaquePointer] = []
        let iterator = cmark_iter_new(tree)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_HTML_INLINE || type == CMARK_NODE_HTML_BLOCK { rawNodes.append(node) }
        }
        for node in rawNodes {
            let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            let text = cmark_node_new(CMARK_NODE_TEXT)!
            cmark_node_set_literal(text, literal.hasSuffix("\n") ? String(literal.dropLast()) : literal)
            if cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK {
                let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH)!
                cmark_node_append_child(paragraph, text)
                cmark_node_replace(node, paragraph)
            } else {
                cmark_node_replace(node, text)
            }
            cmark_node_free(node)
        }
    }
}
