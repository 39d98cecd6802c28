import Foundation
import Testing

/// Every malformed or hostile registry in `HostileRegistries/` fails `envref validate` with exit code
/// 1 and exactly the diagnostics in its `.expected` file, within 2 s of CPU and 200 MB of memory.
@Suite("Hostile registries")
struct HostileRegistryTests {
    static let corpus = CommandRunner.repositoryRoot.appending(path: "Tests/envrefTests/HostileRegistries")
    static let cases: [String] = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path))?
        .filter { $0.hasSuffix(".yaml") }.sorted() ?? []
    static let memoryLimit = 200 << 20

    @Test func corpusCoversEveryKindOfBadInput() {
        #expect(Self.cases.count >= 60)
    }

    @Test(arguments: cases)
    func failsWithLocatedDiagnostics(_ name: String) throws {
        let expected = try String(contentsOf: Self.corpus.appending(path: name.replacingOccurrences(of: ".yaml", with: ".expected")),
                                  encoding: .utf8)
        let run = try LimitedRun.run(["validate", "--registry", name], in: Self.corpus, cpuSeconds: 2)
        #expect(run.signal == nil, "killed by signal \(run.signal ?? 0): over the CPU limit")
        #expect(run.status == 1)
        #expect(run.standardError == expected)
        #expect(run.standardOutput.isEmpty)
        #expect(run.standardError.split(separator: "\n").allSatisfy { $0.hasPrefix("\(name):") && $0.contains(": error: ") })
        #expect(run.peakMemory < Self.memoryLimit, "peak memory \(run.peakMemory >> 20) MB")
    }

    /// Made at test time: 50 MB does not belong in the repository.
    @Test func fiftyMegabyteDescriptionIsRefusedWithoutReadingIt() throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "envref-huge-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let header = "languages: [en]\nvariables:\n  APP_MODE:\n    type: string\n    description:\n      en: "
        var bytes = Data(header.utf8)
        bytes.append(Data(repeating: UInt8(ascii: "x"), count: 50_000_000))
        bytes.append(Data("\n".utf8))
        try bytes.write(to: directory.appending(path: "huge.yaml"))

        let run = try LimitedRun.run(["validate", "--registry", "huge.yaml"], in: directory, cpuSeconds: 2)

        #expect(run.status == 1)
        #expect(run.standardError == "huge.yaml:6:1: error: the registry is larger than 32 MiB; this line crosses the limit, and the rest was not read\n")
        #expect(run.peakMemory < Self.memoryLimit, "peak memory \(run.peakMemory >> 20) MB")
    }
}
