import EnvrefCore
import EnvrefRegistry

/// The translation status's verdicts kept between runs (`.envref-cache/translations.status`): for each
/// variable, keyed by everything its row is worked out from, the state of each reported translation and why.
///
/// Working the status out reads every translation's words and code, and at 10,000 variables it is most of
/// `envref diff`. A row depends on its own variable (its facts and every description), the lock's records for
/// it, and, through the value-drift check, on the names and facts of every other variable. The variable and
/// its lock records make each row's key; the source language, the reported languages, the prefix and every
/// variable's facts go into the file's header, so a change to any of them drops every verdict at once. Variables
/// enter both through their digests (`VariableDigest`), which a registry taken from the cache comes with.
/// Positions are in neither: a cached verdict takes its positions and texts from the variable it is used for,
/// so a line added above a variable does not work its row out again.
struct StatusVerdicts: Sendable {
    /// The verdicts by the key of the variable they were worked out for, one per reported language.
    var verdicts: [ContentDigest: [Verdict]] = [:]
    private let cache: CacheFolder
    /// The digest of what every row reads besides its own variable; the file is sealed with it.
    private let header: ContentDigest
    private let reported: [LanguageCode]

    static let file = "translations.status"
    /// Bumped whenever the layout or what a key covers changes, so older files are ignored.
    static let format = "envref status verdicts 3"

    /// The verdicts `cache` holds for a status of `registry` in the `reported` languages; `variableDigests` are
    /// the registry's, one per variable.
    init(registry: Registry, variableDigests: [VariableDigest], reported: [LanguageCode], cache: CacheFolder) {
        var header = ArchiveWriter()
        header.write(registry.sourceLanguage.rawValue)
        header.write(reported) { $0.write($1.rawValue) }
        header.write(registry.prefix) { $0.write($1) }
        header.write(variableDigests) { $0.write($1.facts) }
        self.header = ContentDigest(of: header.bytes)
        self.cache = cache
        self.reported = reported
        if let payload = cache.read(Self.file, format: Self.format, inputs: self.header.bytes) {
            verdicts = Self.decode(payload, languages: reported.count) ?? [:]
        }
    }

    /// The key of the row of the variable named `name`: the variable without positions (its `digest`), and what
    /// the lock records for each reported language (the fingerprint, and the source text it archived).
    func key(ofVariableNamed name: String, digest: VariableDigest, lock: TranslationLock) -> ContentDigest {
        var archive = ArchiveWriter(capacity: 512)
        archive.write(digest.content)
        // The variable's records are looked up once, not once per language.
        let recorded = lock.entries[name]
        var fingerprints: [String?] = []
        fingerprints.reserveCapacity(reported.count)
        for language in reported {
            let fingerprint = recorded?[language]?.fingerprint
            fingerprints.append(fingerprint)
            archive.write(fingerprint) { $0.write($1) }
        }
        // Each archived text once, in the order its fingerprint first comes: translations reviewed against the
        // same source share it, and writing it for every language made the keys a tenth of `envref diff`. The
        // fingerprints above say which texts follow, so the key still tells every record apart.
        for (index, fingerprint) in fingerprints.enumerated() {
            guard let fingerprint, !fingerprints[..<index].contains(fingerprint) else { continue }
            archive.write(lock.sourceText(for: fingerprint)) { $0.write($1) }
        }
        return ContentDigest(of: archive.bytes)
    }

    /// Replaces the cache file with these verdicts.
    func store() {
        cache.write(Self.file, format: Self.format, inputs: header.bytes) { archive in
            archive.write(verdicts) { archive, verdicts in
                for verdict in verdicts { verdict.write(to: &archive) }
            }
        }
    }

    static func decode(_ payload: ArchiveReader, languages: Int) -> [ContentDigest: [Verdict]]? {
        var archive = payload
        return try? archive.readTable { (archive: inout ArchiveReader) throws(ArchiveReader.Malformed) in
            var verdicts: [Verdict] = []
            for _ in 0..<languages { verdicts.append(try Verdict(from: &archive)) }
            return verdicts
        }
    }

    /// Where one translation stands and why, without its position or text.
    struct Verdict: Hashable, Sendable {
        var state: TranslationState
        var untranslatedReason: UntranslatedReason?
        var staleness: Staleness?
        var valueDrift: [DriftTerm]

        init(_ cell: TranslationCell) {
            state = cell.state
            untranslatedReason = cell.untranslatedReason
            staleness = cell.staleness
            valueDrift = cell.valueDrift
        }

        /// The cell this verdict gives `variable` in `language`, with the position and text it has now.
        func cell(of variable: Variable, in language: LanguageCode) -> TranslationCell {
            let translation = variable.descriptions[language]
            return TranslationCell(variable: variable.name, language: language, state: state, untranslatedReason: untranslatedReason,
                                   staleness: staleness, valueDrift: valueDrift, location: translation?.location ?? variable.location,
                                   text: translation?.text)
        }

        func write(to archive: inout ArchiveWriter) {
            // The state as its place among the cases: 50,000 verdicts are read back at 10,000 variables, and a
            // name would be a string made and looked up for each.
            archive.write(state.index)
            archive.write(untranslatedReason) { archive, reason in
                switch reason {
                case .identicalToSource: archive.write(0)
                case .marked: archive.write(1)
                case .wrongLanguage(let detail): archive.write(2); archive.write(detail)
                }
            }
            archive.write(staleness) { archive, staleness in
                switch staleness {
                case .neverReviewed: archive.write(0)
                case .sourceChanged(let previous): archive.write(1); archive.write(previous) { $0.write($1) }
                }
            }
            archive.write(valueDrift) { $0.write($1.term); $0.write($1.explanation) }
        }

        init(from archive: inout ArchiveReader) throws(ArchiveReader.Malformed) {
            typealias Reader = ArchiveReader
            state = TranslationState.allCases[try archive.readInt(in: 0...(TranslationState.allCases.count - 1))]
            untranslatedReason = try archive.readOptional { (archive: inout Reader) throws(Reader.Malformed) -> UntranslatedReason in
                switch try archive.readInt() {
                case 0: return .identicalToSource
                case 1: return .marked
                case 2: return .wrongLanguage(try archive.readString())
                default: throw Reader.Malformed()
                }
            }
            staleness = try archive.readOptional { (archive: inout Reader) throws(Reader.Malformed) -> Staleness in
                switch try archive.readInt() {
                case 0: return .neverReviewed
                case 1: return .sourceChanged(previous: try archive.readOptional { (archive: inout Reader) throws(Reader.Malformed) in try archive.readString() })
                default: throw Reader.Malformed()
                }
            }
            valueDrift = try archive.readArray { (archive: inout Reader) throws(Reader.Malformed) in
                DriftTerm(term: try archive.readString(), explanation: try archive.readString())
            }
        }
    }
}
