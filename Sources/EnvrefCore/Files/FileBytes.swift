import Foundation

/// Whole files read straight into one array of bytes.
///
/// Registries and cache files run to tens of megabytes, and reading through `FileHandle` into `Data` and then
/// copying that into an array cost about as much again as the read itself.
public enum FileBytes {
    /// Why a file could not be read, as the system words it, in lower case: "no such file", "is a directory".
    public struct Failure: Error, Equatable, Sendable {
        /// The reason, to follow "cannot read …: ".
        public var reason: String

        /// A failure for `reason`.
        public init(reason: String) {
            self.reason = reason
        }

        init(errorNumber: Int32) {
            // The system's wording ("no such file or directory") names a directory that nobody asked about.
            reason = errorNumber == ENOENT ? "no such file" : String(cString: strerror(errorNumber)).lowercased()
        }
    }

    /// The bytes of the file at `path`, or at most `limit` of them: reading one byte past a size limit tells an
    /// oversized file apart without holding all of it. Files whose size the system does not know in advance,
    /// such as pipes, are read until they end.
    public static func read(_ path: String, limit: Int = .max) -> Result<[UInt8], Failure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(Failure(errorNumber: errno)) }
        defer { close(descriptor) }
        var status = stat()
        let knownSize = fstat(descriptor, &status) == 0 && status.st_size > 0 ? Int(status.st_size) : 0
        var failure: Int32?
        var atEnd = false
        // Fills `buffer` unless the file ends first; gives how many bytes it read.
        func fill(_ buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
            var filled = 0
            while filled < buffer.count {
                let read = Foundation.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
                if read < 0, errno == EINTR { continue }
                if read < 0 { failure = errno }
                guard read > 0 else { break }
                filled += read
            }
            atEnd = filled < buffer.count
            return filled
        }
        // Read into the array's own storage, with room for one byte more than the known size, so that the end
        // of the file shows without a second buffer.
        var bytes = [UInt8](unsafeUninitializedCapacity: min(knownSize + 1, limit)) { buffer, count in
            count = buffer.isEmpty ? 0 : fill(buffer)
        }
        // Past the size the system reported: a pipe, or a file that grew.
        while !atEnd, failure == nil, bytes.count < limit {
            bytes += [UInt8](unsafeUninitializedCapacity: min(64 << 10, limit - bytes.count)) { buffer, count in count = fill(buffer) }
        }
        if let failure { return .failure(Failure(errorNumber: failure)) }
        return .success(bytes)
    }
}
