import Foundation

/// Runs a test that changes the process environment and reads it back, one such test at a time.
///
/// Swift Testing runs tests in parallel, and `setenv` may move the `environ` array while another test walks
/// it; every test in this target that calls `setenv` or `unsetenv` goes through this lock, whatever suite it is in.
func withProcessEnvironment<Result>(_ body: () throws -> Result) rethrows -> Result {
    processEnvironmentLock.lock()
    defer { processEnvironmentLock.unlock() }
    return try body()
}

private let processEnvironmentLock = NSLock()
