import EnvrefCore
@testable import EnvrefDocs
@testable import EnvrefRegistry
@testable import EnvrefTranslations

#if canImport(Glibc)
import Glibc
#endif

/// libFuzzer entry point: the input is the payload of a cache file, handed to every reader of one: the
/// registry's snapshot, the lock's, the status's verdicts and a page's rows.
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
    for languages in 1...2 where StatusVerdicts.decode(ArchiveReader(bytes), languages: languages) != nil { verdictsRead += 1 }
    if RowCache.decode(ArchiveReader(bytes)) != nil { rowsRead += 1 }
    return 0
}

// How many inputs each reader took, printed as the run ends: a reader that takes none is not being tested.
nonisolated(unsafe) var snapshotsRead = 0
nonisolated(unsafe) var locksRead = 0
nonisolated(unsafe) var verdictsRead = 0
nonisolated(unsafe) var rowsRead = 0

@_cdecl("LLVMFuzzerInitialize")
public func fuzzCacheArchivesInitialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    atexit {
        print("fuzz-cache-archives: read \(snapshotsRead) registry snapshots, \(locksRead) locks, \(verdictsRead) verdict tables, \(rowsRead) row tables")
    }
    return 0
}
