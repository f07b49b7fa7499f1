import Foundation

/// What went wrong talking to AWS, said so that the user knows what to do. No case holds a secret: messages
/// name an access key id at most, never a secret access key or a session token.
public enum CloudError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No credentials anywhere the chain looks.
    case noCredentials(searched: [String])
    /// Credentials were found but cannot be used (a half-set pair, an unreadable file, a failing process).
    case invalidCredentials(source: String, reason: String)
    /// No region from the options, the environment, the profile or the stack.
    case noRegion
    /// A configuration value that cannot be used (an endpoint URL, a profile that loops), or a request this
    /// machine cannot send (no libcurl, a header that would split): retrying would not help.
    case configuration(String)
    /// The host could not be reached.
    case network(host: String, reason: String)
    /// No response within the time allowed.
    case timeout(host: String, seconds: TimeInterval)
    /// The answer's body is longer than the transport reads (``CurlTransport/maximumBodyBytes``).
    case responseTooLarge(host: String, limit: Int)
    /// The task doing the work was cancelled before it finished.
    case cancelled
    /// AWS answered with an error.
    case service(AWSServiceError)
    /// AWS answered with something Formwork cannot read.
    case invalidResponse(service: String, action: String, reason: String)

    public var description: String {
        switch self {
        case .noCredentials(let searched):
            "no AWS credentials found (looked in: \(searched.joined(separator: ", "))); set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, pass --profile, or configure a role for the workflow"
        case .invalidCredentials(let source, let reason):
            "the AWS credentials from \(source) cannot be used: \(reason)"
        case .noRegion:
            "no AWS region: pass --region, set AWS_REGION, give the profile a region, or give the stack an environment"
        case .configuration(let message):
            message
        case .network(let host, let reason):
            "cannot reach \(host): \(reason); check the network, the region and --endpoint-url"
        case .timeout(let host, let seconds):
            "no answer from \(host) within \(Int(seconds)) seconds; check the network, the region and --endpoint-url"
        case .responseTooLarge(let host, let limit):
            "\(host) sent an answer longer than \(limit) bytes; Formwork stops reading there. Check --endpoint-url: AWS's answers are far smaller"
        case .cancelled:
            "interrupted before the work with AWS finished"
        case .service(let error):
            error.description
        case .invalidResponse(let service, let action, let reason):
            "\(service) \(action) answered with something Formwork cannot read: \(reason)"
        }
    }
}

/// An error answer from an AWS service: its code, its message, and advice for the codes users meet.
public struct AWSServiceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The service that answered, by signing name (`cloudformation`, `s3`, `lambda`, `sso`).
    public var service: String
    /// The API action called (`CreateChangeSet`, `PutObject`).
    public var action: String
    /// The HTTP status of the answer (400, 403, 503, ...).
    public var status: Int
    /// The service's error code (`ValidationError`, `AccessDenied`, `ThrottlingException`), or `HTTP<status>`
    /// when the answer carries none.
    public var code: String
    /// The service's message, or a description of the answer when it carries none.
    public var message: String
    /// The request ID AWS gave the call (from the answer or its `x-amzn-requestid` header), for AWS Support;
    /// `nil` when the answer has none.
    public var requestId: String?

    /// An error answer of `service` to `action`, without a request ID unless given.
    public init(service: String, action: String, status: Int, code: String, message: String, requestId: String? = nil) {
        self.service = service
        self.action = action
        self.status = status
        self.code = code
        self.message = message
        self.requestId = requestId
    }

    /// Throttling and server-side failures: worth another try after a pause.
    public var isRetryable: Bool {
        status >= 500 || status == 429 || Self.throttlingCodes.contains(code)
    }

    static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "RequestLimitExceeded", "RequestThrottled", "SlowDown", "BandwidthLimitExceeded", "PriorRequestNotComplete",
        "EC2ThrottledException", "TransactionInProgressException", "ServiceUnavailable", "InternalFailure", "InternalError",
    ]

    /// What to do about the error, for the codes with a known remedy.
    public var advice: String? {
        switch code {
        case "SignatureDoesNotMatch":
            "the secret access key does not belong to the access key id; check AWS_SECRET_ACCESS_KEY or the profile's aws_secret_access_key"
        case "InvalidClientTokenId", "UnrecognizedClientException":
            "the access key id is not known to AWS; check AWS_ACCESS_KEY_ID or the profile, and the region's partition"
        case "ExpiredToken", "ExpiredTokenException", "RequestExpired":
            "the temporary credentials have expired; sign in again or let the workflow's role issue new ones"
        case "AccessDenied", "AccessDeniedException", "UnauthorizedOperation":
            "the credentials lack permission for \(service):\(action); ask for it in the role's or user's policy"
        case "InvalidIdentityToken", "IDPRejectedClaim", "IDPCommunicationError":
            "the web identity token was refused; check the role's trust policy for the identity provider and audience"
        default:
            nil
        }
    }

    public var description: String {
        let base = "\(service) \(action) failed: \(code): \(message)"
        return advice.map { "\(base) (\($0))" } ?? base
    }
}
