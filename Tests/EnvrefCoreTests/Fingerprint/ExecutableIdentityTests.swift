import EnvrefCore
import Foundation
import Testing

@Suite("Executable identity")
struct ExecutableIdentityTests {
    /// SwiftPM links Linux executables with a SHA-1 build ID; the test runner is one of them.
    @Test("the running executable's build ID is read from its program headers",
          .enabled(if: ProcessInfo.processInfo.operatingSystemVersionString.contains("Linux") || FileManager.default.fileExists(atPath: "/proc/self/exe")))
    func buildID() throws {
        let id = try #require(ExecutableIdentity.buildID)
        #expect(id.count == 40)
        #expect(id.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        #expect(id != String(repeating: "0", count: 40))
    }
}
