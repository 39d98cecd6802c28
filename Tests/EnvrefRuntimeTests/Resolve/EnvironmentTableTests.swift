import Foundation
import Testing
@testable import EnvrefRuntime

/// The one-pass read of the process environment finds what `getenv` finds, name by name.
@Suite struct EnvironmentTableTests {
    @Test func oneScanAgreesWithGetenv() {
        withProcessEnvironment {
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

    @Test func namesSharingTheirEndsAndLengthStillResolveApart() {
        withProcessEnvironment {
            // The hash reads only a name's length and its first and last eight bytes: these three collide by
            // design, and the table must still tell them apart by comparing whole names.
            let twins = ["ENVREF_TABLE_A_MIDDLE_TAIL_END", "ENVREF_TABLE_B_MIDDLE_TAIL_END", "ENVREF_TABLE_C_MIDDLE_TAIL_END"]
            // A key followed by more, and a key's own beginning: only a whole name is that key.
            let neighbours = ["ENVREF_TABLE_A_MIDDLE_TAIL_END_AND_MORE", "ENVREF_TABLE_A"]
            setenv(twins[1], "second", 1)
            for name in neighbours { setenv(name, "neighbour", 1) }
            defer { for name in twins + neighbours { unsetenv(name) } }
            #expect(EnvironmentTable(keys: twins).read() == [nil, "second", nil])
        }
    }
}
