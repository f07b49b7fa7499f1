import Foundation

/// Keys that sign requests to AWS: an access key id, its secret, and for temporary credentials a session
/// token and an expiry. Its description never shows the secret or the token.
public struct AWSCredentials: Sendable, Equatable, CustomStringConvertible {
    /// The access key id (`AKIA...` for an IAM user's long-term key, `ASIA...` for temporary credentials);
    /// it names the key in the signature's credential scope and is safe to show.
    public var accessKeyId: String
    /// The secret access key the signing key is derived from; never shown.
    public var secretAccessKey: String
    /// The session token of temporary credentials (from STS, SSO or a container), sent as
    /// `X-Amz-Security-Token`; `nil` for long-term keys.
    public var sessionToken: String?
    /// When temporary credentials stop working; `nil` for long-term keys.
    public var expiration: Date?
    /// Where they came from (`environment`, `profile default`, `web identity`, ...), for messages.
    public var source: String

    /// Credentials of the given keys; `sessionToken` and `expiration` default to `nil` (long-term keys).
    public init(accessKeyId: String, secretAccessKey: String, sessionToken: String? = nil, expiration: Date? = nil, source: String) {
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.expiration = expiration
        self.source = source
    }

    /// Whether they expire within `margin` of `now` (refreshed before that).
    public func expire(within margin: TimeInterval = 300, of now: Date = Date()) -> Bool {
        expiration.map { $0.timeIntervalSince(now) < margin } ?? false
    }

    public var description: String {
        "AWS credentials \(accessKeyId) from \(source)\(sessionToken == nil ? "" : " (temporary)")"
    }
}
