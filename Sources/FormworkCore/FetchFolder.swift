import Foundation
import FormworkTemplate

/// The folder `fetch` writes deployed templates into, and the rule for what it may replace there.
///
/// A folder that is missing (or empty) is created with a marker file; in a folder with that marker, fetch
/// replaces the templates it wrote before. In any other folder it adds new files but never replaces one
/// that is there: a template of the user's own may have the same name. A symbolic link, a file or a
/// device at the folder's path is refused.
public struct FetchFolder: Sendable {
    /// The marker in a folder fetch made.
    static let markerName = ".formwork-fetch"
    /// What the marker says, to anyone who opens it.
    static let markerText = "Formwork's fetch wrote the templates in this folder and replaces them at the next fetch.\n"

    /// The folder's path.
    public let path: String
    /// Whether fetch made the folder, and so may replace the files in it.
    public let isFetchFolder: Bool

    /// Checks `path` and creates it (with the marker) when it is missing or empty.
    public init(_ path: String) throws {
        self.path = path
        let marker = (path as NSString).appendingPathComponent(Self.markerName)
        guard let status = try OutputPath.status(of: path) else {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            try AtomicFile.write(Self.markerText, to: marker)
            isFetchFolder = true
            return
        }
        switch status.st_mode & S_IFMT {
        case S_IFDIR:
            if OutputPath.hasMarker(Self.markerName, in: path) {
                isFetchFolder = true
            } else if (try FileManager.default.contentsOfDirectory(atPath: path)).isEmpty {
                try AtomicFile.write(Self.markerText, to: marker)
                isFetchFolder = true
            } else {
                isFetchFolder = false
            }
        case S_IFLNK:
            throw OutputRefusal(path: path, reason: "it is a symbolic link; give the folder it points to, or another --output")
        default:
            throw OutputRefusal(path: path, reason: "it is not a folder; choose another --output")
        }
    }

    /// Writes `text` to the file `name` in the folder: replacing a file there only in a folder fetch made.
    /// Returns the file's path.
    @discardableResult
    public func write(_ text: String, named name: String) throws -> String {
        let file = (path as NSString).appendingPathComponent(name)
        if !isFetchFolder, try OutputPath.status(of: file) != nil {
            throw OutputRefusal(
                path: file,
                reason:
                    "the folder was not made by fetch and the file is already there; Formwork does not replace a file it did not write. Give --output a new folder"
            )
        }
        try AtomicFile.write(text, to: file)
        return file
    }
}
