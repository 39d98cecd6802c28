import CEnvrefSystem
import Foundation

/// What tells one build of the running program from another, for caches of what it computed.
public enum ExecutableIdentity {
    /// The executable's GNU build ID as lower-case hex: the linker derives it from the binary's contents, so
    /// any rebuilt envref that could render differently has another. `nil` when the executable has none, or
    /// the platform cannot tell.
    public static let buildID: String? = {
        var bytes = [UInt8](repeating: 0, count: 64)
        let length = envref_executable_build_id(&bytes, bytes.count)
        return length > 0 ? bytes.prefix(length).lowercaseHex : nil
    }()

    /// The build ID, or where there is none the executable's size and modification time, which change with
    /// nearly every rebuild; empty when neither can be read.
    public static let current: String = {
        if let buildID { return "build \(buildID)" }
        guard let executable = Bundle.main.executablePath,
              let attributes = try? FileManager.default.attributesOfItem(atPath: executable),
              let size = attributes[.size] as? NSNumber, let modified = attributes[.modificationDate] as? Date
        else { return "" }
        return "\(size) \(modified.timeIntervalSince1970)"
    }()
}
