import EnvrefCore

/// The registry's bytes, checked to be UTF-8, with positions for diagnostics.
struct SourceText {
    /// The decoded text.
    let text: String
    /// The path diagnostics show.
    let path: String

    /// Decodes UTF-8, or describes where the first invalid byte is.
    static func decode(_ bytes: [UInt8], path: String) -> Result<SourceText, Diagnostic> {
        var line = 1, column = 1
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        var startOfScalar = 0
        loop: while true {
            startOfScalar = offset
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += String(scalar).utf8.count
                scalars.append(scalar)
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput:
                break loop
            case .error:
                let byte = bytes[startOfScalar]
                let hex = String(byte, radix: 16, uppercase: true)
                return .failure(.error(
                    "the file is not valid UTF-8 (byte 0x\(hex.count == 1 ? "0" + hex : hex) at offset \(startOfScalar)); save it as UTF-8",
                    at: SourceLocation(path: path, line: line, column: column)))
            }
        }
        var text = String(scalars)
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        return .success(SourceText(text: text, path: path))
    }

    /// A location from libyaml's 0-based line and column.
    func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(path: path, line: line + 1, column: column + 1)
    }

    /// Whether the text holds nothing but white space and comments.
    var isBlank: Bool {
        text.split(separator: "\n", omittingEmptySubsequences: true).allSatisfy { line in
            let trimmed = line.drop { $0 == " " || $0 == "\t" || $0 == "\r" }
            return trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed == "---" || trimmed == "..."
        }
    }
}
