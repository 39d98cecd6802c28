import EnvrefCore

/// A registry that loaded without a single diagnostic, kept with the bytes it was loaded from and the lines
/// where each of its variables begins, so that the next load of an edited file recomposes only the entries
/// whose lines changed (`RegistryLoader.load(bytes:path:reusing:)`).
///
/// Loading is a Yams compose of the whole file, and at 10,000 variables that is most of a rebuild after one
/// description changes. Only a clean load is kept: a reloaded run of entries must give the registry a whole
/// load would, and a file with diagnostics is loaded whole until it has none.
public struct RegistrySnapshot: Hashable, Sendable {
    /// The file's bytes.
    let bytes: [UInt8]
    /// What they load to.
    public let registry: Registry
    /// For each variable, in file order, where the line of its key begins: a byte offset and a line from 0.
    let entryStarts: [TextMark]
    /// Where the line after the `variables` mapping begins (the end of the file when nothing follows it).
    let entriesEnd: TextMark

    /// A position in the file, as a byte offset and a line counted from 0.
    struct TextMark: Hashable, Sendable {
        var offset: Int
        var line: Int
    }

    /// A snapshot of a load, or `nil` when the load is not one a later load can reuse part of: it had a
    /// diagnostic, or the `variables` mapping's entries cannot be cut at their lines (`composeInGroups`
    /// states the same conditions for the same reason).
    init?(bytes: [UInt8], result: RegistryLoadResult, entries: YAMLPrescan.VariableEntries?) {
        guard let registry = result.registry, result.diagnostics.isEmpty, let entries, let endLine = entries.endLine,
              !entries.keyLines.isEmpty, entries.keyLines.count == registry.variables.count,
              // Offsets are taken in the decoded text, which drops a byte-order mark.
              !bytes.starts(with: [0xEF, 0xBB, 0xBF]),
              let lineStarts = YAMLPrescan.lineStarts(of: bytes), endLine < lineStarts.count,
              YAMLPrescan.keysBeginTheirLines(entries.keyLines, lineStarts: lineStarts, bytes: bytes)
        else { return nil }
        self.bytes = bytes
        self.registry = registry
        entryStarts = entries.keyLines.map { TextMark(offset: lineStarts[$0], line: $0) }
        entriesEnd = TextMark(offset: lineStarts[endLine], line: endLine)
    }

    private init(bytes: [UInt8], registry: Registry, entryStarts: [TextMark], entriesEnd: TextMark) {
        self.bytes = bytes
        self.registry = registry
        self.entryStarts = entryStarts
        self.entriesEnd = entriesEnd
    }

    // MARK: Reloading the changed entries

    /// The snapshot of `newBytes`, made by reloading only the entries whose lines differ from this snapshot's
    /// bytes; `nil` when that cannot give exactly what a whole load gives, and the file must be loaded whole.
    ///
    /// The changed bytes are found as what lies between the longest common prefix and suffix. The entries
    /// around them, from the entry holding the last unchanged byte to the first entry whose line, and the line
    /// break before it, are unchanged, form a run of whole lines that begins with a key of `variables`. That run
    /// is loaded on its own, after the file's lines before the first entry and as many empty lines as precede
    /// it, and before what follows the mapping: so every node has its line and column in the new file, and the
    /// run is read with the same languages and prefix. It is used only when:
    /// - it loads without a diagnostic, its keys at the indentation of the other keys, and its mapping ends
    ///   exactly where the run does (so nothing in it is left open to swallow the next entry);
    /// - it holds the same variable names in the same order (so no name is duplicated, and the other entries'
    ///   `seeAlso` names still exist);
    /// - a variable of the run that a variable outside it names as its replacement keeps every fact the old
    ///   name reads from it (its type, values, separator, constraints, secrecy and deprecation): that is the one
    ///   check between variables that reads more than a name. A deprecated name in the run whose replacement is
    ///   outside it does not load on its own, so the file is loaded whole.
    /// The other entries keep their variables, moved down or up by the lines the run gained or lost.
    func reloading(_ newBytes: [UInt8], path: String) -> RegistrySnapshot? {
        guard path == registry.path, newBytes.count <= RegistryLoader.maximumFileSize else { return nil }
        if newBytes == bytes { return self }
        let prefix = Self.commonPrefixLength(bytes, newBytes)
        let suffix = Self.commonSuffixLength(bytes, newBytes, limit: min(bytes.count, newBytes.count) - prefix)
        let changedEnd = bytes.count - suffix
        // The first entry of the run holds the last byte before the change: a change at the very start of an
        // entry's line could join that line to the entry before.
        guard prefix > 0, let first = Self.lastIndex(in: entryStarts, atOrBefore: prefix - 1) else { return nil }
        // The first entry after the run starts past the change, so its line and the line break before it are
        // both unchanged.
        let after = entryStarts.partitioningIndex { $0.offset > changedEnd }
        let stop = after < entryStarts.count ? entryStarts[after] : entriesEnd
        guard stop.offset > changedEnd else { return nil }
        let growth = newBytes.count - bytes.count
        let runStart = entryStarts[first]
        let run = Array(newBytes[runStart.offset..<(stop.offset + growth)])
        guard let runLineStarts = YAMLPrescan.lineStarts(of: run) else { return nil }
        // The run is whole lines: its last byte is the unchanged line break before `stop`.
        let runLines = runLineStarts.count - 1
        let lineGrowth = runLines - (stop.line - runStart.line)

        let before = Array(bytes[..<entryStarts[0].offset])
        var text = before
        text += repeatElement(UInt8(ascii: "\n"), count: runStart.line - entryStarts[0].line)
        text += run
        text += newBytes[(entriesEnd.offset + growth)...]
        let oldRun = registry.variables[first..<after]
        let outside = registry.variables[..<first] + registry.variables[after...]
        let (loaded, entries) = RegistryLoader.loadWhole(bytes: text, path: path, namesOutside: Set(outside.map(\.name)))
        guard let reloaded = loaded.registry, loaded.diagnostics.isEmpty, let entries,
              entries.endLine == runStart.line + runLines,
              entries.keyLines.count == reloaded.variables.count,
              reloaded.languages == registry.languages, reloaded.prefix == registry.prefix,
              reloaded.swift == registry.swift, reloaded.updated == registry.updated,
              reloaded.variables.map(\.name) == oldRun.map(\.name),
              Self.replacementsKeepWhatTheirOldNamesRead(outside: outside, before: oldRun, after: reloaded.variables),
              let textLineStarts = YAMLPrescan.lineStarts(of: text),
              YAMLPrescan.keysBeginTheirLines(entries.keyLines, lineStarts: textLineStarts, bytes: text),
              Self.indentation(at: textLineStarts[entries.keyLines[0]], in: text) == Self.indentation(at: entryStarts[0].offset, in: bytes)
        else { return nil }

        var spliced = registry
        spliced.variables = Array(registry.variables[..<first]) + reloaded.variables
            + registry.variables[after...].map { $0.movedDown(by: lineGrowth) }
        let runStarts = entries.keyLines.map {
            TextMark(offset: runStart.offset + runLineStarts[$0 - runStart.line], line: $0)
        }
        let moved = { (mark: TextMark) in TextMark(offset: mark.offset + growth, line: mark.line + lineGrowth) }
        return RegistrySnapshot(bytes: newBytes, registry: spliced,
                                entryStarts: Array(entryStarts[..<first]) + runStarts + entryStarts[after...].map(moved),
                                entriesEnd: moved(entriesEnd))
    }

    /// Whether the run's variables that variables `outside` it name as their replacement give those old names
    /// what they gave them `before` the edit.
    private static func replacementsKeepWhatTheirOldNamesRead(outside: some Sequence<Variable>, before: some Sequence<Variable>,
                                                             after: [Variable]) -> Bool {
        let replaced = Set(outside.compactMap { $0.deprecation?.replacement })
        return zip(before, after).allSatisfy { old, new in
            !replaced.contains(old.name) || ReadByOldNames(old) == ReadByOldNames(new)
        }
    }

    /// What a deprecated name reads from its replacement when it resolves (`RegistryDecoder.resolve`).
    private struct ReadByOldNames: Equatable {
        let type: VariableType, values: [String], deprecatedValues: [DeprecatedValue], separator: String
        let constraints: Constraints, isSecret: Bool, deprecation: Deprecation?

        init(_ variable: Variable) {
            (type, values, deprecatedValues, separator) = (variable.type, variable.values, variable.deprecatedValues, variable.separator)
            (constraints, isSecret, deprecation) = (variable.constraints, variable.isSecret, variable.deprecation)
        }
    }

    /// How many bytes both arrays start with, compared a machine word at a time.
    static func commonPrefixLength(_ a: [UInt8], _ b: [UInt8]) -> Int {
        a.withUnsafeBytes { a in
            b.withUnsafeBytes { b in
                let count = min(a.count, b.count)
                var offset = 0
                while offset + 8 <= count,
                      a.loadUnaligned(fromByteOffset: offset, as: UInt64.self) == b.loadUnaligned(fromByteOffset: offset, as: UInt64.self) {
                    offset += 8
                }
                while offset < count, a[offset] == b[offset] { offset += 1 }
                return offset
            }
        }
    }

    /// How many bytes both arrays end with, up to `limit`, so that the common prefix and suffix never overlap.
    static func commonSuffixLength(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        a.withUnsafeBytes { a in
            b.withUnsafeBytes { b in
                var length = 0
                while length + 8 <= limit,
                      a.loadUnaligned(fromByteOffset: a.count - length - 8, as: UInt64.self)
                        == b.loadUnaligned(fromByteOffset: b.count - length - 8, as: UInt64.self) {
                    length += 8
                }
                while length < limit, a[a.count - length - 1] == b[b.count - length - 1] { length += 1 }
                return length
            }
        }
    }

    /// The index of the last mark at or before `offset`, or `nil` when every mark is after it.
    private static func lastIndex(in marks: [TextMark], atOrBefore offset: Int) -> Int? {
        let firstAfter = marks.partitioningIndex { $0.offset > offset }
        return firstAfter == 0 ? nil : firstAfter - 1
    }

    private static func indentation(at offset: Int, in bytes: [UInt8]) -> Int {
        var end = offset
        while end < bytes.count, bytes[end] == UInt8(ascii: " ") { end += 1 }
        return end - offset
    }

    // MARK: Archive

    /// The snapshot as bytes for a cache file.
    public var archived: [UInt8] {
        var archive = ArchiveWriter()
        archive.write(bytes: bytes)
        registry.write(to: &archive)
        archive.write(entryStarts) { $0.write($1.offset); $0.write($1.line) }
        archive.write(entriesEnd.offset)
        archive.write(entriesEnd.line)
        return archive.bytes
    }

    /// A snapshot read from the rest of `archived`, or `nil` when it does not hold one.
    public init?(archived: ArchiveReader) {
        var archive = archived
        do {
            let bytes = try archive.readBytes()
            let registry = try Registry(from: &archive)
            let starts = try archive.readArray { (archive: inout ArchiveReader) throws(ArchiveReader.Malformed) in
                TextMark(offset: try archive.readInt(in: 0...bytes.count), line: try archive.readInt(in: 0...bytes.count))
            }
            let end = TextMark(offset: try archive.readInt(in: 0...bytes.count), line: try archive.readInt(in: 0...bytes.count))
            // Marks out of order would make a reload cut the file wrong, so a damaged archive is refused here.
            guard archive.isAtEnd, !starts.isEmpty, starts.count == registry.variables.count,
                  zip(starts, starts.dropFirst() + [end]).allSatisfy({ $0.offset < $1.offset && $0.line < $1.line })
            else { return nil }
            self.init(bytes: bytes, registry: registry, entryStarts: starts, entriesEnd: end)
        } catch {
            return nil
        }
    }
}

extension Array {
    /// The first index whose element satisfies `isAfter`, for elements where every one that does follows
    /// every one that does not.
    fileprivate func partitioningIndex(where isAfter: (Element) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if isAfter(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
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
