import EnvrefCore
import EnvrefTranslations
import Foundation

/// libFuzzer entry point: parses the input as a gettext PO file, as `envref po import` does.
///
/// Diagnostics are the parser's intended answer to bad input, so they are not findings. A file that
/// parses must survive a round trip: written back as `envref po export` writes, it parses to the same
/// header and entries, or a translator's tool would see different text from what envref read.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPOReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    // `POParser.parse(fileAt:)` refuses invalid UTF-8 before parsing, so such input reaches nothing further.
    guard let text = String(data: Data(bytes: data, count: size), encoding: .utf8) else { return 0 }
    let parsed = POParser.parse(text, path: "fr.po")
    for diagnostic in parsed.diagnostics { _ = diagnostic.description }
    guard let file = parsed.file else { return 0 }
    let written = file.text()
    let reparsed = POParser.parse(written, path: "fr.po")
    guard let again = reparsed.file else {
        fatalError("a parsed PO file does not parse once written back:\n\(reparsed.diagnostics.rendered)\n--- written:\n\(written)")
    }
    if withoutLocations(again) != withoutLocations(file) {
        fatalError("a PO file changes in a round trip\n--- written:\n\(written)")
    }
    return 0
}

/// The file with entry locations cleared, since writing it back moves entries to other lines.
private func withoutLocations(_ file: POFile) -> POFile {
    var copy = file
    for index in copy.entries.indices { copy.entries[index].location = nil }
    return copy
}
