import Foundation

/// Reads what a child process writes to a pipe, within a size and a time limit: the read ends at the end of
/// the stream, at `limit` bytes, or at the deadline, whichever comes first, even when a grandchild keeps the
/// pipe open.
enum BoundedPipeRead {
    /// How a read ended.
    enum Outcome: Equatable {
        /// The writer closed the pipe; everything it wrote.
        case complete(Data)
        /// More than the limit arrived.
        case tooLarge
        /// The deadline passed before the end.
        case timedOut
        /// Reading failed, with the system's error number.
        case failed(Int32)
    }

    /// Reads `descriptor` until its end, more than `limit` bytes, or `deadline`.
    static func read(_ descriptor: Int32, limit: Int, deadline: DispatchTime) -> Outcome {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let now = DispatchTime.now()
            guard now < deadline else { return .timedOut }
            let remaining = (deadline.uptimeNanoseconds - now.uptimeNanoseconds) / 1_000_000
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(min(remaining + 1, 1_000)))
            if ready < 0 {
                if errno == EINTR { continue }
                return .failed(errno)
            }
            if ready == 0 { continue }
            let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return .failed(errno)
            }
            if count == 0 { return .complete(data) }
            guard data.count + count <= limit else { return .tooLarge }
            data.append(contentsOf: buffer[..<count])
        }
    }
}
