import EnvrefCore
import EnvrefRegistry

// A lock as bytes for `LockFile`'s cache file: every field, sorted so one lock always archives to the same
// bytes. A test reads back a lock with every field set.

extension TranslationLock {
    /// The lock as bytes for a cache file.
    var archived: [UInt8] {
        var archive = ArchiveWriter()
        write(to: &archive)
        return archive.bytes
    }

    /// Writes every field to `archive`.
    func write(to archive: inout ArchiveWriter) {
        archive.write(entries.sorted { $0.key < $1.key }) { archive, variable in
            archive.write(variable.key)
            archive.write(variable.value.sorted { $0.key < $1.key }) { archive, language in
                archive.write(language.key.rawValue)
                archive.write(language.value.fingerprint)
                archive.write(language.value.location) { $0.writeLineAndColumn(of: $1) }
            }
        }
        archive.write(sources.sorted { $0.key < $1.key }) { $0.write($1.key); $0.write($1.value) }
    }

    /// A lock read from the rest of `archived`, with every location in the file at `path`; `nil` when it does
    /// not hold one.
    init?(archived: ArchiveReader, path: String) {
        typealias Reader = ArchiveReader
        var archive = archived
        do {
            let variables = try archive.readArray { (archive: inout Reader) throws(Reader.Malformed) in
                (try archive.readString(), try archive.readArray { (archive: inout Reader) throws(Reader.Malformed) in
                    (LanguageCode(rawValue: try archive.readString()),
                     Entry(fingerprint: try archive.readString(), location: try archive.readOptional { (archive: inout Reader) throws(Reader.Malformed) in
                        try archive.readLocation(in: path, limit: Int(Int32.max))
                     }))
                })
            }
            let sources = try archive.readArray { (archive: inout Reader) throws(Reader.Malformed) in
                (try archive.readString(), try archive.readString())
            }
            guard archive.isAtEnd else { return nil }
            var entries: [String: [LanguageCode: Entry]] = [:]
            entries.reserveCapacity(variables.count)
            for (name, languages) in variables {
                entries[name] = Dictionary(languages, uniquingKeysWith: { first, _ in first })
            }
            self.init(path: path, entries: entries, sources: Dictionary(sources, uniquingKeysWith: { first, _ in first }))
        } catch {
            return nil
        }
    }
}
