import EnvrefCore
import Mustache

/// HTML escaping for `{{tag}}`s, done on UTF-8 bytes; `TemplateSet` makes it the `HTML` content type.
///
/// swift-mustache's own escaper looks every `Character` up in a dictionary. A quote or angle bracket
/// followed by a combining mark is one `Character` that matches no entry, so it reached the page raw:
/// `"` + U+0301 in an interface string ended the `title` attribute it was placed in. Working on bytes
/// catches every one of them, and is many times faster: the dictionary walk was 6% of a large build.
struct HTMLEscaping: MustacheContentType {
    /// `text` with `<`, `>`, `&`, `"` and `'` replaced by the entities swift-mustache uses.
    func escapeText(_ text: String) -> String {
        text.replacingASCII { byte in
            switch byte {
            case UInt8(ascii: "<"): "&lt;"
            case UInt8(ascii: ">"): "&gt;"
            case UInt8(ascii: "&"): "&amp;"
            case UInt8(ascii: "\""): "&quot;"
            case UInt8(ascii: "'"): "&#39;"
            default: nil
            }
        }
    }
}
