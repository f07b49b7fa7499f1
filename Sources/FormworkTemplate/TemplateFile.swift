import Foundation
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a template file's text: a regular file (or a link to one) of at most ``maximumBytes``, in UTF-8 or,
/// with a byte order mark, UTF-16.
///
/// What is not a template never hangs or crashes the reader: a FIFO, a device or a folder is refused before
/// anything is read, an unreadable file is named with the system's reason, and text that is not valid
/// UTF-8 or UTF-16 is an error at its line and column.
public enum TemplateFile {
    /// The largest template file read: 32 MiB, 32 times what CloudFormation accepts.
    public static let maximumBytes = 32 << 20

    /// The text of the file at `path`, without its byte order mark.
    public static func text(at path: String) throws(TemplateReadError) -> String {
        try text(decoding: bytes(at: path), file: path)
    }

    /// The bytes of the regular file at `path`.
    static func bytes(at path: String) throws(TemplateReadError) -> [UInt8] {
        // Non-blocking, so that opening a FIFO without a writer returns at once instead of waiting.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable(file: path, reason: FileSystemError.reason(errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .unreadable(file: path, reason: FileSystemError.reason(errno)) }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .unreadable(file: path, reason: "it is a folder; give a template file")
        case S_IFIFO: throw .unreadable(file: path, reason: "it is a FIFO (named pipe), not a regular file; save the template to a file first")
        case S_IFCHR, S_IFBLK: throw .unreadable(file: path, reason: "it is a device, not a regular file")
        case S_IFSOCK: throw .unreadable(file: path, reason: "it is a socket, not a regular file")
        default: throw .unreadable(file: path, reason: "it is not a regular file")
        }
        let size = Int(status.st_size)
        guard size <= maximumBytes else {
            throw .unreadable(
                file: path, reason: "it is \(size) bytes; Formwork reads templates of at most \(maximumBytes) bytes (CloudFormation accepts 1 MB)")
        }
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            let count = bytes.withUnsafeMutableBytes { buffer in read(descriptor, buffer.baseAddress! + filled, size - filled) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(file: path, reason: FileSystemError.reason(errno))
            }
            if count == 0 { break }
            filled += count
        }
        // A file that shrank while it was read gives what it held.
        bytes.removeLast(size - filled)
        return bytes
    }

    /// The text of `bytes` as a template file holding them is read: UTF-8 with or without its byte order
    /// mark, or UTF-16 with one; invalid text is a ``TemplateReadError/syntax(_:)`` at its line and column.
    public static func text(decoding bytes: [UInt8], file: String? = nil) throws(TemplateReadError) -> String {
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) {
            return try decodeUTF16(bytes, bigEndian: bytes[0] == 0xFE, file: file)
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) {
            throw invalidText(bytes, at: body.startIndex, file: file, "a second byte order mark; remove it")
        }
        if let text = String(validating: body, as: UTF8.self) { return text }
        // Invalid: find where, for the message.
        var iterator = body.makeIterator()
        var decoder = UTF8()
        var offset = body.startIndex
        while case .scalarValue(let scalar) = decoder.decode(&iterator) { offset += UTF8.width(scalar) }
        let byte = offset < bytes.count ? "byte 0x\(String(bytes[offset], radix: 16, uppercase: true))" : "a cut-short character"
        throw invalidText(bytes, at: offset, file: file, "the text is not valid UTF-8 (\(byte) at offset \(offset)); save the file as UTF-8")
    }

    private static func decodeUTF16(_ bytes: [UInt8], bigEndian: Bool, file: String?) throws(TemplateReadError) -> String {
        guard bytes.count % 2 == 0 else {
            throw invalidText(bytes, at: bytes.count - 1, file: file, "the text is UTF-16 with an odd number of bytes; the file is cut short")
        }
        let units = stride(from: 2, to: bytes.count, by: 2).map { (index: Int) -> UInt16 in
            let high = UInt16(bytes[bigEndian ? index : index + 1]), low = UInt16(bytes[bigEndian ? index + 1 : index])
            return high << 8 | low
        }
        var iterator = units.makeIterator()
        var decoder = UTF16()
        var text = String.UnicodeScalarView()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): text.append(scalar)
            case .emptyInput: break loop
            case .error:
                let valid = Array(String(text).utf8)
                let position = LineTable(valid).position(ofOffset: valid.count)
                throw .syntax(
                    SourceError(
                        file: file, line: position.line, column: position.column,
                        message: "the text is not valid UTF-16 (an unpaired surrogate); save the file as UTF-8"))
            }
        }
        return String(text)
    }

    /// An error at the line and column of byte `offset`, counting the valid text before it.
    private static func invalidText(_ bytes: [UInt8], at offset: Int, file: String?, _ message: String) -> TemplateReadError {
        let position = LineTable(Array(bytes[..<offset])).position(ofOffset: offset)
        return .syntax(SourceError(file: file, line: position.line, column: position.column, message: message))
    }
}
