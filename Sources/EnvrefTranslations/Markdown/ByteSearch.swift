extension StringProtocol {
    /// Whether the UTF-8 bytes of `needle` occur in a row.
    ///
    /// A cheap first test before `contains`, which compares Characters and is slow on text checked by the
    /// thousand: without the bytes there can be no match. With them, `contains` still decides, so a
    /// combining mark after the needle keeps meaning what it always did.
    func mayContain(_ needle: String) -> Bool {
        guard let first = needle.utf8.first else { return true }
        var rest = utf8[...]
        while let start = rest.firstIndex(of: first) {
            if rest[start...].starts(with: needle.utf8) { return true }
            rest = rest[rest.index(after: start)...]
        }
        return false
    }

    /// `contains(needle)`, with `mayContain` first so text without the bytes is settled by a byte scan.
    func quicklyContains(_ needle: String) -> Bool {
        mayContain(needle) && contains(needle)
    }
}
