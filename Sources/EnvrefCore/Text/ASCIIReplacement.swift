extension String {
    /// The text with every ASCII byte that `replacement` maps to a string replaced by that string.
    ///
    /// Escapers for formats that other programs read (HTML, Markdown, GitHub annotations) work on UTF-8 bytes,
    /// as those programs do: a quote or pipe followed by a combining mark is one `Character` that matches no
    /// table entry, yet still a quote or pipe to a reader. UTF-8 never uses an ASCII byte inside a longer
    /// sequence, so `replacement` is asked only about ASCII bytes, and the result stays valid text. A text
    /// with nothing to replace is handed back as it is, without a copy.
    public func replacingASCII(_ replacement: (UInt8) -> StaticString?) -> String {
        var text = self
        let replaced = text.withUTF8 { bytes -> String? in
            var count = 0, replacesAny = false
            for byte in bytes {
                if byte < 0x80, let substitute = replacement(byte) {
                    count += substitute.utf8CodeUnitCount
                    replacesAny = true
                } else {
                    count += 1
                }
            }
            guard replacesAny else { return nil }
            return String(unsafeUninitializedCapacity: count) { buffer in
                var written = 0
                for byte in bytes {
                    guard byte < 0x80, let substitute = replacement(byte) else {
                        buffer[written] = byte
                        written += 1
                        continue
                    }
                    substitute.withUTF8Buffer { substituteBytes in
                        for substituteByte in substituteBytes {
                            buffer[written] = substituteByte
                            written += 1
                        }
                    }
                }
                return written
            }
        }
        return replaced ?? self
    }
}
