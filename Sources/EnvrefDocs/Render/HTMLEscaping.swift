import Mustache

/// HTML escaping for `{{tag}}`s, done on UTF-8 bytes; `TemplateSet` makes it the `HTML` content type.
///
/// swift-mustache's own escaper looks every `Character` up in a dictionary. A quote or angle bracket
/// followed by a combining mark is one `Character` that matches no entry, so it reached the page raw:
/// `"` + U+0301 in an interface string ended the `title` attribute it was placed in. The five escaped
/// characters are ASCII, and UTF-8 never uses an ASCII byte inside a longer sequence, so working on bytes
/// catches every one of them. It is also many times faster: the dictionary walk was 6% of a large build.
struct HTMLEscaping: MustacheContentType {
    /// `text` with `<`, `>`, `&`, `"` and `'` replaced by the entities swift-mustache uses.
    func escapeText(_ text: String) -> String {
        Self.escape(text)
    }

    /// `text` with `<`, `>`, `&`, `"` and `'` replaced by the entities swift-mustache uses.
    static func escape(_ text: String) -> String {
        var text = text
        // Most texts have nothing to escape and are handed back as they are, without a copy.
        let escaped = text.withUTF8 { bytes -> String? in
            var extraBytes = 0
            for byte in bytes { extraBytes += entity(for: byte).map { $0.utf8CodeUnitCount - 1 } ?? 0 }
            guard extraBytes > 0 else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count + extraBytes) { buffer in
                var written = 0
                for byte in bytes {
                    if let entity = entity(for: byte) {
                        entity.withUTF8Buffer { entityBytes in
                            for entityByte in entityBytes {
                                buffer[written] = entityByte
                                written += 1
                            }
                        }
                    } else {
                        buffer[written] = byte
                        written += 1
                    }
                }
                return written
            }
        }
        return escaped ?? text
    }

    /// The entity that stands for `byte`, or `nil` when the byte is written as it is.
    private static func entity(for byte: UInt8) -> StaticString? {
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
