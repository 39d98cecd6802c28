/// What Markdown code spans and fences around a text need.
public enum MarkdownCode {
    /// The longest run of backticks in `text`, counted on bytes as Markdown readers count them: a backtick
    /// followed by a combining mark is one `Character` with the mark, but still opens or closes a span.
    public static func longestBacktickRun(in text: String) -> Int {
        var longest = 0, current = 0
        for byte in text.utf8 {
            current = byte == UInt8(ascii: "`") ? current + 1 : 0
            longest = max(longest, current)
        }
        return longest
    }

    /// `code` in a span whose fence is longer than any backtick run inside it.
    ///
    /// A backtick at either end would join the fence, so the code is padded with a space there; with
    /// `padLeadingSpace`, a leading space is padded too, so a reader that strips one space from each end of a
    /// span (as GFM does when both ends have one) cannot take it.
    public static func span(_ code: String, padLeadingSpace: Bool) -> String {
        let fence = String(repeating: "`", count: longestBacktickRun(in: code) + 1)
        let first = code.utf8.first, last = code.utf8.last
        let needsPadding = first == UInt8(ascii: "`") || last == UInt8(ascii: "`") || (padLeadingSpace && first == UInt8(ascii: " "))
        let padding = needsPadding ? " " : ""
        return fence + padding + code + padding + fence
    }
}
