/// The characters of a text as its first Unicode scalar and range, grouped the way `Character` groups
/// them for prose: a scalar that extends a grapheme (combining and spacing marks, joiners, variation
/// selectors) belongs to the character before it, unless that is a line break or other control.
/// Rarer grapheme rules (Hangul syllable parts, emoji sequences, prepended marks) are left out: they join
/// letters to letters or symbols to symbols, which does not change where a word starts or ends.
struct ScalarCharacters {
    /// One character: its first scalar, where it lies, and whether it is that scalar alone.
    struct Element {
        var first: Unicode.Scalar
        var range: Range<String.Index>
        var isSingleScalar: Bool

        /// Whether the character is exactly `scalar`, with nothing combined with it.
        func `is`(_ scalar: Unicode.Scalar) -> Bool { isSingleScalar && first == scalar }
    }

    private let scalars: String.UnicodeScalarView
    private var index: String.Index
    private var peeked: Element?

    init(_ text: String) {
        scalars = text.unicodeScalars
        index = scalars.startIndex
    }

    /// The next character, or `nil` at the end.
    mutating func next() -> Element? {
        if let element = peeked {
            peeked = nil
            return element
        }
        return read()
    }

    /// The next character, left to be returned by `next()`.
    mutating func peek() -> Element? {
        if peeked == nil { peeked = read() }
        return peeked
    }

    private mutating func read() -> Element? {
        guard index < scalars.endIndex else { return nil }
        let start = index
        let first = scalars[index]
        scalars.formIndex(after: &index)
        var isSingleScalar = true
        // Nothing combines with a line break or another control character.
        while !Self.isControl(first), index < scalars.endIndex, Self.extendsCharacter(scalars[index]) {
            isSingleScalar = false
            scalars.formIndex(after: &index)
        }
        return Element(first: first, range: start..<index, isSingleScalar: isSingleScalar)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x20 || scalar.value == 0x7F { return true }
        guard scalar.value >= 0x80 else { return false }
        switch scalar.properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator: return true
        case .format: return scalar.value != 0x200C && scalar.value != 0x200D
        default: return false
        }
    }

    private static func extendsCharacter(_ scalar: Unicode.Scalar) -> Bool {
        // Nothing below U+0300 extends a character; this settles ASCII and Latin-1 without a table lookup.
        guard scalar.value >= 0x300 else { return false }
        let properties = scalar.properties
        return properties.isGraphemeExtend || properties.generalCategory == .spacingMark || scalar.value == 0x200D
    }
}
