import Foundation
import Testing
@testable import EnvrefRuntime

/// The one-pass read of the process environment finds what `getenv` finds, name by name.
@Suite struct EnvironmentTableTests {
    @Test func oneScanAgreesWithGetenv() {
        let names = ["PATH", "HOME", "ENVREF_NOT_SET_ANYWHERE", "P", "PATH2", "H", ""] + (0..<40).map { "ENVREF_SLOT_\($0)" }
        let table = EnvironmentTable(keys: names)
        #expect(table.read() == names.map { name in name.isEmpty ? nil : getenv(name).map { String(cString: $0) } })
    }
}
