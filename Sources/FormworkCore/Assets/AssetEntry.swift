import Foundation
import FormworkTemplate

/// What an asset folder may hold, read the same way when it is fingerprinted (synth) and zipped (deploy):
/// regular files up to ``maximumFileBytes``, folders and symbolic links. A FIFO, a device or a socket is
/// refused by name before anything opens it (opening a FIFO would wait for a writer for ever).
public enum AssetEntry {
    /// An entry's kind.
    public enum Kind: Sendable, Equatable {
        /// A regular file, with whether its owner may execute it.
        case file(executable: Bool)
        /// A folder, read entry by entry.
        case folder
        /// A symbolic link, kept as a link (never followed).
        case symbolicLink
    }

    /// The largest file an asset folder may hold: 256 MiB (Lambda takes at most 250 MB of unzipped code).
    public static let maximumFileBytes = 256 << 20

    /// The kind of the entry at `path` (`relative` names it in errors), read without following a link.
    public static func kind(at path: String, relative: String) throws(AssetFolderError) -> Kind {
        var status = stat()
        guard lstat(path, &status) == 0 else { throw AssetFolderError(entry: relative, code: errno) }
        switch status.st_mode & S_IFMT {
        case S_IFREG:
            guard Int(status.st_size) <= maximumFileBytes else {
                throw AssetFolderError(entry: relative, reason: "it is larger than \(maximumFileBytes >> 20) MiB, more than Lambda takes", isEnvironment: false)
            }
            return .file(executable: status.st_mode & S_IXUSR != 0)
        case S_IFDIR: return .folder
        case S_IFLNK: return .symbolicLink
        case S_IFIFO:
            throw AssetFolderError(
                entry: relative, reason: "it is a FIFO (named pipe); an asset folder may hold only files, folders and symbolic links", isEnvironment: false)
        case S_IFSOCK:
            throw AssetFolderError(
                entry: relative, reason: "it is a socket; an asset folder may hold only files, folders and symbolic links", isEnvironment: false)
        default:
            throw AssetFolderError(
                entry: relative, reason: "it is a device; an asset folder may hold only files, folders and symbolic links", isEnvironment: false)
        }
    }

    /// The names in the folder at `path`, in CDK's fingerprint order (by UTF-16 code units).
    public static func names(inFolder path: String, relative: String) throws(AssetFolderError) -> [String] {
        guard let directory = opendir(path) else { throw AssetFolderError(entry: relative.isEmpty ? "." : relative, code: errno) }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != ".", name != ".." { names.append(name) }
        }
        return names.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
    }

    /// The bytes of the regular file at `path`, opened without following a link and without waiting on a
    /// FIFO, and checked again once open (the entry may have been swapped since ``kind(at:relative:)``).
    public static func contents(at path: String, relative: String) throws(AssetFolderError) -> Data {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw AssetFolderError(entry: relative, code: errno) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw AssetFolderError(entry: relative, reason: "it is no longer a regular file", isEnvironment: false)
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            let data = try handle.read(upToCount: maximumFileBytes + 1) ?? Data()
            guard data.count <= maximumFileBytes else {
                throw AssetFolderError(entry: relative, reason: "it is larger than \(maximumFileBytes >> 20) MiB, more than Lambda takes", isEnvironment: false)
            }
            return data
        } catch let error as AssetFolderError {
            throw error
        } catch {
            throw AssetFolderError(entry: relative, reason: "it cannot be read: \(error.localizedDescription)", isEnvironment: true)
        }
    }
}

/// An entry of an asset folder that cannot be used, and why.
public struct AssetFolderError: Error, Sendable, CustomStringConvertible {
    /// The entry, relative to the asset folder (`.` for the folder itself).
    public var entry: String
    /// What is wrong with it.
    public var reason: String
    /// Whether the file system is at fault (permissions, a vanished file: exit 3), not the folder's
    /// contents (a FIFO, a file too large: exit 2).
    public var isEnvironment: Bool

    /// An error for `entry` (relative to the asset folder) saying `reason`; `isEnvironment` when the file
    /// system is at fault.
    public init(entry: String, reason: String, isEnvironment: Bool) {
        self.entry = entry
        self.reason = reason
        self.isEnvironment = isEnvironment
    }

    /// The error for a failed system call on `entry`.
    init(entry: String, code: Int32) {
        self.init(entry: entry, reason: FileSystemError.reason(code), isEnvironment: true)
    }

    public var description: String { "'\(entry)': \(reason)" }
}
