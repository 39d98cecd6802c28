import EnvrefCore
import EnvrefRegistry
import Foundation
import Yams

/// The metadata block at the top of a page: YAML between `---` lines, or TOML between `+++` lines.
struct FrontMatter {
    /// How many lines the block takes, fences included; 0 when the page has none.
    var lineCount: Int
    /// The language the metadata declares, as written.
    var language: String?
    /// Where the language is declared.
    var languageLine: Int?
    /// Problems reading the block.
    var diagnostics: [Diagnostic] = []

    /// The keys pages use to declare their language (Hugo, Jekyll, Docusaurus, Mintlify and others).
    static let languageKeys: Set<String> = ["lang", "language", "locale", "languagecode", "language_code"]

    /// Reads the front matter of `lines`, if any.
    init(lines: [Substring], path: String) {
        lineCount = 0
        guard let fence = lines.first.map({ $0.trimmingWhitespace() }), fence == "---" || fence == "+++" else { return }
        let closers: Set<String> = fence == "---" ? ["---", "..."] : ["+++"]
        guard let end = lines.indices.dropFirst().first(where: { closers.contains(lines[$0].trimmingWhitespace()) }) else {
            return
        }
        lineCount = end + 1
        let body = lines[1..<end]
        if fence == "+++" {
            readTOML(body)
        } else {
            readYAML(body, path: path)
        }
    }

    private mutating func readTOML(_ body: ArraySlice<Substring>) {
        for (offset, line) in body.enumerated() {
            let parts = line.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, Self.languageKeys.contains(parts[0].trimmingWhitespace().lowercased()) else { continue }
            language = parts[1].trimmingWhitespace().trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            languageLine = offset + 2
            return
        }
    }

    private mutating func readYAML(_ body: ArraySlice<Substring>, path: String) {
        // A blank first line stands for the opening fence, so positions are the page's own.
        let text = "\n" + body.joined(separator: "\n")
        // Behind the registry's guards: a few lines of nested aliases would otherwise take exponential
        // time to compose. A page whose front matter cannot be read is still imported; only the
        // language it may declare is lost, so the problem is a warning.
        switch GuardedYAML.compose(text, path: path, documentName: "the front matter") {
        case .success(let root):
            guard case .mapping(let mapping)? = root else { return }
            for (key, value) in mapping {
                guard let name = key.string, Self.languageKeys.contains(name.lowercased()), let scalar = value.string else { continue }
                language = scalar
                languageLine = key.mark?.line ?? 1
                return
            }
        case .failure(let error):
            guard let first = error.diagnostics.first else { return }
            diagnostics.append(.warning("the front matter's language (if any) was not read: \(first.message)",
                                        at: first.location ?? SourceLocation(path: path, line: 1, column: 1)))
        }
    }
}

/// Turns what pages and file names say into language codes.
enum PageLanguage {
    /// `fr`, `fr_FR` or `FR-fr` written as a well-formed tag (`fr-FR`); `nil` when it cannot be one.
    static func normalised(_ text: String) -> LanguageCode? {
        let parts = text.trimmingWhitespace().split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
        guard let primary = parts.first else { return nil }
        var subtags = [primary.lowercased()]
        for part in parts.dropFirst() {
            switch part.count {
            case 2: subtags.append(part.uppercased())
            case 4: subtags.append(part.prefix(1).uppercased() + part.dropFirst().lowercased())
            default: subtags.append(part)
            }
        }
        let code = LanguageCode(rawValue: subtags.joined(separator: "-"))
        return code.isWellFormed ? code : nil
    }

    /// The language a file name states: `fr.md`, `fr-FR.mdx`, `environment-variables.ja.md`.
    ///
    /// Only two-letter primary tags are read from names, so `api.md` or `cli.md` are not mistaken
    /// for languages; three-letter languages come from front matter or `--lang`.
    static func fromFileName(_ path: String) -> LanguageCode? {
        var stem = (path as NSString).lastPathComponent
        for suffix in [".md", ".mdx", ".markdown"] where stem.lowercased().hasSuffix(suffix) {
            stem = String(stem.dropLast(suffix.count))
        }
        let candidates = [stem, stem.split(separator: ".").last.map(String.init) ?? stem]
        for candidate in candidates {
            let primary = candidate.split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? ""
            guard primary.count == 2, primary.allSatisfy({ $0.isASCII && $0.isLetter }) else { continue }
            if let code = normalised(candidate) { return code }
        }
        return nil
    }
}
