import Foundation
import FormworkTemplate

/// Why Formwork will not write to a place: it holds something Formwork did not write.
public struct OutputRefusal: Error, Sendable, CustomStringConvertible {
    /// The path given as the output.
    public var path: String
    /// What is there and what to do instead.
    public var reason: String

    public var description: String { "cannot write to '\(path)': \(reason)" }
}

/// What an output path holds, checked before anything there is replaced: Formwork never removes or replaces
/// what it did not write. A folder is replaced only when it is a cloud assembly Formwork wrote (its marker
/// file says so) or empty; a file only when it is a regular file the user may write.
enum OutputPath {
    /// What stands at a cloud assembly's output path.
    enum AssemblyDestination {
        case nothing
        case emptyFolder
        case assembly
    }

    /// What stands at `path`, or the refusal to replace it.
    static func assemblyDestination(_ path: String) throws(OutputRefusal) -> AssemblyDestination {
        guard let status = try status(of: path) else { return .nothing }
        switch status.st_mode & S_IFMT {
        case S_IFDIR:
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            if entries.isEmpty { return .emptyFolder }
            guard isFormworkAssembly(path) else {
                throw OutputRefusal(
                    path: path,
                    reason:
                        "it is a folder that is not a cloud assembly Formwork wrote (it has no \(assemblyMarkerName) marker); Formwork replaces only the assembly folders it writes. Choose another --output, or remove the folder yourself"
                )
            }
            return .assembly
        case S_IFLNK:
            throw OutputRefusal(path: path, reason: "it is a symbolic link; give the folder it points to, or another --output")
        case S_IFREG:
            throw OutputRefusal(path: path, reason: "it is a file, not a folder; choose another --output")
        default:
            throw OutputRefusal(path: path, reason: "it is not a folder (a device, FIFO or socket); choose another --output")
        }
    }

    /// The file in every assembly folder Formwork writes, which marks the folder as Formwork's to replace.
    static let assemblyMarkerName = ".formwork-assembly"
    /// What the marker says, to anyone who opens it.
    static let assemblyMarkerText = "Formwork's synth wrote this cloud assembly and replaces the whole folder at the next synth.\n"

    /// Whether the folder at `path` is a cloud assembly Formwork wrote: it holds Formwork's marker file, as a
    /// regular file. A `manifest.json` alone is not enough: any folder may have one (a browser extension, a
    /// web app, an assembly the CDK wrote).
    static func isFormworkAssembly(_ path: String) -> Bool {
        hasMarker(assemblyMarkerName, in: path)
    }

    /// Whether the folder at `path` holds the marker file `name` as a regular file (not a link): how
    /// Formwork recognises the folders it wrote.
    static func hasMarker(_ name: String, in path: String) -> Bool {
        var status = stat()
        let marker = (path as NSString).appendingPathComponent(name)
        return lstat(marker, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
    }

    /// The permission bits of the regular file at `path` to keep when it is replaced, `nil` when there is no
    /// file yet, or the refusal to replace what is there.
    static func replaceableFileMode(_ path: String) throws(OutputRefusal) -> mode_t? {
        guard let status = try status(of: path) else { return nil }
        switch status.st_mode & S_IFMT {
        case S_IFREG:
            guard access(path, W_OK) == 0 else {
                throw OutputRefusal(path: path, reason: "the file is read-only to you; Formwork does not replace a file you cannot write")
            }
            return status.st_mode & 0o7777
        case S_IFLNK:
            throw OutputRefusal(path: path, reason: "it is a symbolic link; give the file it points to, or another --output")
        case S_IFDIR:
            throw OutputRefusal(path: path, reason: "it is a folder; give a file name")
        default:
            throw OutputRefusal(path: path, reason: "it is not a regular file (a device, FIFO or socket); Formwork writes only regular files")
        }
    }

    /// What `lstat` says of `path` (a link itself, not what it points to); `nil` when nothing is there.
    static func status(of path: String) throws(OutputRefusal) -> stat? {
        var status = stat()
        guard lstat(path, &status) == 0 else {
            if errno == ENOENT { return nil }
            throw OutputRefusal(path: path, reason: FileSystemError.reason(errno))
        }
        return status
    }
}
