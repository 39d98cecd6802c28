import CEnvrefSystem

/// What tells one build of the running program from another, for caches of what it computed.
public enum ExecutableIdentity {
    /// The executable's GNU build ID as lower-case hex: the linker derives it from the binary's contents, so
    /// any rebuilt envref that could render differently has another. `nil` when the executable has none, or
    /// the platform cannot tell.
    public static let buildID: String? = {
        var bytes = [UInt8](repeating: 0, count: 64)
        let length = envref_executable_build_id(&bytes, bytes.count)
        guard length > 0 else { return nil }
        return bytes.prefix(length).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }()
}
