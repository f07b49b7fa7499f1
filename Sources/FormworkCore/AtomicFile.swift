import Foundation
import FormworkTemplate

/// Writes one file atomically, never over what Formwork may not replace.
///
/// The text goes to a hidden sibling (`.NAME.tmp-<pid>-<random>`), is flushed to disk, and is renamed over
/// the destination: readers see the old file or the new one, never a part. An existing file keeps its
/// permission bits. A symbolic link, a device, a FIFO, a folder or a file the user may not write is refused
/// with an ``OutputRefusal``.
///
/// ```swift
/// try AtomicFile.write(yaml, to: "template.yaml")
/// ```
public enum AtomicFile {
    /// Writes `text` to the file at `path`.
    public static func write(_ text: String, to path: String) throws {
        let destination = URL(fileURLWithPath: path).standardizedFileURL
        for leftover in StagingName.leftovers(of: destination, fileType: S_IFREG) where leftover.role == .staging {
            unlink(leftover.url.path)
        }
        let mode = try OutputPath.replaceableFileMode(destination.path)
        let staging = StagingName.sibling(of: destination, .staging)
        let descriptor = open(staging.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode ?? 0o644)
        guard descriptor >= 0 else { throw FileWriteError(path: path, code: errno) }
        var failure: Int32?
        if let mode, fchmod(descriptor, mode) != 0 { failure = errno }
        if failure == nil { failure = FileDescriptorWriting.writeAll(text, to: descriptor) }
        if failure == nil, fsync(descriptor) != 0 { failure = errno }
        close(descriptor)
        if failure == nil, rename(staging.path, destination.path) != 0 { failure = errno }
        if let failure {
            unlink(staging.path)
            throw FileWriteError(path: path, code: failure)
        }
    }
}

/// A file that could not be written, with the system's reason.
public struct FileWriteError: Error, Sendable, CustomStringConvertible {
    /// The destination.
    public var path: String
    /// The `errno`.
    public var code: Int32

    public var description: String { "cannot write '\(path)': \(FileSystemError.reason(code))" }
}
