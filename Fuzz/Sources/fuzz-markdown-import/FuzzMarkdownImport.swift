import EnvrefRegistry
import EnvrefTranslations
import Foundation

/// libFuzzer entry point: reads the input as a hand-written page and imports it, as `envref import fr.md` does.
///
/// Diagnostics (including a refused import) are intended answers, not findings.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdownImport(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    // `PageReader.read(fileAt:)` refuses invalid UTF-8 before reading, so such input reaches nothing further.
    guard let text = String(data: Data(bytes: data, count: size), encoding: .utf8) else { return 0 }
    let page = PageReader.read(text: text, path: "fr.md")
    for diagnostic in page.diagnostics { _ = diagnostic.description }
    if case .success(let imported) = RegistryImport.build([page], outputPath: "variables.yaml") {
        _ = imported.yaml
    }
    return 0
}
