import Foundation
import FormworkCloud

/// The hostile endpoint of `HostileEndpoint/hostile_endpoint.py` on 127.0.0.1, with the "other host" its
/// redirects point to on 127.0.0.2: one server for the test run, stopped when the tests end.
final class HostileEndpoint: Sendable {
    let port: Int
    let otherPort: Int

    static let shared: Result<HostileEndpoint, HostileEndpointError> = Result { () throws(HostileEndpointError) -> HostileEndpoint in try HostileEndpoint() }

    /// The endpoint URL for behaviour `mode` (`redirect/307`, `endless-body`, …: see the script).
    func url(_ mode: String) -> URL {
        URL(string: "http://127.0.0.1:\(port)/\(mode)")!
    }

    /// The requests the other host received, as `method path` with the names of their headers.
    func requestsSeenByTheOtherHost() throws -> [(request: String, headers: [String])] {
        let request = HTTPRequest(method: "GET", url: URL(string: "http://127.0.0.2:\(otherPort)/__seen__")!)
        let data = try SynchronousWait.run { () async throws(CloudError) -> HTTPResponse in try await CurlTransport().send(request, timeout: 10) }.body
        let seen = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] ?? []
        return seen.map { ("\($0["method"] ?? "") \($0["path"] ?? "")", $0["headers"] as? [String] ?? []) }
    }

    private init() throws(HostileEndpointError) {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("HostileEndpoint/hostile_endpoint.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, "\(getpid())"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw HostileEndpointError(reason: "cannot start python3 \(script.path): \(error)")
        }
        let line = String(decoding: output.fileHandleForReading.availableLine(), as: UTF8.self)
        let ports = line.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        guard ports.count == 2 else { throw HostileEndpointError(reason: "the script printed '\(line)' instead of its ports") }
        (port, otherPort) = (ports[0], ports[1])
    }
}

struct HostileEndpointError: Error, CustomStringConvertible {
    var reason: String
    var description: String { "the hostile endpoint is not available: \(reason)" }
}

extension FileHandle {
    /// The bytes up to the first newline (or the end), read one at a time so that nothing after is consumed.
    func availableLine() -> Data {
        var line = Data()
        while let byte = try? read(upToCount: 1), let first = byte.first, first != UInt8(ascii: "\n") {
            line.append(first)
        }
        return line
    }
}
