import Foundation

/// A client for AWS's JSON protocols: REST-JSON (Lambda: the action in the method and path) and JSON 1.0/1.1
/// (Step Functions: every action posted to `/` with an `X-Amz-Target`). Bodies are encoded from and answers
/// decoded into Swift types; signed with SigV4; retried per its ``RetryPolicy``; errors become ``CloudError``.
public struct AWSJSONClient: Sendable {
    /// The signing name (`lambda`, `states`).
    public var service: String
    /// The service's base URL, such as `https://lambda.us-east-1.amazonaws.com`; each call's path is added to it.
    public var endpoint: URL
    /// The region requests are signed for (`us-east-1`).
    public var region: String
    /// The credentials each attempt is signed with.
    public var credentials: RefreshingCredentials
    /// How requests are sent.
    public var transport: any HTTPTransport
    /// How failed calls are retried, and the time allowed for each attempt.
    public var retry: RetryPolicy

    /// A client of `service` at `endpoint`.
    public init(service: String, endpoint: URL, region: String, credentials: RefreshingCredentials, transport: any HTTPTransport, retry: RetryPolicy) {
        self.service = service
        self.endpoint = endpoint
        self.region = region
        self.credentials = credentials
        self.transport = transport
        self.retry = retry
    }

    /// A client of `service` (its signing name, which also names its endpoint) in `region` as `environment`
    /// reaches it.
    public init(service: String, environment: AWSEnvironment, region: String, credentials: RefreshingCredentials) throws(CloudError) {
        self.init(
            service: service, endpoint: try environment.endpoint(for: service, region: region), region: region,
            credentials: credentials, transport: environment.transport, retry: environment.retry)
    }

    /// The most bytes of an answer decoded: 1 MiB (a function's configuration is a few KiB).
    public static let maximumAnswerBytes = 1 << 20

    /// Calls `action`: `method` at `path` (percent-encoded by the caller) with `body` as JSON, or as JSON
    /// `targetVersion` (1.0 for Step Functions, 1.1 for CloudWatch Logs) with `target`
    /// (`AWSStepFunctions.UpdateStateMachine`) posted to `/`; decodes the answer as `Answer`.
    public func call<Answer: Decodable & Sendable>(
        _ action: String, method: String = "POST", path: String = "/", target: String? = nil,
        targetVersion: String = "1.0",
        body: (some Encodable & Sendable)?, as answer: Answer.Type
    ) async throws(CloudError) -> Answer {
        guard let url = URL(string: endpoint.absoluteString.trimmingCharacters(in: CharacterSet(charactersIn: "/")) + path) else {
            throw .configuration("no \(service) URL can be made of '\(endpoint.absoluteString)' and '\(path)'")
        }
        let data: Data
        do {
            data = try body.map { try JSONEncoder().encode($0) } ?? Data()
        } catch {
            throw .configuration("the \(action) request cannot be written as JSON: \(error)")
        }
        var headers = ["Host": SigV4Signer.host(of: url)]
        if let target {
            headers["X-Amz-Target"] = target
            headers["Content-Type"] = "application/x-amz-json-\(targetVersion)"
        } else if body != nil {
            headers["Content-Type"] = "application/json"
        }
        let response = try await retry.run { () async throws(CloudError) -> HTTPResponse in
            var request = HTTPRequest(method: method, url: url, headers: headers, body: data)
            let signer = SigV4Signer(credentials: try await credentials.current(), service: service, region: region)
            request.headers.merge(signer.signedHeaders(method: method, url: url, headers: request.headers, body: data)) { $1 }
            let response = try await transport.send(request, timeout: retry.timeout)
            guard (200..<300).contains(response.status) else { throw error(response, action: action) }
            return response
        }
        guard response.body.count <= Self.maximumAnswerBytes else {
            throw .responseTooLarge(host: url.host ?? service, limit: Self.maximumAnswerBytes)
        }
        if Answer.self == NoAnswer.self, let none = NoAnswer() as? Answer { return none }
        do {
            return try JSONDecoder().decode(Answer.self, from: response.body)
        } catch {
            throw .invalidResponse(service: service, action: action, reason: "the answer is not the JSON expected: \(error)")
        }
    }

    /// An answer whose body is not read.
    public struct NoAnswer: Decodable, Sendable {
        /// The answer of a call whose body is ignored.
        public init() {}
    }

    /// An empty request body.
    public struct NoBody: Encodable, Sendable {
        /// A body written as the empty JSON object, `{}`.
        public init() {}
    }

    private func error(_ response: HTTPResponse, action: String) -> CloudError {
        struct ErrorAnswer: Decodable {
            let message: String?
            let Message: String?
            let __type: String?
        }
        let answer = try? JSONDecoder().decode(ErrorAnswer.self, from: response.body)
        let type = response.headers["x-amzn-errortype"] ?? answer?.__type ?? "HTTP\(response.status)"
        // `__type` may be `namespace#Code`, and the header `Code:http://...`.
        let code = String(type.split(separator: "#").last ?? Substring(type)).split(separator: ":").first.map(String.init) ?? type
        return .service(
            AWSServiceError(
                service: service, action: action, status: response.status, code: code,
                message: answer?.message ?? answer?.Message ?? AWSQueryClient.describe(response),
                requestId: response.headers["x-amzn-requestid"]))
    }
}
