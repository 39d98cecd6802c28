import EnvrefCore

/// The registry's bytes, checked to be UTF-8 without control characters, with positions for diagnostics.
struct SourceText {
    /// The decoded text.
    let text: String
    /// The path diagnostics show.
    let path: String

    /// Stop listing control characters after this many; the file is clearly not text.
    static let maximumReportedCharacters = 10

    /// Decodes UTF-8, or describes where the first invalid byte and every control character are.
    ///
    /// libyaml refuses control characters too, but only says "control characters are not allowed"
    /// at the start of the file; finding them here gives each one its line and column.
    static func decode(_ bytes: [UInt8], path: String) -> Result<SourceText, DiagnosticsError> {
        if let encoding = unicodeEncodingOtherThanUTF8(bytes) {
            return .failure(DiagnosticsError([.error(
                "the file is \(encoding) (it starts with a \(encoding) byte-order mark); save it as UTF-8",
                at: SourceLocation(path: path, line: 1, column: 1))]))
        }
        if !containsForbiddenCharacter(bytes), let text = String(validating: bytes, as: UTF8.self) {
            // The common case: one byte scan and the standard library's validation, with no per-character
            // work. The walk below only runs to locate what is wrong.
            return .success(SourceText(text: withoutByteOrderMark(text), path: path))
        }
        var position = TextPosition()
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        var problems: [Diagnostic] = []
        loop: while true {
            let startOfScalar = offset
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
                if let problem = problem(with: scalar, isFirst: startOfScalar == 0), problems.count < maximumReportedCharacters {
                    problems.append(.error(problem, at: SourceLocation(path: path, line: position.line, column: position.column)))
                }
                position.advance(over: scalar)
            case .emptyInput:
                break loop
            case .error:
                let byte = bytes[startOfScalar]
                let hex = String(byte, radix: 16, uppercase: true)
                problems.append(.error(
                    "the file is not valid UTF-8 (byte 0x\(hex.count == 1 ? "0" + hex : hex) at offset \(startOfScalar)); save it as UTF-8",
                    at: SourceLocation(path: path, line: position.line, column: position.column)))
                break loop
            }
        }
        guard problems.isEmpty else { return .failure(DiagnosticsError(problems)) }
        // Not reached while the byte scan above and `problem(with:isFirst:)` agree; if they ever part, the
        // bytes are still decoded rather than lost, without a second copy of the text built along the way.
        return .success(SourceText(text: withoutByteOrderMark(String(decoding: bytes, as: UTF8.self)), path: path))
    }

    /// The text without the UTF-8 byte-order mark some editors put first.
    private static func withoutByteOrderMark(_ text: String) -> String {
        var text = text
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        return text
    }

    /// Whether the bytes hold anything `problem(with:isFirst:)` refuses: a C0 control other than tab and
    /// line breaks, DEL, a C1 control (0xC2 0x80–0x9F, except NEL), or a byte-order mark after the start.
    private static func containsForbiddenCharacter(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            for index in buffer.indices {
                switch buffer[index] {
                case 0x09, 0x0A, 0x0D:
                    continue
                case 0x00...0x1F, 0x7F:
                    return true
                case 0xC2 where index + 1 < buffer.count && (0x80...0x9F).contains(buffer[index + 1]) && buffer[index + 1] != 0x85:
                    return true
                case 0xEF where index > 0 && index + 2 < buffer.count && buffer[index + 1] == 0xBB && buffer[index + 2] == 0xBF:
                    return true
                default:
                    continue
                }
            }
            return false
        }
    }

    /// Why `scalar` may not appear in a registry, if it may not.
    private static func problem(with scalar: Unicode.Scalar, isFirst: Bool) -> String? {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D:
            return nil
        case 0x00:
            return "the file contains a NUL byte, which YAML does not allow; a registry is plain text"
        case 0x01...0x1F, 0x7F...0x84, 0x86...0x9F:
            return "the file contains the control character \(String(scalar)), which YAML does not allow; remove it"
        case 0xFEFF where !isFirst:
            return "a byte-order mark (U+FEFF) appears inside the file, where it is invisible but changes the text; remove it"
        default:
            return nil
        }
    }

    /// The name of a UTF-16 or UTF-32 encoding announced by a byte-order mark.
    private static func unicodeEncodingOtherThanUTF8(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return "UTF-32" }
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return "UTF-32" }
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16" }
        return nil
    }

    /// A location from libyaml's 0-based line and column.
    func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(path: path, line: line + 1, column: column + 1)
    }

    /// Whether the text holds nothing but white space and comments.
    var isBlank: Bool {
        // Line by line over the bytes: this runs on every registry, and splitting a large one into
        // substrings would cost more than loading it.
        // Every other byte ends the scan, so each case below is at the start of a line or after indentation.
        var utf8 = text.utf8[...]
        while let byte = utf8.first {
            switch byte {
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: " "), UInt8(ascii: "\t"):
                utf8 = utf8.dropFirst()
            case UInt8(ascii: "#"):
                utf8 = utf8.drop { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }
            case UInt8(ascii: "-"), UInt8(ascii: "."):
                // A document marker (`---` or `...`) alone on its line.
                let marker = utf8.prefix { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }
                let trimmed = marker.reversed().drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
                guard Array(trimmed.reversed()) == Array((byte == UInt8(ascii: "-") ? "---" : "...").utf8) else { return false }
                utf8 = utf8.dropFirst(marker.count)
            default:
                return false
            }
        }
        return true
    }
}

/// A 1-based line and column that counts `\n`, `\r\n` and a lone `\r` as line breaks, as YAML does.
struct TextPosition {
    /// The current line.
    private(set) var line = 1
    /// The current column, in Unicode scalars.
    private(set) var column = 1
    private var afterCarriageReturn = false

    /// Moves past one scalar.
    mutating func advance(over scalar: Unicode.Scalar) {
        switch scalar {
        case "\n" where afterCarriageReturn:
            afterCarriageReturn = false
        case "\n", "\r":
            line += 1
            column = 1
            afterCarriageReturn = scalar == "\r"
        default:
            column += 1
            afterCarriageReturn = false
        }
    }
}
