import EnvrefCore
import EnvrefRegistry
import EnvrefTranslations
import Foundation

/// libFuzzer entry point: reads the input as a hand-written page and imports it, as `envref import fr.md` does.
///
/// Diagnostics about the page, including a refused import, are intended answers and not findings. An
/// error about the registry the importer wrote is one: whatever the page holds, the importer must write
/// a registry that its own loader accepts.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdownImport(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    // `PageReader.read(fileAt:)` refuses invalid UTF-8 before reading, so such input reaches nothing further.
    guard let text = String(data: Data(bytes: data, count: size), encoding: .utf8) else { return 0 }
    let page = PageReader.read(text: text, path: "fr.md")
    for diagnostic in page.diagnostics { _ = diagnostic.description }
    switch RegistryImport.build([page], outputPath: outputPath) {
    case .success(let imported):
        _ = imported.yaml
    case .failure(let error):
        let aboutOutput = error.diagnostics.filter { $0.severity == .error && $0.location?.path == outputPath }
        if !aboutOutput.isEmpty {
            fatalError("the imported registry does not load back:\n\(aboutOutput.rendered)")
        }
    }
    return 0
}

/// Where the imported registry would be written; diagnostics about it come from loading it back.
private let outputPath = "variables.yaml"
