import Foundation

/// Everything that decides how Formwork reaches AWS: the environment variables, the command's
/// `--profile`, `--region` and `--endpoint-url`, the shared config files, and the HTTP transport.
/// Resolves the region and each service's endpoint as the AWS SDKs do.
public struct AWSEnvironment: Sendable {
    /// The process's environment variables (tests pass their own).
    public var variables: [String: String]
    /// `--profile`: names the profile and, as in the AWS CLI, turns off credentials from the environment.
    public var profileOption: String?
    /// `--region`.
    public var regionOption: String?
    /// `--endpoint-url`: every service at this URL (a local moto server, a proxy).
    public var endpointOption: String?
    /// How requests are sent: ``CurlTransport`` unless a test gives its own.
    public var transport: any HTTPTransport
    /// How failed requests are retried, by every client made from this environment; ``RetryPolicy/standard``
    /// unless given.
    public var retry: RetryPolicy
    /// The shared config and credentials files.
    public var files: SharedConfigFiles

    /// The environment of the process's variables (by default) and the command's `--profile`, `--region` and
    /// `--endpoint-url` (each `nil` when not given), reading the shared config and credentials files now.
    public init(
        variables: [String: String] = ProcessInfo.processInfo.environment, profile: String? = nil, region: String? = nil,
        endpointURL: String? = nil, transport: any HTTPTransport = CurlTransport(), retry: RetryPolicy = .standard
    ) {
        self.variables = variables
        self.profileOption = profile
        self.regionOption = region
        self.endpointOption = endpointURL
        self.transport = transport
        self.retry = retry
        self.files = SharedConfigFiles(profiles: [:])
        self.files = SharedConfigFiles.load(self)
    }

    /// The profile in use: `--profile`, `AWS_PROFILE`, or `default`.
    public var profileName: String {
        profileOption ?? nonEmpty("AWS_PROFILE") ?? nonEmpty("AWS_DEFAULT_PROFILE") ?? "default"
    }

    /// Where credentials come from, for messages, in the chain's order: `--profile`, then keys in the environment, then the profile the environment names.
    public var credentialsSource: String {
        if let named = profileOption { return "profile \(named)" }
        if nonEmpty("AWS_ACCESS_KEY_ID") != nil { return "AWS_ACCESS_KEY_ID of the environment" }
        return "profile \(profileName)"
    }

    /// The settings of the profile in use (empty when the files do not have it).
    public var profile: [String: String] {
        files.profiles[profileName] ?? [:]
    }

    /// The region: `--region`, `AWS_REGION`, `AWS_DEFAULT_REGION`, the profile's `region`, then `fallback`
    /// (the stack's environment).
    public func region(fallback: String? = nil) throws(CloudError) -> String {
        try files.checkReadable()
        guard let region = regionOption ?? nonEmpty("AWS_REGION") ?? nonEmpty("AWS_DEFAULT_REGION") ?? profile["region"] ?? fallback,
            !region.isEmpty
        else { throw .noRegion }
        return try Self.checkedRegion(region)
    }

    /// `region` when it is shaped like a region name (letters, digits, hyphens): it becomes part of a host name.
    static func checkedRegion(_ region: String) throws(CloudError) -> String {
        guard region.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
            throw .configuration("'\(region)' is not an AWS region name (such as eu-west-1)")
        }
        return region
    }

    /// Where `service` (its endpoint id, `cloudformation`, `sts`, `s3`) is reached in `region`: `--endpoint-url`,
    /// `AWS_ENDPOINT_URL_<SERVICE>`, `AWS_ENDPOINT_URL`, the profile's `endpoint_url`, then the public endpoint
    /// `https://<host>.<region>.amazonaws.com`.
    ///
    /// - Parameter host: the public endpoint's first labels when they are not the service id (`portal.sso` for
    ///   `sso`); the service id when `nil` (the default).
    public func endpoint(for service: String, region: String, host: String? = nil) throws(CloudError) -> URL {
        let ignoresConfigured = nonEmpty("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")?.lowercased() == "true"
        let configured =
            ignoresConfigured
            ? nil
            : nonEmpty("AWS_ENDPOINT_URL_\(service.uppercased().replacingOccurrences(of: " ", with: "_"))")
                ?? nonEmpty("AWS_ENDPOINT_URL") ?? profile["endpoint_url"]
        if let text = endpointOption ?? configured {
            guard let url = URL(string: text), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
                throw .configuration("'\(text)' is not an endpoint URL; give one such as http://127.0.0.1:5000")
            }
            return url
        }
        let suffix = region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
        return URL(string: "https://\(host ?? service).\(region).\(suffix)")!
    }

    func nonEmpty(_ name: String) -> String? {
        variables[name].flatMap { $0.isEmpty ? nil : $0 }
    }
}
