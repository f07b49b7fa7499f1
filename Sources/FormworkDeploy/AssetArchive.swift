import Foundation
import FormworkCore
import ZIPFoundation

/// The zip of a function's code folder, the same bytes on every run and machine: entries in CDK's
/// fingerprint order (by name, depth first), every entry dated 1980-01-01 00:00 (the first date zip can say),
/// files mode 0644 or 0755 (executable by the owner), folders 0755, symbolic links kept as links.
///
/// Entries are stored, not deflated: deflate's bytes depend on the compressor (zlib, zlib-ng, Apple's
/// Compression), stored bytes do not. Lambda's size limit for code from S3 is on the unzipped size, so this
/// costs upload bytes only.
public enum AssetArchive {
    /// The zip of the folder at `path`.
    public static func data(ofFolder path: String) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        try add(URL(fileURLWithPath: path), prefix: "", to: archive)
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    /// 1980-01-01 00:00:00 in the writing machine's time zone: zip dates have no zone, and ZIPFoundation
    /// writes local time, so this is the all-zero DOS date everywhere.
    static var epoch: Date {
        var components = DateComponents()
        components.calendar = Calendar(identifier: .gregorian)
        components.timeZone = TimeZone.current
        (components.year, components.month, components.day) = (1980, 1, 1)
        return components.date!
    }

    private static func add(_ folder: URL, prefix: String, to archive: Archive) throws {
        for name in try AssetEntry.names(inFolder: folder.path, relative: prefix) {
            let url = folder.appendingPathComponent(name)
            let entryPath = prefix + name
            switch try AssetEntry.kind(at: url.path, relative: entryPath) {
            case .symbolicLink:
                let target = Data(try FileManager.default.destinationOfSymbolicLink(atPath: url.path).utf8)
                try archive.addEntry(
                    with: entryPath, type: .symlink, uncompressedSize: Int64(target.count), modificationDate: epoch,
                    permissions: 0o777, provider: { position, size in target.subdata(in: Int(position)..<Int(position) + size) })
            case .folder:
                try archive.addEntry(
                    with: entryPath + "/", type: .directory, uncompressedSize: Int64(0), modificationDate: epoch, permissions: 0o755,
                    provider: { _, _ in Data() })
                try add(url, prefix: entryPath + "/", to: archive)
            case .file(let executable):
                let content = try AssetEntry.contents(at: url.path, relative: entryPath)
                try archive.addEntry(
                    with: entryPath, type: .file, uncompressedSize: Int64(content.count), modificationDate: epoch,
                    permissions: executable ? 0o755 : 0o644, compressionMethod: .none,
                    provider: { position, size in content.subdata(in: Int(position)..<Int(position) + size) })
            }
        }
    }
}
