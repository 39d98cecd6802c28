extension String {
    /// The text without U+FEFF, for text from outside (pages, PO files) on its way into the registry.
    ///
    /// No registry value can hold it: Yams reads every value through Foundation's UTF-8 decoding, which drops a
    /// U+FEFF at the start, so a description of only that would load back as empty and an edited one would not
    /// match what was written. Inside text, where files were joined, it is a zero-width no-break space that
    /// shows nothing, so nothing a reader sees is lost. A text without one is handed back as it is.
    public func removingByteOrderMarks() -> String {
        guard unicodeScalars.contains("\u{FEFF}") else { return self }
        return String(String.UnicodeScalarView(unicodeScalars.filter { $0 != "\u{FEFF}" }))
    }
}
