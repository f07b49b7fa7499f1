import Foundation
import FormworkCloud

/// A fault-injecting proxy (`FaultProxy/fault_proxy.py`) in front of the shared moto server: the test
/// configures what real AWS does (throttling, lost answers, stale reads, asynchronous execution) and points
/// the client at ``endpoint``. One proxy per suite keeps configurations apart; it stops with the tests.
final class FaultProxy: Sendable {
    /// The proxy's URL, for `--endpoint-url`.
    let endpoint: String
    private let process: Process

    init(frontOf moto: MotoServer) throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("FaultProxy/fault_proxy.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, "--upstream", moto.endpoint, "--port", "0", "--parent-pid", "\(getpid())"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let line = String(decoding: output.fileHandleForReading.availableLine(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let port = Int(line) else { throw HostileEndpointError(reason: "the fault proxy printed '\(line)' instead of its port") }
        endpoint = "http://127.0.0.1:\(port)"
        self.process = process
    }

    deinit {
        process.terminate()
    }

    /// Replaces the proxy's rules and stack settings with `configuration` (the JSON of `POST /__fault__/config`).
    func configure(_ configuration: String) throws {
        let answer = try call("POST", "config", body: configuration)
        guard answer.status == 200 else {
            throw HostileEndpointError(reason: "the fault proxy refused the configuration: \(String(decoding: answer.body, as: UTF8.self))")
        }
    }

    /// The requests the proxy saw for `stack` (by name; all of them when `nil`), oldest first, as JSON objects.
    func log(stack: String? = nil) throws -> [[String: Any]] {
        let answer = try call("GET", stack.map { "log?stack=\($0)" } ?? "log")
        let parsed = try JSONSerialization.jsonObject(with: answer.body)
        return ((parsed as? [String: Any])?["log"] as? [[String: Any]]) ?? []
    }

    private func call(_ method: String, _ path: String, body: String = "") throws -> HTTPResponse {
        let request = HTTPRequest(
            method: method, url: URL(string: "\(endpoint)/__fault__/\(path)")!, headers: ["Content-Type": "application/json"], body: Data(body.utf8))
        return try SynchronousWait.run { () async throws(CloudError) -> HTTPResponse in try await CurlTransport().send(request, timeout: 10) }
    }
}
