import Foundation
import Formwork
import FormworkCLI
@testable import FormworkDeploy
import FormworkTestSupport
import Testing

/// Asset folders holding what no code folder should: a FIFO, a socket or a folder synth may not read. Each is
/// named with what it is, never opened (a FIFO would block for ever), and exits 2 (the folder's contents) or
/// 3 (the file system).
@Suite struct AssetFolderTests {
    func synth(assetFolder: String, output: String) -> CommandRunner.Result {
        let app = App { Stack("Assets") { Function("Fn", runtime: .nodejs22, handler: "index.handler", code: .asset(assetFolder)) } }
        return CommandRunner.run(["synth", "--output", output], root: AppCommand.self, app: app)
    }

    @Test func aFIFOIsNamedAndNeverOpened() throws {
        let folder = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: folder.path("code/lib"), withIntermediateDirectories: true)
        try folder.write("exports.handler = async () => ({});", to: "code/index.js")
        #expect(mkfifo(folder.path("code/lib/pipe"), 0o600) == 0)
        let result = synth(assetFolder: folder.path("code"), output: folder.path("out"))
        #expect(result.status == .badInput)
        #expect(
            result.output.standardError.contains("'lib/pipe': it is a FIFO (named pipe); an asset folder may hold only files, folders and symbolic links"),
            "\(result.output.standardError)")
        #expect(throws: AssetFolderError.self) { try AssetArchive.data(ofFolder: folder.path("code")) }
    }

    @Test func aSocketIsNamed() throws {
        let folder = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: folder.path("code"), withIntermediateDirectories: true)
        let socketPath = folder.path("code/s")
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in socketPath.utf8.prefix(buffer.count - 1).enumerated() { buffer[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        try #require(bound == 0)
        let result = synth(assetFolder: folder.path("code"), output: folder.path("out"))
        #expect(result.status == .badInput)
        #expect(result.output.standardError.contains("'s': it is a socket"))
    }

    @Test(.enabled(if: geteuid() != 0, "root reads every folder, so a folder without permissions cannot be made"))
    func aFolderSynthMayNotReadExitsThree() throws {
        let folder = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: folder.path("code/private"), withIntermediateDirectories: true)
        #expect(chmod(folder.path("code/private"), 0) == 0)
        defer { chmod(folder.path("code/private"), 0o755) }
        let result = synth(assetFolder: folder.path("code"), output: folder.path("out"))
        #expect(result.status == .environment)
        #expect(result.output.standardError.contains("'private': permission denied"))
    }
}
