import EnvrefRegistry

#if canImport(Glibc)
import Glibc
#endif

/// libFuzzer entry point: the input is an edit of one entry of `baseRegistry`, and the edited file is loaded
/// twice, whole and through the base's snapshot, as a rebuild loads it (`RegistrySnapshot` composes again only
/// the entries whose lines changed).
///
/// The input's first byte picks an entry of `variables` (its low six bits, modulo the count) and how the rest
/// edits it:
/// - by default the rest replaces the entry's lines;
/// - with the high bit set, the rest goes in before the entry's lines;
/// - with the next bit set, the rest becomes the entry's English description, a block scalar of its lines, in
///   place of its descriptions: most such inputs stay clean, so they exercise the splice itself rather than
///   the fallback to a whole load.
///
/// Everything else stays as the base has it, so an edit that keeps the file clean takes the reload's path:
/// random edits of a whole file almost never did (11 in 19,547 inputs). Both loads must agree exactly: the
/// same registry, positions included, the same diagnostics, and the same snapshot for the next run. A
/// difference is a finding, reported by a trap with both results.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRegistryReload(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let rest = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let entry = Int(data[0] & 0x3f) % baseEntries.count
    let inserts = data[0] & 0x80 != 0, describes = data[0] & 0x40 != 0
    var bytes = baseHead
    for (index, lines) in baseEntries.enumerated() {
        if index != entry {
            bytes += lines
        } else if describes {
            bytes += baseEntriesBeforeDescription[index] + Array("    description:\n      en: |-\n".utf8)
            for line in rest.split(separator: 0x0A, omittingEmptySubsequences: false) {
                bytes += Array("        ".utf8) + line + [0x0A]
            }
        } else {
            bytes += rest
            if inserts { bytes += lines }
        }
    }
    bytes += baseTail
    let whole = RegistryLoader.load(bytes: bytes, path: registryPath, reusing: nil)
    let reloaded = RegistryLoader.load(bytes: bytes, path: registryPath, reusing: baseSnapshot)
    inputsLoaded += 1
    if whole.snapshot != nil, reloaded.composedEntries < whole.composedEntries { inputsReloadedInPart += 1 }
    if reloaded.result.registry != whole.result.registry || reloaded.result.diagnostics != whole.result.diagnostics
        || reloaded.snapshot != whole.snapshot {
        fatalError("""
            loading through the base's snapshot differs from a whole load (\(reloaded.composedEntries) entries composed)
            whole: \(String(describing: whole.result.registry)) \(whole.result.diagnostics)
            reloaded: \(String(describing: reloaded.result.registry)) \(reloaded.result.diagnostics)
            snapshots equal: \(reloaded.snapshot == whole.snapshot)
            """)
    }
    return 0
}

let registryPath = "Content/variables.yaml"

// How many inputs took the reload's path, printed as the run ends: inputs that stop loading cleanly, or change
// what precedes the first entry, are loaded whole both times and test nothing of the reload.
nonisolated(unsafe) var inputsLoaded = 0
nonisolated(unsafe) var inputsReloadedInPart = 0

@_cdecl("LLVMFuzzerInitialize")
public func fuzzRegistryReloadInitialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    atexit {
        print("fuzz-registry-reload: \(inputsReloadedInPart) of \(inputsLoaded) inputs reloaded only the entries that changed")
    }
    return 0
}

/// The snapshot of the base's clean load, which every input is loaded against.
let baseSnapshot: RegistrySnapshot = {
    guard let snapshot = RegistryLoader.load(bytes: Array(baseRegistry.utf8), path: registryPath, reusing: nil).snapshot else {
        fatalError("the base registry does not load cleanly")
    }
    return snapshot
}()

/// The base's lines before its first entry, each entry's lines (from its key to the next key), and the lines
/// after the mapping: an entry begins at a line indented by two spaces, and the mapping ends at the first line
/// after it that starts with a key of its own.
let (baseHead, baseEntries, baseTail): ([UInt8], [[UInt8]], [UInt8]) = {
    var lines = baseRegistry.split(separator: "\n", omittingEmptySubsequences: false).map { Array(($0 + "\n").utf8) }
    // The text ends with a line break, after which the split finds an empty piece.
    precondition(lines.removeLast() == [0x0A], "the base registry ends with a line break")
    let isKey = { (line: [UInt8]) in line.count > 3 && line[0] == 0x20 && line[1] == 0x20 && line[2] != 0x20 && line[2] != 0x23 }
    let isTopLevel = { (line: [UInt8]) in line.first.map { $0 != 0x20 && $0 != 0x0A && $0 != 0x23 } ?? false }
    let first = lines.firstIndex(where: isKey)!
    let end = lines[first...].firstIndex(where: isTopLevel) ?? lines.endIndex
    var entries: [[UInt8]] = []
    for line in lines[first..<end] {
        if isKey(line) { entries.append(line) } else { entries[entries.count - 1] += line }
    }
    return (lines[..<first].flatMap { $0 }, entries, lines[end...].flatMap { $0 })
}()

/// Each entry's lines before its `description` key, which every entry of the base has last.
let baseEntriesBeforeDescription: [[UInt8]] = baseEntries.map { entry in
    let key = Array("\n    description:".utf8)
    let start = (0...(entry.count - key.count)).last { Array(entry[$0..<($0 + key.count)]) == key }!
    return Array(entry[...start])
}

/// What the seed corpus edits: every kind of entry a reload must keep or compose again. Block, flow and
/// plain descriptions; comments and blank lines between entries; a deprecated name whose replacement another
/// entry defines; `seeAlso` names in both directions; constraints and a list separator; and a key after the
/// mapping, which a reload must find unchanged.
let baseRegistry = """
    # A registry every input edits.
    languages: [en, fr, ja]
    prefix: DEMO_
    variables:
      DEMO_MODE:
        type: enum
        values: [online, offline, disabled]
        deprecatedValues:
          dryrun: offline
        default: online
        seeAlso: [DEMO_DIR]
        description:
          en: |-
            How the client runs: `online` syncs, `offline` keeps data on disk.
          fr: |-
            Mode de fonctionnement : `online` synchronise ; réglez-la sur `dryrun`.
          ja: |-
            クライアントの動作モードです。

      DEMO_API_KEY:
        type: string
        secret: true
        pattern: "^[a-f0-9]{40}$"
        description:
          en: The key that authenticates this machine.
          fr: The key that authenticates this machine.   # left as is for now

      DEMO_DIR:
        type: path
        default: ~/.demo
        seeAlso: [DEMO_MODE]
        description:
          en: "Folder where files are written."
          fr:
            text: "Folder where the files are written."
            untranslated: true

      DEMO_NAME:
        type: string
        minLength: 1
        maxLength: 64
        description: A short, readable name for the run.

      DEMO_TAGS:
        type: list
        separator: ";"
        description: {en: "Tags applied to the run.", fr: "Étiquettes appliquées au run."}
      DEMO_RETRIES:
        type: int
        minimum: 0
        maximum: 10
        default: 3
        description:
          en: How many times a request is retried.
      DEMO_OLD:
        deprecated:
          replacement: DEMO_NAME
        description:
          en: Former name of `DEMO_NAME`; still read.
          ja: "`DEMO_NAME` の旧名です。"
    updated: "2026-11-22"
    # The end.

    """
