import Foundation

/// The content hash CDK gives a directory asset (`fingerprint` in aws-cdk-lib), so that an asset keeps its
/// S3 key — and a function its code location — when an app moves from CDK to Formwork.
///
/// SHA-256 over a sequence of fields `\x01 <header> \x02 <value> \x03`: `options.extra` (empty),
/// `options.follow` (`external`), then, for every entry below the directory sorted by name and depth first,
/// `file:<relative path>` → `<size>:<sha256 of the content>`. Text files (no NUL byte in the first 8 KiB)
/// have CRLF turned into LF first. Symbolic links are hashed as `link:<relative path>` → target.
enum AssetFingerprint {
    /// The fingerprint of the directory at `path`.
    static func directory(at path: String) throws(AssetFolderError) -> String {
        var hasher = SHA256()
        addField(&hasher, "options.extra", "")
        addField(&hasher, "options.follow", "external")
        try addEntries(of: URL(fileURLWithPath: path), relativeTo: "", into: &hasher)
        return hasher.hexDigest()
    }

    private static func addField(_ hasher: inout SHA256, _ header: String, _ value: String) {
        hasher.update([0x01])
        hasher.update(header.utf8)
        hasher.update([0x02])
        hasher.update(value.utf8)
        hasher.update([0x03])
    }

    private static func addEntries(of directory: URL, relativeTo prefix: String, into hasher: inout SHA256) throws(AssetFolderError) {
        for name in try AssetEntry.names(inFolder: directory.path, relative: prefix) {
            let url = directory.appendingPathComponent(name)
            let relative = prefix.isEmpty ? name : "\(prefix)/\(name)"
            switch try AssetEntry.kind(at: url.path, relative: relative) {
            case .symbolicLink:
                guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: url.path) else {
                    throw AssetFolderError(entry: relative, reason: "the symbolic link cannot be read", isEnvironment: true)
                }
                addField(&hasher, "link:\(relative)", target)
            case .folder:
                try addEntries(of: url, relativeTo: relative, into: &hasher)
            case .file:
                var content = [UInt8](try AssetEntry.contents(at: url.path, relative: relative))
                if !content.prefix(8_192).contains(0) { content = normalizingLineEndings(content) }
                addField(&hasher, "file:\(relative)", "\(content.count):\(SHA256.hex(content))")
            }
        }
    }

    private static func normalizingLineEndings(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                index += 1
                continue
            }
            result.append(bytes[index])
            index += 1
        }
        return result
    }
}
