import Foundation

/// The Lambda calls a hotswap deployment makes: replace a function's code, change its environment and
/// description, and wait until the change is in place.
public struct LambdaClient: Sendable {
    let json: AWSJSONClient

    /// A client for Lambda in `region` as `environment` reaches it.
    public init(environment: AWSEnvironment, region: String, credentials: RefreshingCredentials) throws(CloudError) {
        json = try AWSJSONClient(service: "lambda", environment: environment, region: region, credentials: credentials)
    }

    /// What Lambda says of a function's configuration, as far as a hotswap reads it.
    public struct FunctionConfiguration: Decodable, Sendable, Equatable {
        /// The function's name (`FunctionName`).
        public var FunctionName: String?
        /// The SHA-256 of the deployment package, base64: it changes with the code.
        public var CodeSha256: String?
        /// `Pending`, `Active`, `Inactive` or `Failed`.
        public var State: String?
        /// `InProgress`, `Successful` or `Failed`: whether the last update is in place.
        public var LastUpdateStatus: String?
        /// Why the last update has its status; for a `Failed` one, what went wrong.
        public var LastUpdateStatusReason: String?
        /// The function's description; `nil` or empty when it has none.
        public var Description: String?
        /// The version this configuration is of: `$LATEST`, or a published number.
        public var Version: String?
    }

    /// The path of a function's sub-resource: `/2015-03-31/functions/NAME/code`.
    private static func path(_ function: String, _ rest: String) throws(CloudError) -> String {
        guard let name = function.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-_.:"))),
            !function.isEmpty
        else {
            throw .configuration("'\(function)' is not a function name")
        }
        return "/2015-03-31/functions/\(name)/\(rest)"
    }

    /// Replaces the code of `function` with the zip `key` in `bucket` (`UpdateFunctionCode`).
    public func updateFunctionCode(_ function: String, bucket: String, key: String) async throws(CloudError) -> FunctionConfiguration {
        struct Request: Encodable, Sendable {
            let S3Bucket: String
            let S3Key: String
        }
        return try await json.call(
            "UpdateFunctionCode", method: "PUT", path: try Self.path(function, "code"),
            body: Request(S3Bucket: bucket, S3Key: key), as: FunctionConfiguration.self)
    }

    /// Sets the environment variables and the description of `function` (`UpdateFunctionConfiguration`); a
    /// `nil` leaves that part as it is.
    public func updateFunctionConfiguration(_ function: String, environment: [String: String]?, description: String?) async throws(CloudError)
        -> FunctionConfiguration
    {
        struct Variables: Encodable, Sendable {
            let Variables: [String: String]
        }
        struct Request: Encodable, Sendable {
            let Environment: Variables?
            let Description: String?
        }
        return try await json.call(
            "UpdateFunctionConfiguration", method: "PUT", path: try Self.path(function, "configuration"),
            body: Request(Environment: environment.map(Variables.init), Description: description), as: FunctionConfiguration.self)
    }

    /// Publishes the current code and configuration of `function` as a new version (`PublishVersion`).
    public func publishVersion(_ function: String) async throws(CloudError) -> FunctionConfiguration {
        try await json.call(
            "PublishVersion", method: "POST", path: try Self.path(function, "versions"),
            body: AWSJSONClient.NoBody(), as: FunctionConfiguration.self)
    }

    /// Points the alias `alias` of `function` at `version` (`UpdateAlias`).
    public func updateAlias(_ alias: String, of function: String, toVersion version: String) async throws(CloudError) {
        struct Request: Encodable, Sendable {
            let FunctionVersion: String
        }
        guard let name = alias.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-_"))), !alias.isEmpty else {
            throw .configuration("'\(alias)' is not an alias name")
        }
        _ = try await json.call(
            "UpdateAlias", method: "PUT", path: try Self.path(function, "aliases/\(name)"),
            body: Request(FunctionVersion: version), as: AWSJSONClient.NoAnswer.self)
    }

    /// The configuration of `function` (`GetFunctionConfiguration`).
    public func configuration(of function: String) async throws(CloudError) -> FunctionConfiguration {
        try await json.call(
            "GetFunctionConfiguration", method: "GET", path: try Self.path(function, "configuration"),
            body: AWSJSONClient.NoBody?.none, as: FunctionConfiguration.self)
    }

    /// Waits until the last update of `function` is in place (`LastUpdateStatus` no longer `InProgress`),
    /// polling every `interval` seconds for at most `timeout`.
    ///
    /// - Throws: ``CloudError/invalidResponse(service:action:reason:)`` when the update failed, and
    ///   ``CloudError/timeout(host:seconds:)`` when it is still in progress after `timeout`.
    public func waitUntilUpdated(_ function: String, interval: TimeInterval = 1, timeout: TimeInterval = 300) async throws(CloudError) -> FunctionConfiguration
    {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let configuration = try await configuration(of: function)
            switch configuration.LastUpdateStatus {
            case "Failed":
                throw .invalidResponse(
                    service: "lambda", action: "UpdateFunctionCode",
                    reason: "the update of \(function) failed: \(configuration.LastUpdateStatusReason ?? "no reason given")")
            case "InProgress":
                guard Date() < deadline else { throw .timeout(host: "lambda (\(function))", seconds: timeout) }
                guard !Task.isCancelled else { throw .cancelled }
                try? await Task.sleep(nanoseconds: UInt64(interval * 1_000_000_000))
            default:
                return configuration
            }
        }
    }
}
