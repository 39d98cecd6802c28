import Foundation

/// Whether the process that left a file or folder behind (named after its process ID) has ended, so what it
/// left half-written can go.
public enum EndedProcess {
    /// Whether `pid` names a process that no longer runs. A process of another user still runs (`kill` fails
    /// with `EPERM`), and this process never counts as ended.
    public static func hasEnded(_ pid: Int32) -> Bool {
        pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH
    }
}
