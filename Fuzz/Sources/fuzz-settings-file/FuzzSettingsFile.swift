import EnvrefRuntime
import Foundation

/// libFuzzer entry point: reads the input as a settings file, as every resolve of a generated settings type does
/// when a project or user settings file exists.
///
/// Skipped lines and values that cannot be interpolated are the reader's intended answer, so they are not
/// findings. A program must never crash or hang on a settings file, and every key of a section must come out
/// either as a value or as a problem, never both and never neither.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSettingsFile(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    // The resolver skips a file that is not UTF-8 with a warning, so such input reaches nothing further.
    guard let text = String(data: Data(bytes: data, count: size), encoding: .utf8) else { return 0 }
    let document = INIDocument(parsing: text)
    for problem in document.problems { _ = problem.description }
    for section in Set(document.sectionNames + ["default", INIDocument.inheritedSection]) {
        let (values, problems) = document.read(section)
        let keys = Set((document.sections[INIDocument.inheritedSection] ?? []).map(\.key)
            + (section == INIDocument.inheritedSection ? [] : (document.sections[section] ?? []).map(\.key)))
        if values.count + problems.count != keys.count || !Set(values.keys).isSubset(of: keys) {
            fatalError("section [\(section)]: \(keys.count) keys, but \(values.count) values and \(problems.count) problems")
        }
    }
    return 0
}
