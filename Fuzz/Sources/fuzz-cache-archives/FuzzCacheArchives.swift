import EnvrefCore
@testable import EnvrefDocs
@testable import EnvrefRegistry
@testable import EnvrefTranslations

#if canImport(Glibc)
import Glibc
#endif

/// libFuzzer entry point: the input is the payload of a cache file, handed to the readers of the large ones: the
/// registry's snapshot, the lock's, the status's verdicts and a page's rows (the small record of pages written
/// is read by `PageCache.init` from its folder, and is not fed here).
///
/// The cache folder seals each file with a digest of its bytes, so a file cut short or changed on disk never
/// reaches these readers; but the digest is not cryptographic, and a file made to match it must still end in
/// a refusal, never a crash, a hang or an allocation the size of a count it claims. A registry snapshot that
/// reads is also asked to reload a file from the input's own bytes, since a reload trusts the snapshot's marks
/// to cut the new file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCacheArchives(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let snapshot = RegistrySnapshot(archived: ArchiveReader(bytes)) {
        snapshotsRead += 1
        _ = snapshot.reloading(bytes, path: snapshot.registry.path)
        _ = snapshot.reloading(Array(bytes.reversed()), path: snapshot.registry.path)
    }
    if TranslationLock(archived: ArchiveReader(bytes), path: "Content/translations.lock") != nil { locksRead += 1 }
    // Verdicts for one language and for two; the input counts once if either reads as a table with an entry.
    let verdictTables = (1...2).map { StatusVerdicts.decode(ArchiveReader(bytes), languages: $0) }
    if verdictTables.contains(where: { !($0?.isEmpty ?? true) }) { verdictsRead += 1 }
    if !(RowCache.decode(ArchiveReader(bytes))?.isEmpty ?? true) { rowsRead += 1 }
    return 0
}

// How many inputs each reader took, printed as the run ends: a reader that takes none is not being tested. An empty
// table is eight zero bytes, so tables count only with an entry.
nonisolated(unsafe) var snapshotsRead = 0
nonisolated(unsafe) var locksRead = 0
nonisolated(unsafe) var verdictsRead = 0
nonisolated(unsafe) var rowsRead = 0

@_cdecl("LLVMFuzzerInitialize")
public func fuzzCacheArchivesInitialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    atexit {
        print("fuzz-cache-archives: read \(snapshotsRead) registry snapshots, \(locksRead) locks, \(verdictsRead) verdict tables and \(rowsRead) row tables with entries")
    }
    return 0
}
