extension StringProtocol {
    /// The text without the white space Unicode names at either end, including non-breaking spaces and line breaks.
    ///
    /// Trimmed by Unicode scalar, as Python's `str.strip` trims: a combining mark after a space stays, where
    /// trimming whole `Character`s would drop it with the space. (Python also strips U+001C to U+001F, which
    /// Unicode does not count as white space; the settings-file reader handles those itself.)
    public func trimmingWhitespace() -> String {
        // Most texts start and end with printable ASCII, which no white-space character is; two bytes decide them.
        let bytes = Substring(self).utf8
        if let first = bytes.first, let last = bytes.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return String(self)
        }
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start...end])
        return String(view)
    }
}
