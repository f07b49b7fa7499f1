import Foundation

/// The system's reasons for file errors, in plain words.
public enum FileSystemError {
    /// What `code` (an `errno`) means, as a user reads it.
    public static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: "no such file or folder"
        case EACCES, EPERM: "permission denied"
        case ELOOP: "too many levels of symbolic links (a link loop?)"
        case ENOTDIR: "a part of the path is not a folder"
        case ENAMETOOLONG: "the path is too long"
        case EISDIR: "it is a folder"
        case ENOSPC: "no space left on the device"
        case EROFS: "the file system is read-only"
        case EDQUOT: "the disk quota is exceeded"
        case EIO: "an input/output error"
        default: String(cString: strerror(code))
        }
    }
}

extension FileSystemError {
    /// An error from a file operation in plain words: the system's reason when it carries one, its own
    /// description otherwise (never a Foundation domain and code).
    public static func describe(_ error: any Error) -> String {
        if let posix = error as? POSIXError { return reason(posix.code.rawValue) }
        guard let cocoa = error as? CocoaError else { return "\(error)" }
        if let underlying = cocoa.userInfo[NSUnderlyingErrorKey] as? POSIXError { return reason(underlying.code.rawValue) }
        switch cocoa.code {
        case .fileNoSuchFile, .fileReadNoSuchFile: return reason(ENOENT)
        case .fileReadNoPermission, .fileWriteNoPermission: return reason(EACCES)
        case .fileWriteOutOfSpace: return reason(ENOSPC)
        case .fileWriteVolumeReadOnly: return reason(EROFS)
        case .fileWriteFileExists: return "something already exists at that path"
        default: return "the file operation failed (\(cocoa.code.rawValue))"
        }
    }
}
