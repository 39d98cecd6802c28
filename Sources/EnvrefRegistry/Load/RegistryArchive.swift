import EnvrefCore

// A registry as bytes for `RegistrySnapshot`'s cache file: every field, in declaration order. A test reads back
// registries with every field set, so a field added to the model and left out here fails it.

extension Registry {
    /// Writes every field.
    func write(to archive: inout ArchiveWriter) {
        archive.write(languages) { $0.write($1.rawValue) }
        archive.write(prefix) { $0.write($1) }
        archive.write(swift.typeName) { $0.write($1) }
        archive.write(updated) { $0.write($1.description) }
        archive.write(path)
        archive.write(variables) { $1.write(to: &$0) }
    }

    /// Reads what `write(to:)` wrote.
    init(from archive: inout ArchiveReader) throws(ArchiveReader.Malformed) {
        let languages = try archive.readArray { (archive: inout ArchiveReader) throws(ArchiveReader.Malformed) in
            LanguageCode(rawValue: try archive.readString())
        }
        let prefix = try archive.readOptional { (archive: inout ArchiveReader) throws(ArchiveReader.Malformed) in try archive.readString() }
        let typeName = try archive.readOptional { (archive: inout ArchiveReader) throws(ArchiveReader.Malformed) in try archive.readString() }
        let updatedText = try archive.readOptional { (archive: inout ArchiveReader) throws(ArchiveReader.Malformed) in try archive.readString() }
        var updated: RegistryDate?
        if let updatedText {
            guard let date = RegistryDate(updatedText) else { throw ArchiveReader.Malformed() }
            updated = date
        }
        let path = try archive.readString()
        let variables = try archive.readArray { (archive: inout ArchiveReader) throws(ArchiveReader.Malformed) in
            try Variable(from: &archive, path: path)
        }
        guard !languages.isEmpty else { throw ArchiveReader.Malformed() }
        self.init(languages: languages, prefix: prefix, swift: SwiftOptions(typeName: typeName), updated: updated,
                  variables: variables, path: path)
    }
}

extension Variable {
    /// Writes every field, positions last.
    func write(to archive: inout ArchiveWriter) {
        let sorted = sortedDescriptions
        writeFacts(to: &archive)
        writeDescriptions(sorted, to: &archive)
        for (_, text) in sorted { archive.writeLineAndColumn(of: text.location) }
        archive.writeLineAndColumn(of: location)
    }

    /// The descriptions in language order, so one registry always archives to the same bytes.
    fileprivate var sortedDescriptions: [(key: LanguageCode, value: LocalizedText)] {
        descriptions.sorted { $0.key < $1.key }
    }

    /// Writes every field but positions and descriptions.
    fileprivate func writeFacts(to archive: inout ArchiveWriter) {
        archive.write(name)
        archive.write(type.rawValue)
        archive.write(values) { $0.write($1) }
        archive.write(deprecatedValues) { $0.write($1.value); $0.write($1.replacement) }
        archive.write(defaultValue) { archive, value in
            switch value {
            case .string(let text): archive.write(0); archive.write(text)
            case .bool(let flag): archive.write(1); archive.write(flag)
            case .int(let number): archive.write(2); archive.write(number)
            case .list(let items): archive.write(3); archive.write(items) { $0.write($1) }
            }
        }
        archive.write(isSecret)
        archive.write(example) { $0.write($1) }
        archive.write(seeAlso) { $0.write($1) }
        for limit in [constraints.minLength, constraints.maxLength] { archive.write(limit) { $0.write($1) } }
        archive.write(constraints.pattern) { $0.write($1) }
        for limit in [constraints.minimum, constraints.maximum] { archive.write(limit) { $0.write($1) } }
        archive.write(separator)
        archive.write(swiftName) { $0.write($1) }
        archive.write(deprecation) { archive, deprecation in archive.write(deprecation.replacement) { $0.write($1) } }
    }

    /// Writes `sorted`, the variable's `sortedDescriptions`, without positions.
    fileprivate func writeDescriptions(_ sorted: [(key: LanguageCode, value: LocalizedText)], to archive: inout ArchiveWriter) {
        archive.write(sorted) { archive, entry in
            archive.write(entry.key.rawValue)
            archive.write(entry.value.text)
            archive.write(entry.value.isMarkedUntranslated)
        }
    }

    /// Reads what `write(to:)` wrote; every location is in the file at `path`.
    init(from archive: inout ArchiveReader, path: String) throws(ArchiveReader.Malformed) {
        typealias Reader = ArchiveReader
        let name = try archive.readString()
        guard let type = VariableType(rawValue: try archive.readString()) else { throw Reader.Malformed() }
        let values = try archive.readArray { (archive: inout Reader) throws(Reader.Malformed) in try archive.readString() }
        let deprecatedValues = try archive.readArray { (archive: inout Reader) throws(Reader.Malformed) in
            DeprecatedValue(value: try archive.readString(), replacement: try archive.readString())
        }
        let defaultValue = try archive.readOptional { (archive: inout Reader) throws(Reader.Malformed) -> Value in
            switch try archive.readInt() {
            case 0: return .string(try archive.readString())
            case 1: return .bool(try archive.readBool())
            case 2: return .int(try archive.readInt())
            case 3: return .list(try archive.readArray { (archive: inout Reader) throws(Reader.Malformed) in try archive.readString() })
            default: throw Reader.Malformed()
            }
        }
        let isSecret = try archive.readBool()
        let example = try archive.readOptional { (archive: inout Reader) throws(Reader.Malformed) in try archive.readString() }
        let seeAlso = try archive.readArray { (archive: inout Reader) throws(Reader.Malformed) in try archive.readString() }
        let readLimit = { (archive: inout Reader) throws(Reader.Malformed) -> Int? in
            try archive.readOptional { (archive: inout Reader) throws(Reader.Malformed) in try archive.readInt() }
        }
        let minLength = try readLimit(&archive), maxLength = try readLimit(&archive)
        let pattern = try archive.readOptional { (archive: inout Reader) throws(Reader.Malformed) in try archive.readString() }
        let minimum = try readLimit(&archive), maximum = try readLimit(&archive)
        let separator = try archive.readString()
        let swiftName = try archive.readOptional { (archive: inout Reader) throws(Reader.Malformed) in try archive.readString() }
        let deprecation = try archive.readOptional { (archive: inout Reader) throws(Reader.Malformed) in
            Deprecation(replacement: try archive.readOptional { (archive: inout Reader) throws(Reader.Malformed) in try archive.readString() })
        }
        let texts = try archive.readArray { (archive: inout Reader) throws(Reader.Malformed) in
            (LanguageCode(rawValue: try archive.readString()), try archive.readString(), try archive.readBool())
        }
        var descriptions: [LanguageCode: LocalizedText] = [:]
        for (language, text, isMarkedUntranslated) in texts {
            descriptions[language] = LocalizedText(text: text, isMarkedUntranslated: isMarkedUntranslated, location: try archive.readLocation(in: path, limit: RegistryLoader.maximumFileSize))
        }
        self.init(name: name, type: type, values: values, deprecatedValues: deprecatedValues, defaultValue: defaultValue,
                  isSecret: isSecret, example: example, seeAlso: seeAlso,
                  constraints: Constraints(minLength: minLength, maxLength: maxLength, pattern: pattern, minimum: minimum, maximum: maximum),
                  separator: separator, swiftName: swiftName, deprecation: deprecation, descriptions: descriptions,
                  location: try archive.readLocation(in: path, limit: RegistryLoader.maximumFileSize))
    }
}

/// Digests of what one variable says, every field but its positions: keys for work that depends
/// on a variable and not on where it is, such as its translation status.
///
/// A registry's snapshot keeps them beside the variables, so a run that loads the registry from the cache keys
/// its work without laying every variable out again; at 10,000 variables that was a quarter of `envref diff`.
public struct VariableDigest: Hashable, Sendable {
    /// The digest of the facts and every description.
    public var content: ContentDigest
    /// The digest of the facts alone.
    public var facts: ContentDigest

    /// Digests as a snapshot kept them.
    init(content: ContentDigest, facts: ContentDigest) {
        self.content = content
        self.facts = facts
    }

    /// The digests of `variable`.
    public init(of variable: Variable) {
        // The facts come first in the content's bytes, so one buffer gives both.
        var archive = ArchiveWriter(capacity: 1_024)
        variable.writeFacts(to: &archive)
        facts = ContentDigest(of: archive.bytes)
        variable.writeDescriptions(variable.sortedDescriptions, to: &archive)
        content = ContentDigest(of: archive.bytes)
    }

    /// The digests of every variable of `registry`, in registry order, worked out over every core.
    public static func of(_ registry: Registry) -> [VariableDigest] {
        registry.variables.parallelMap { VariableDigest(of: $0) }
    }
}
