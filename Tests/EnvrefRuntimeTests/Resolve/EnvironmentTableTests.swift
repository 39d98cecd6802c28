import Foundation
import Testing
@testable import EnvrefRuntime

/// The one-pass read of the process environment finds what `getenv` finds, name by name.
@Suite struct EnvironmentTableTests {
    @Test func oneScanAgreesWithGetenv() {
        // Every other slot is set, with values that share prefixes with the names around them, so hits,
        // misses and colliding buckets are all exercised, not only the unset case.
        let slots = (0..<40).map { "ENVREF_TABLE_TEST_SLOT_\($0)" }
        for (number, name) in slots.enumerated() where number.isMultiple(of: 2) { setenv(name, "value \(number)=x", 1) }
        defer { for name in slots { unsetenv(name) } }
        let names = ["PATH", "HOME", "ENVREF_NOT_SET_ANYWHERE", "P", "PATH2", "H", ""] + slots
        let table = EnvironmentTable(keys: names)
        let expected = names.map { name in name.isEmpty ? nil : getenv(name).map { String(cString: $0) } }
        #expect(expected.compactMap { $0 }.count >= 20)
        #expect(table.read() == expected)
    }
}
