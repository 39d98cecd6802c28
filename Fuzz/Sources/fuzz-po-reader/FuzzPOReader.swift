import EnvrefTranslations
import Foundation

/// libFuzzer entry point: parses the input as a gettext PO file, as `envref po import` does.
///
/// Diagnostics are the parser's intended answer to bad input, so they are not findings.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPOReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    // `POParser.parse(fileAt:)` refuses invalid UTF-8 before parsing, so such input reaches nothing further.
    guard let text = String(data: Data(bytes: data, count: size), encoding: .utf8) else { return 0 }
    let parsed = POParser.parse(text, path: "fr.po")
    for diagnostic in parsed.diagnostics { _ = diagnostic.description }
    return 0
}
