import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs `envref` under a CPU-time limit and reports its exit, output and peak memory.
///
/// The limit is enforced by the kernel (`ulimit -t`), so a command that would loop or backtrack
/// forever is killed instead of hanging the suite; the peak resident size comes from `wait4`.
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
        let script = "cd \"$1\" && ulimit -t \(cpuSeconds) && shift && exec \"$@\" >\"\(outPath)\" 2>\"\(errPath)\""
        let argv = ["/bin/sh", "-c", script, "sh", directory.path, CommandRunner.executable.path] + arguments
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", nil, nil, &cArguments, environ)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
        var waitStatus: Int32 = 0
        var usage = rusage()
        while wait4(pid, &waitStatus, 0, &usage) == -1 && errno == EINTR {}
        let terminationSignal = waitStatus & 0x7F
        return LimitedRun(
            status: terminationSignal == 0 ? (waitStatus >> 8) & 0xFF : nil,
            signal: terminationSignal == 0 ? nil : terminationSignal,
            standardOutput: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
            standardError: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "",
            peakMemory: Int(usage.ru_maxrss) * 1024)
    }
}
