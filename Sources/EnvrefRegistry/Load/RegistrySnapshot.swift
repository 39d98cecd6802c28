import EnvrefCore

/// A registry that loaded without a single diagnostic, kept with the digests of its file's pieces and the
/// lines where each of its variables begins, so that the next load of an edited file recomposes only the
/// entries whose lines changed (`RegistryLoader.load(bytes:path:reusing:)`).
///
/// Loading is a Yams compose of the whole file, and at 10,000 variables that is most of a rebuild after one
/// description changes. Only a clean load is kept: a reloaded run of entries must give the registry a whole
/// load would, and a file with diagnostics is loaded whole until it has none. The file is kept as digests (of
/// what precedes the first entry, of each entry's lines, and of what follows the mapping), not as bytes: the
/// snapshot is read on every run, and at 10,000 variables it takes 9.8 MB this way, 17.6 MB with the bytes.
public struct RegistrySnapshot: Hashable, Sendable {
    /// The file's size in bytes.
    let size: Int
    /// What the file loads to.
    public let registry: Registry
    /// The digests of each variable, in registry order: a run that takes the registry from here keys its work
    /// with them.
    public let variableDigests: [VariableDigest]
    /// The digest of the bytes before the first entry's line.
    let headDigest: ContentDigest
    /// For each variable, in file order, where the line of its key begins and the digest of its lines, up to
    /// the next entry's line or the end of the mapping.
    let entries: [Entry]
    /// Where the line after the `variables` mapping begins (the end of the file when nothing follows it).
    let entriesEnd: TextMark
    /// The digest of the bytes from `entriesEnd` to the end of the file.
    let tailDigest: ContentDigest

    /// A position in the file, as a byte offset and a line counted from 0.
    struct TextMark: Hashable, Sendable {
        var offset: Int
        var line: Int
    }

    /// One entry of `variables`: where its lines start, and their digest.
    struct Entry: Hashable, Sendable {
        var start: TextMark
        var digest: ContentDigest
    }

    /// A snapshot of a load, or `nil` when the load is not one a later load can reuse part of: it had a
    /// diagnostic, or the `variables` mapping's entries cannot be cut at their lines (`composeInGroups`
    /// states the same conditions for the same reason).
    init?(bytes: [UInt8], result: RegistryLoadResult, entries found: YAMLPrescan.VariableEntries?) {
        guard let registry = result.registry, result.diagnostics.isEmpty, let found, let endLine = found.endLine,
              !found.keyLines.isEmpty, found.keyLines.count == registry.variables.count,
              // Offsets are taken in the decoded text, which drops a byte-order mark.
              !bytes.starts(with: [0xEF, 0xBB, 0xBF]),
              let lineStarts = YAMLPrescan.lineStarts(of: bytes), endLine < lineStarts.count,
              YAMLPrescan.keysBeginTheirLines(found.keyLines, lineStarts: lineStarts, bytes: bytes)
        else { return nil }
        let starts = found.keyLines.map { TextMark(offset: lineStarts[$0], line: $0) }
        let end = TextMark(offset: lineStarts[endLine], line: endLine)
        self.init(size: bytes.count, registry: registry, variableDigests: VariableDigest.of(registry),
                  headDigest: Self.digest(bytes, 0..<starts[0].offset), entries: Self.entries(starting: starts, before: end.offset, in: bytes),
                  entriesEnd: end, tailDigest: Self.digest(bytes, end.offset..<bytes.count))
    }

    private init(size: Int, registry: Registry, variableDigests: [VariableDigest], headDigest: ContentDigest, entries: [Entry],
                 entriesEnd: TextMark, tailDigest: ContentDigest) {
        self.size = size
        self.registry = registry
        self.variableDigests = variableDigests
        self.headDigest = headDigest
        self.entries = entries
        self.entriesEnd = entriesEnd
        self.tailDigest = tailDigest
    }

    /// The entries that start at `starts`, each running to the next start (the last to `end`), with the digests
    /// of their bytes in `bytes`.
    private static func entries(starting starts: [TextMark], before end: Int, in bytes: [UInt8]) -> [Entry] {
        starts.indices.map { index in
            let stop = index + 1 < starts.count ? starts[index + 1].offset : end
            return Entry(start: starts[index], digest: digest(bytes, starts[index].offset..<stop))
        }
    }

    private static func digest(_ bytes: [UInt8], _ range: Range<Int>) -> ContentDigest {
        bytes.withUnsafeBytes { ContentDigest(of: UnsafeRawBufferPointer(rebasing: $0[range])) }
    }

    /// The end of entry `index`'s lines: the next entry's start, or the end of the mapping.
    private func end(ofEntry index: Int) -> Int {
        index + 1 < entries.count ? entries[index + 1].start.offset : entriesEnd.offset
    }

    // MARK: Reloading the changed entries

    /// The snapshot of `newBytes`, made by reloading only the entries whose lines changed, and how many entries
    /// that composed; `nil` when that cannot give exactly what a whole load gives, and the file must be loaded
    /// whole.
    ///
    /// What precedes the first entry and what follows the mapping must be unchanged. The entries whose lines
    /// are unchanged where they were are kept from the start, and those whose lines are unchanged as far from
    /// the end of the file as they were are kept from the end. The entries between, with the kept entry before
    /// them (a change at the very start of an entry's line could join that line to the entry before), form a run
    /// of whole lines that begins with a key of `variables`, and end at the unchanged line break before the next
    /// kept entry. That run is loaded on its own, after the file's lines before the first entry and as many
    /// empty lines as precede it, and before what follows the mapping: so every node has its line and column in
    /// the new file, and the run is read with the same languages and prefix. It is used only when:
    /// - it loads without a diagnostic, its keys at the indentation of the other keys, and its mapping ends
    ///   exactly where the run does (so nothing in it is left open to swallow the next entry);
    /// - it holds the same variable names in the same order (so no name is duplicated, and the other entries'
    ///   `seeAlso` names still exist);
    /// - a variable of the run that a variable outside it names as its replacement keeps its facts, byte for
    ///   byte (an old name reads its type, values, separator, constraints, secrecy and deprecation): that is the
    ///   one check between variables that reads more than a name. A deprecated name in the run whose
    ///   replacement is outside it does not load on its own, so the file is loaded whole.
    /// The other entries keep their variables, moved down or up by the lines the run gained or lost.
    func reloading(_ newBytes: [UInt8], path: String) -> (snapshot: RegistrySnapshot, composedEntries: Int)? {
        guard path == registry.path, newBytes.count <= RegistryLoader.maximumFileSize else { return nil }
        let growth = newBytes.count - size
        let headEnd = entries[0].start.offset, tailStart = entriesEnd.offset + growth
        guard tailStart >= headEnd, Self.digest(newBytes, 0..<headEnd) == headDigest,
              Self.digest(newBytes, tailStart..<newBytes.count) == tailDigest
        else { return nil }
        // Kept from the start: entries before `changed` are where they were.
        var changed = 0
        while changed < entries.count, end(ofEntry: changed) <= newBytes.count,
              Self.digest(newBytes, entries[changed].start.offset..<end(ofEntry: changed)) == entries[changed].digest {
            changed += 1
        }
        if changed == entries.count {
            // Every entry is where it was; with the head and tail unchanged, so is the file, unless bytes were
            // added or removed between the last entry's old lines and the tail, which belong to that entry.
            if growth == 0 { return (self, 0) }
            changed = entries.count - 1
        }
        let first = max(changed - 1, 0)
        // Kept from the end: entries from `after` on are `growth` bytes further than they were.
        var after = entries.count
        while after - 1 > changed,
              entries[after - 1].start.offset + growth >= end(ofEntry: first),
              Self.digest(newBytes, (entries[after - 1].start.offset + growth)..<(end(ofEntry: after - 1) + growth)) == entries[after - 1].digest {
            after -= 1
        }
        let runStart = entries[first].start
        let stop = after < entries.count ? entries[after].start : entriesEnd
        let runEnd = stop.offset + growth
        guard runEnd > runStart.offset, newBytes[runEnd - 1] == UInt8(ascii: "\n") else { return nil }
        var text = Array(newBytes[..<headEnd])
        text += repeatElement(UInt8(ascii: "\n"), count: runStart.line - entries[0].start.line)
        let runOffset = text.count
        text += newBytes[runStart.offset..<runEnd]
        text += newBytes[tailStart...]
        guard let textLineStarts = YAMLPrescan.lineStarts(of: text) else { return nil }
        // The run is whole lines: its last byte is the line break before `stop`, so the line after it starts
        // where the run ends.
        guard runStart.line < textLineStarts.count,
              let runLines = textLineStarts[runStart.line...].firstIndex(of: runOffset + (runEnd - runStart.offset)).map({ $0 - runStart.line })
        else { return nil }
        let lineGrowth = runLines - (stop.line - runStart.line)
        let oldRun = registry.variables[first..<after]
        // What the run needs of the variables outside it, read in place: copying ten thousand variables to read
        // two fields of each was a tenth of a diff after one edit.
        let outside = Array(registry.variables.indices[..<first]) + Array(registry.variables.indices[after...])
        var namesOutside = Set<String>(minimumCapacity: outside.count)
        var replacedOutside = Set<String>()
        for index in outside {
            namesOutside.insert(registry.variables[index].name)
            if let replacement = registry.variables[index].deprecation?.replacement { replacedOutside.insert(replacement) }
        }
        let (loaded, found) = RegistryLoader.loadWhole(bytes: text, path: path, namesOutside: namesOutside)
        guard let reloaded = loaded.registry, loaded.diagnostics.isEmpty, let found,
              found.endLine == runStart.line + runLines,
              found.keyLines.count == reloaded.variables.count, found.keyLines.first == runStart.line,
              reloaded.variables.map(\.name) == oldRun.map(\.name)
        else { return nil }
        let runDigests = reloaded.variables.map(VariableDigest.init(of:))
        guard Self.replacementsKeepWhatTheirOldNamesRead(replaced: replacedOutside, run: oldRun.map(\.name),
                                                        before: variableDigests[first..<after], after: runDigests),
              YAMLPrescan.keysBeginTheirLines(found.keyLines, lineStarts: textLineStarts, bytes: text),
              Self.matchesKeptIndentation(YAMLPrescan.keyIndentation(at: textLineStarts[found.keyLines[0]], in: text),
                                          keptKey: first > 0 ? headEnd : after < entries.count ? entries[after].start.offset + growth : nil,
                                          in: newBytes)
        else { return nil }

        var spliced = registry
        var variables: [Variable] = []
        variables.reserveCapacity(registry.variables.count - oldRun.count + reloaded.variables.count)
        variables += registry.variables[..<first]
        variables += reloaded.variables
        // `movedDown(by: 0)` gives the variable as it is.
        for index in registry.variables.indices[after...] { variables.append(registry.variables[index].movedDown(by: lineGrowth)) }
        spliced.variables = variables
        let runStarts = found.keyLines.map {
            TextMark(offset: runStart.offset + textLineStarts[$0] - runOffset, line: $0)
        }
        let moved = { (mark: TextMark) in TextMark(offset: mark.offset + growth, line: mark.line + lineGrowth) }
        let runEntries = Self.entries(starting: runStarts, before: runEnd, in: newBytes)
        let digests = Array(variableDigests[..<first]) + runDigests + variableDigests[after...]
        let snapshot = RegistrySnapshot(size: newBytes.count, registry: spliced, variableDigests: digests, headDigest: headDigest,
                                        entries: Array(entries[..<first]) + runEntries
                                            + entries[after...].map { Entry(start: moved($0.start), digest: $0.digest) },
                                        entriesEnd: moved(entriesEnd), tailDigest: tailDigest)
        return (snapshot, reloaded.variables.count)
    }

    /// Whether the run's keys are indented as a kept entry's key at `keptKey` is; with no entry kept, the run is
    /// the whole mapping and sets its own indentation.
    private static func matchesKeptIndentation(_ indentation: Int?, keptKey: Int?, in bytes: [UInt8]) -> Bool {
        guard let keptKey else { return true }
        return indentation != nil && indentation == YAMLPrescan.keyIndentation(at: keptKey, in: bytes)
    }

    /// Whether the variables of the `run` (by name) that variables outside it name as their replacement
    /// (`replaced`) give those old names what they gave them `before` the edit: the digests of their facts are
    /// compared, a superset of what an old name reads (`RegistryDecoder.resolve`), and of their bytes, since
    /// `String` equality would take a value rewritten in another Unicode normalisation as unchanged while a
    /// whole load gives the old name the new bytes.
    private static func replacementsKeepWhatTheirOldNamesRead(replaced: Set<String>, run: [String], before: ArraySlice<VariableDigest>,
                                                             after: [VariableDigest]) -> Bool {
        zip(run, zip(before, after)).allSatisfy { name, digests in !replaced.contains(name) || digests.0.facts == digests.1.facts }
    }

    // MARK: Archive

    /// The snapshot as bytes for a cache file.
    var archived: [UInt8] {
        var archive = ArchiveWriter()
        write(to: &archive)
        return archive.bytes
    }

    /// Writes the snapshot to `archive`.
    public func write(to archive: inout ArchiveWriter) {
        archive.write(size)
        archive.write(headDigest)
        archive.write(entries) { archive, entry in
            archive.write(entry.start.offset)
            archive.write(entry.start.line)
            archive.write(entry.digest)
        }
        archive.write(entriesEnd.offset)
        archive.write(entriesEnd.line)
        archive.write(tailDigest)
        registry.write(to: &archive)
        for digest in variableDigests {
            archive.write(digest.content)
            archive.write(digest.facts)
        }
    }

    /// A snapshot read from the rest of `archived`, or `nil` when it does not hold one.
    public init?(archived: ArchiveReader) {
        var archive = archived
        do {
            let size = try archive.readInt(in: 0...RegistryLoader.maximumFileSize)
            let head = try archive.readDigest()
            let entries = try archive.readArray { (archive: inout ArchiveReader) throws(ArchiveReader.Malformed) in
                Entry(start: TextMark(offset: try archive.readInt(in: 0...size), line: try archive.readInt(in: 0...size)),
                      digest: try archive.readDigest())
            }
            let end = TextMark(offset: try archive.readInt(in: 0...size), line: try archive.readInt(in: 0...size))
            let tail = try archive.readDigest()
            let registry = try Registry(from: &archive)
            var variableDigests: [VariableDigest] = []
            variableDigests.reserveCapacity(registry.variables.count)
            for _ in registry.variables {
                variableDigests.append(VariableDigest(content: try archive.readDigest(), facts: try archive.readDigest()))
            }
            // Marks out of order would make a reload cut the file wrong, so a damaged archive is refused here.
            guard archive.isAtEnd, !entries.isEmpty, entries.count == registry.variables.count,
                  zip(entries.map(\.start), entries.dropFirst().map(\.start) + [end]).allSatisfy({ $0.offset < $1.offset && $0.line < $1.line })
            else { return nil }
            self.init(size: size, registry: registry, variableDigests: variableDigests, headDigest: head, entries: entries, entriesEnd: end,
                      tailDigest: tail)
        } catch {
            return nil
        }
    }
}

extension Variable {
    /// The variable with every position `lines` lines further down (up, when negative).
    fileprivate func movedDown(by lines: Int) -> Variable {
        guard lines != 0 else { return self }
        var moved = self
        moved.location.line += lines
        for language in descriptions.keys { moved.descriptions[language]?.location.line += lines }
        return moved
    }
}
