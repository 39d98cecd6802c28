/// Finds regular expressions that can take exponential time to match (catastrophic backtracking).
///
/// `pattern` constraints run against environment values at runtime, where a value can come from
/// anyone who can set the environment. A backtracking engine facing a repeated group whose body can
/// end in a repeat, such as `(a+)+` or `(\w+\s?)*`, tries every way of splitting the input between the
/// two repeats, so a 30-character value can take minutes. Such patterns can always be rewritten, so
/// they are refused. A separator after the inner repeat, as in `([a-z]+\.)+`, makes the split
/// unambiguous and is accepted.
enum PatternSafety {
    /// The first repeated group whose body can end in a repeat, such as `(a+)+`, if there is one.
    ///
    /// The pattern is read by Unicode scalars, as ICU reads it: a combining mark after `+` or `)` makes one
    /// `Character` of the two, which would hide the quantifier or the group's end from a `Character` scan.
    static func nestedRepetition(in pattern: String) -> String? {
        var scanner = Scanner(scalars: Array(pattern.unicodeScalars))
        _ = scanner.sequence()
        return scanner.finding
    }

    private struct Scanner {
        let scalars: [Unicode.Scalar]
        var index = 0
        var finding: String?

        /// Reads alternatives up to `)` or the end; returns whether any alternative can end in a repeat.
        mutating func sequence() -> Bool {
            var anyTailRepeats = false
            var tailRepeats = false
            while index < scalars.count, scalars[index] != ")" {
                if scalars[index] == "|" {
                    anyTailRepeats = anyTailRepeats || tailRepeats
                    tailRepeats = false
                    index += 1
                    continue
                }
                let start = index
                let atomTailRepeats = atom()
                let quantifier = self.quantifier()
                switch quantifier {
                case .many:
                    if atomTailRepeats, finding == nil { finding = text(start..<index) }
                    tailRepeats = true
                case .optional:
                    tailRepeats = tailRepeats || atomTailRepeats
                case .once:
                    tailRepeats = atomTailRepeats
                }
            }
            return anyTailRepeats || tailRepeats
        }

        /// Reads one atom; returns whether it is a group that can end in a repeat.
        mutating func atom() -> Bool {
            let scalar = scalars[index]
            switch scalar {
            case "\\":
                index = min(scalars.count, index + 2)
            case "[":
                index += 1
                if index < scalars.count, scalars[index] == "^" { index += 1 }
                if index < scalars.count, scalars[index] == "]" { index += 1 }
                while index < scalars.count, scalars[index] != "]" {
                    index += scalars[index] == "\\" ? 2 : 1
                }
                index = min(scalars.count, index + 1)
            case "(":
                index += 1
                if index < scalars.count, scalars[index] == "?" {
                    // Skip a group modifier such as `?:`, `?=` or `?<name>`.
                    while index < scalars.count, !":=!>".unicodeScalars.contains(scalars[index]) { index += 1 }
                    index = min(scalars.count, index + 1)
                }
                let tail = sequence()
                index = min(scalars.count, index + 1)
                return tail
            default:
                index += 1
            }
            return false
        }

        enum Quantifier { case once, optional, many }

        /// The pattern's text over `range`.
        func text(_ range: Range<Int>) -> String {
            String(String.UnicodeScalarView(scalars[range]))
        }

        /// Reads a quantifier (and a lazy or possessive mark) after an atom.
        mutating func quantifier() -> Quantifier {
            guard index < scalars.count else { return .once }
            var result = Quantifier.once
            switch scalars[index] {
            case "*": result = .many; index += 1
            case "+": result = .many; index += 1
            case "?": result = .optional; index += 1
            case "{":
                guard let close = scalars[index...].firstIndex(of: "}") else { return .once }
                let bounds = text((index + 1)..<close).split(separator: ",", omittingEmptySubsequences: false)
                guard let lower = bounds.first.flatMap({ Int($0) }), bounds.count <= 2 else { return .once }
                let upper = bounds.count == 1 ? lower : (bounds[1].isEmpty ? Int.max : Int(bounds[1]) ?? lower)
                // An exact count such as `{4}` matches one length only, so it cannot split input ambiguously.
                result = upper > max(lower, 1) ? .many : (lower == 0 ? .optional : .once)
                index = close + 1
            default:
                return .once
            }
            if index < scalars.count, scalars[index] == "?" || scalars[index] == "+" { index += 1 }
            return result
        }
    }
}
