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
}
