import Foundation

/// Reads the test fixtures bundled with this target.
enum Fixtures {
    static var directory: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures")
    }

    /// The files in `subfolder` whose names end with `suffix`, sorted by name.
    static func files(in subfolder: String, endingWith suffix: String) -> [URL] {
        let folder = directory.appendingPathComponent(subfolder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(suffix) }.sorted().map { folder.appendingPathComponent($0) }
    }

    static func text(_ url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }
}
