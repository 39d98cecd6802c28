import EnvrefTestSupport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Runs `envref` under a CPU-time limit and reports its exit, output and peak memory.
///
/// The limit is enforced by the kernel (`ulimit -t`), so a command that would loop or backtrack
/// forever is killed instead of hanging the suite. The peak resident size comes from GNU `time`, which
/// `make test` installs: a process spawned straight from the test process starts its peak from the test
/// process's own size, which other tests in the same process can push past any limit.
struct LimitedRun {
    /// The exit status, or `nil` when a signal ended the process.
    var status: Int32?
    /// The signal that ended the process, if one did (SIGXCPU or SIGKILL when the CPU limit was reached).
    var signal: Int32?
    var standardOutput: String
    var standardError: String
    /// Peak resident memory, in bytes.
    var peakMemory: Int

    static func run(_ arguments: [String], in directory: URL, cpuSeconds: Int) throws -> LimitedRun {
        let scratch = FileManager.default.temporaryDirectory.appending(path: "envref-limited-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outPath = scratch.appending(path: "out").path, errPath = scratch.appending(path: "err").path
        let memoryPath = scratch.appending(path: "memory").path
        let timer = FileManager.default.isExecutableFile(atPath: "/usr/bin/time") ? "/usr/bin/time -q -f %M -o \"\(memoryPath)\" " : ""
        let script = "cd \"$1\" && ulimit -t \(cpuSeconds) && shift && exec \(timer)\"$@\" >\"\(outPath)\" 2>\"\(errPath)\""
        let argv = ["/bin/sh", "-c", script, "sh", directory.path, CommandRunner.executable.path] + arguments
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", nil, nil, &cArguments, environ)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
        var waitStatus: Int32 = 0
        var usage = rusage()
        while wait4(pid, &waitStatus, 0, &usage) == -1 && errno == EINTR {}
        var terminationSignal = waitStatus & 0x7F
        let status = (waitStatus >> 8) & 0xFF
        var peakMemory = Int(usage.ru_maxrss) * 1024
        if !timer.isEmpty {
            // `time` exits with 128 plus the signal that ended the command, and writes the command's peak in KiB.
            if terminationSignal == 0, status > 128 { terminationSignal = status - 128 }
            let measured = (try? String(contentsOfFile: memoryPath, encoding: .utf8))?.split(separator: "\n").last.flatMap { Int($0) }
            peakMemory = (measured ?? Int.max / 1024) * 1024
        } else if TestEnvironment.isCI {
            // Without `time` the peak would be the test process's own size; `make test` installs it.
            Issue.record("GNU time (/usr/bin/time) is not installed")
        }
        return LimitedRun(
            status: terminationSignal == 0 ? status : nil,
            signal: terminationSignal == 0 ? nil : terminationSignal,
            standardOutput: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
            standardError: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "",
            peakMemory: peakMemory)
    }
}
