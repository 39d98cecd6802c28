/// One place a source file mentions a variable name.
public struct NameReference: Hashable, Sendable {
    /// The name, such as `WANDB_MODE`.
    public var name: String
    /// 1-based line.
    public var line: Int
    /// 1-based column, in Unicode scalars.
    public var column: Int
}

/// Match stage: finds every name with the prefix in a text, in any language: `os.environ["WANDB_X"]`,
/// `os.Getenv("WANDB_X")`, `$WANDB_X`, `${WANDB_X:-}`, Swift string literals and comments alike.
///
/// A name is the prefix followed by upper-case letters, digits and underscores, not preceded by an
/// identifier character. The bare prefix and names ending in `_` are skipped: they are prefixes being
/// built (`f"WANDB_{key}"`), not variables. So are names that run on into lower-case letters.
public struct NameMatcher: Sendable {
    /// The prefix names start with, such as `WANDB_`.
    public var prefix: String

    /// Creates a matcher.
    public init(prefix: String) {
        self.prefix = prefix
    }

    /// Every reference in `text`, in order.
    public func references(in text: String) -> [NameReference] {
        let prefixScalars = Array(prefix.unicodeScalars)
        guard !prefixScalars.isEmpty else { return [] }
        var references: [NameReference] = []
        // `\r\n` is one Character in Swift, so splitting on "\n" alone would miss Windows line ends.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        for (lineIndex, line) in lines.enumerated() {
            let scalars = Array(line.unicodeScalars)
            var index = 0
            while index + prefixScalars.count <= scalars.count {
                guard scalars[index] == prefixScalars[0], Array(scalars[index..<index + prefixScalars.count]) == prefixScalars,
                    index == 0 || !Self.isIdentifierScalar(scalars[index - 1])
                else {
                    index += 1
                    continue
                }
                var end = index + prefixScalars.count
                while end < scalars.count, Self.isNameScalar(scalars[end]) { end += 1 }
                let runsOn = end < scalars.count && Self.isIdentifierScalar(scalars[end])
                var name = String.UnicodeScalarView()
                name.append(contentsOf: scalars[index..<end])
                let text = String(name)
                if !runsOn, text.count > prefix.count, !text.hasSuffix("_") {
                    references.append(NameReference(name: text, line: lineIndex + 1, column: index + 1))
                }
                index = max(end, index + 1)
            }
        }
        return references
    }

    private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_"
    }

    private static func isIdentifierScalar(_ scalar: Unicode.Scalar) -> Bool {
        isNameScalar(scalar) || ("a"..."z").contains(scalar) || (scalar.value > 0x7f && scalar.properties.isAlphabetic)
    }
}
