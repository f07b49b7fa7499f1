import Foundation
@testable import FormworkDeploy
import FormworkTestSupport
import Testing
import ZIPFoundation

/// The code zip is the same bytes for the same folder, whatever the files' dates, the order they were
/// written in, or the run.
@Suite struct AssetArchiveTests {
    static func folder(writingInOrder names: [String], modifiedAt date: Date) throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: folder.path("lib/util"), withIntermediateDirectories: true)
        let contents = [
            "index.js": "exports.handler = require('./lib/util/x').run;\n", "lib/util/x.js": "exports.run = async () => 1;\n",
            "bootstrap": "#!/bin/sh\nexec node index.js\n", "Zeta.txt": "upper case sorts first\n",
        ]
        for name in names {
            let path = folder.path(name)
            try folder.write(contents[name]!, to: name)
            try FileManager.default.setAttributes([.modificationDate: date, .posixPermissions: name == "bootstrap" ? 0o700 : 0o600], ofItemAtPath: path)
        }
        return folder
    }

    @Test func theSameFolderGivesTheSameBytesWhateverItsDatesAndWritingOrder() throws {
        let first = try Self.folder(
            writingInOrder: ["index.js", "lib/util/x.js", "bootstrap", "Zeta.txt"], modifiedAt: Date(timeIntervalSince1970: 1_000_000_000))
        let second = try Self.folder(writingInOrder: ["Zeta.txt", "bootstrap", "lib/util/x.js", "index.js"], modifiedAt: Date())
        let archive = try AssetArchive.data(ofFolder: first.url.path)
        #expect(archive == (try AssetArchive.data(ofFolder: second.url.path)))
        #expect(archive == (try AssetArchive.data(ofFolder: first.url.path)))
    }

    @Test func entriesAreSortedDatedAtTheZipEpochWithNormalisedModes() throws {
        let folder = try Self.folder(writingInOrder: ["index.js", "lib/util/x.js", "bootstrap", "Zeta.txt"], modifiedAt: Date())
        let archive = try Archive(data: try AssetArchive.data(ofFolder: folder.url.path), accessMode: .read)
        let entries = Array(archive)
        #expect(entries.map(\.path) == ["Zeta.txt", "bootstrap", "index.js", "lib/", "lib/util/", "lib/util/x.js"])
        #expect(entries.allSatisfy { $0.fileAttributes[.modificationDate] as? Date == AssetArchive.epoch })
        let modes = Dictionary(uniqueKeysWithValues: entries.map { ($0.path, ($0.fileAttributes[.posixPermissions] as? Int ?? 0) & 0o777) })
        #expect(modes["bootstrap"] == 0o755 && modes["index.js"] == 0o644 && modes["lib/"] == 0o755)
        var extracted = Data()
        _ = try archive.extract(try #require(archive["lib/util/x.js"])) { extracted.append($0) }
        #expect(String(decoding: extracted, as: UTF8.self) == "exports.run = async () => 1;\n")
    }
}
