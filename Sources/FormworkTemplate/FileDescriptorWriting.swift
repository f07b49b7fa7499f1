#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writing text to an open file descriptor with plain POSIX calls: every byte or the `errno` of the
/// failure, never a trap (`FileHandle.write(_:)` traps when a stream is full or closed).
public enum FileDescriptorWriting {
    /// Writes all of `text` to `descriptor`; the `errno` of a failure, `nil` when all was written.
    public static func writeAll(_ text: String, to descriptor: Int32) -> Int32? {
        var text = text
        return text.withUTF8 { buffer -> Int32? in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
    }
}
