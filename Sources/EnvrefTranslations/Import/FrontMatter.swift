import CYaml
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
        let text = body.joined(separator: "\n")
        // Composing checks keys for duplicates by hashing them, and an aliased key is hashed in full
        // each time it is repeated, so a few lines of aliases take exponential time.
        if let alias = Self.firstAlias(in: text) {
            diagnostics.append(.warning(
                "the front matter uses a YAML alias ('*\(alias.name)'), so its language (if any) was not read",
                at: SourceLocation(path: path, line: alias.line + 1, column: 1)))
            return
        }
        do {
            guard case .mapping(let mapping)? = try Yams.compose(yaml: text) else { return }
            for (key, value) in mapping {
                guard let name = key.string, Self.languageKeys.contains(name.lowercased()), let scalar = value.string else { continue }
                language = scalar
                languageLine = (key.mark?.line ?? 1) + 1
                return
            }
        } catch {
            diagnostics.append(.warning(
                "the front matter is not valid YAML, so its language (if any) was not read",
                at: SourceLocation(path: path, line: 1, column: 1)))
        }
    }

    /// The first alias in `text` and its 1-based line within the text; `nil` when there is none or the
    /// YAML stops being readable first (composing then reports the syntax error).
    static func firstAlias(in text: String) -> (name: String, line: Int)? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                switch event.type {
                case YAML_ALIAS_EVENT:
                    return (event.data.alias.anchor.map { String(cString: $0) } ?? "", Int(event.start_mark.line) + 1)
                case YAML_STREAM_END_EVENT:
                    return nil
                default:
                    continue
                }
            }
            return nil
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
