import Crypto
import Foundation

/// Credentials of an IAM Identity Center (SSO) profile, as the AWS SDKs get them: the access token
/// `aws sso login` left in `~/.aws/sso/cache/`, exchanged for the role's credentials (`GetRoleCredentials`).
///
/// Two kinds of profile:
/// - with `sso_session = NAME` and a `[sso-session NAME]` section (`sso_start_url`, `sso_region`): the token
///   is cached under the session's name and, when it expires within five minutes, refreshed with its refresh
///   token (`CreateToken` of SSO OIDC), the cache file rewritten;
/// - legacy, with `sso_start_url` and `sso_region` in the profile: cached under the start URL, never refreshed.
///
/// Both name `sso_account_id` and `sso_role_name`. The token is sent only to the SSO endpoints, never printed.
enum SSOCredentials {
    /// How long before its expiry a session's token is refreshed: 5 minutes, as the SDKs do.
    static let refreshMargin: TimeInterval = 300
    /// The most a token cache file may hold: 1 MiB (a token file is a few KiB).
    static let maximumCacheFileBytes = 1 << 20

    /// The role credentials of profile `name`, whose `settings` name an SSO sign-in.
    static func resolve(profile name: String, settings: [String: String], environment: AWSEnvironment, now: Date = Date()) async throws(CloudError)
        -> AWSCredentials
    {
        let source = "profile \(name) (IAM Identity Center)"
        let login = try SSOLogin(profile: name, settings: settings, environment: environment)
        guard let account = settings["sso_account_id"], let role = settings["sso_role_name"] else {
            throw .invalidCredentials(source: source, reason: "it needs both sso_account_id and sso_role_name")
        }
        var token = try login.cachedToken()
        if token.expiresAt.timeIntervalSince(now) <= (login.isRefreshable ? refreshMargin : 0) {
            guard login.isRefreshable, token.canRefresh(now: now) else {
                throw .invalidCredentials(source: source, reason: "its SSO token has expired; run `aws sso login --profile \(name)`")
            }
            token = try await refreshed(token, login: login, environment: environment, now: now)
        }
        return try await roleCredentials(account: account, role: role, token: token.accessToken, login: login, environment: environment)
    }

    /// `GetRoleCredentials` of the SSO portal: unsigned, the token in `x-amz-sso_bearer_token`.
    private static func roleCredentials(account: String, role: String, token: String, login: SSOLogin, environment: AWSEnvironment) async throws(CloudError)
        -> AWSCredentials
    {
        let source = "profile \(login.profile) (IAM Identity Center)"
        let portal = try environment.endpoint(for: "sso", region: login.region, host: "portal.sso")
        var components = URLComponents(url: portal.appendingPathComponent("federation/credentials"), resolvingAgainstBaseURL: false)
        components?.queryItems = [URLQueryItem(name: "account_id", value: account), URLQueryItem(name: "role_name", value: role)]
        guard let url = components?.url else { throw .configuration("no SSO portal URL can be made of \(portal.absoluteString)") }
        let request = HTTPRequest(method: "GET", url: url, headers: ["x-amz-sso_bearer_token": token, "Accept": "application/json"], body: Data())
        let response = try await send(request, environment: environment, action: "GetRoleCredentials")
        if [401, 403].contains(response.status) {
            throw .invalidCredentials(
                source: source,
                reason:
                    "IAM Identity Center refused its SSO token, or role \(role) of account \(account) is not assigned to you (\(SSOAnswer.errorType(response.body) ?? "HTTP \(response.status)")); run `aws sso login --profile \(login.profile)`, and check sso_account_id and sso_role_name"
            )
        }
        guard response.status == 200, let answer = try? JSONDecoder().decode(SSOAnswer.RoleCredentials.self, from: response.body) else {
            throw .invalidResponse(service: "sso", action: "GetRoleCredentials", reason: "status \(response.status), not the role credentials JSON")
        }
        let credentials = answer.roleCredentials
        return AWSCredentials(
            accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey, sessionToken: credentials.sessionToken,
            expiration: Date(timeIntervalSince1970: TimeInterval(credentials.expiration) / 1000), source: source)
    }

    /// `token` renewed by SSO OIDC's `CreateToken` with its refresh token; the cache file is rewritten, as the
    /// AWS CLI does, so that the next run and the CLI share it.
    private static func refreshed(_ token: SSOToken, login: SSOLogin, environment: AWSEnvironment, now: Date) async throws(CloudError) -> SSOToken {
        let source = "profile \(login.profile) (IAM Identity Center)"
        let oidc = try environment.endpoint(for: "sso oidc", region: login.region, host: "oidc")
        let body: [String: String] = [
            "grantType": "refresh_token", "clientId": token.clientId ?? "", "clientSecret": token.clientSecret ?? "",
            "refreshToken": token.refreshToken ?? "",
        ]
        let request = HTTPRequest(
            method: "POST", url: oidc.appendingPathComponent("token"), headers: ["Content-Type": "application/json"],
            body: (try? JSONEncoder().encode(body)) ?? Data())
        let response = try await send(request, environment: environment, action: "CreateToken")
        guard response.status == 200, let answer = try? JSONDecoder().decode(SSOAnswer.CreatedToken.self, from: response.body) else {
            let reason = SSOAnswer.errorType(response.body) ?? "HTTP \(response.status)"
            throw .invalidCredentials(
                source: source, reason: "its SSO token has expired and could not be refreshed (\(reason)); run `aws sso login --profile \(login.profile)`")
        }
        var renewed = token
        renewed.accessToken = answer.accessToken
        renewed.expiresAt = now.addingTimeInterval(TimeInterval(answer.expiresIn))
        if let refreshToken = answer.refreshToken { renewed.refreshToken = refreshToken }
        login.store(renewed)
        return renewed
    }

    /// `request`, retried on throttling and server errors as every call is.
    private static func send(_ request: HTTPRequest, environment: AWSEnvironment, action: String) async throws(CloudError) -> HTTPResponse {
        try await environment.retry.run { () async throws(CloudError) -> HTTPResponse in
            let response = try await environment.transport.send(request, timeout: environment.retry.timeout)
            if response.status >= 500 || response.status == 429 {
                throw .service(
                    AWSServiceError(
                        service: "sso", action: action, status: response.status, code: SSOAnswer.errorType(response.body) ?? "HTTP\(response.status)",
                        message: "IAM Identity Center answered with status \(response.status)", requestId: response.headers["x-amzn-requestid"]))
            }
            return response
        }
    }
}

/// Where an SSO profile signs in, and where its token is cached.
struct SSOLogin {
    let profile: String
    /// The region of the IAM Identity Center instance (`sso_region`).
    let region: String
    /// The token cache file: `~/.aws/sso/cache/<SHA-1 of the session name or start URL>.json`.
    let cachePath: String
    /// Whether the token can be refreshed: only a `sso_session` profile's.
    let isRefreshable: Bool

    init(profile name: String, settings: [String: String], environment: AWSEnvironment) throws(CloudError) {
        let source = "profile \(name) (IAM Identity Center)"
        let key: String
        let region: String?
        if let sessionName = settings["sso_session"] {
            guard let session = environment.files.ssoSessions[sessionName] else {
                throw .configuration("profile \(name) names sso_session '\(sessionName)', but the AWS config file has no [sso-session \(sessionName)] section")
            }
            guard session["sso_start_url"] != nil else {
                throw .invalidCredentials(source: source, reason: "its [sso-session \(sessionName)] has no sso_start_url")
            }
            key = sessionName
            region = session["sso_region"]
            isRefreshable = true
        } else if let startURL = settings["sso_start_url"] {
            key = startURL
            region = settings["sso_region"]
            isRefreshable = false
        } else {
            throw .invalidCredentials(source: source, reason: "it names neither sso_session nor sso_start_url")
        }
        guard let region else { throw .invalidCredentials(source: source, reason: "it has no sso_region") }
        self.profile = name
        self.region = try AWSEnvironment.checkedRegion(region)
        let digest = Insecure.SHA1.hash(data: Data(key.utf8)).map { String(format: "%02x", $0) }.joined()
        let home = environment.variables["HOME"] ?? NSHomeDirectory()
        cachePath = "\(home)/.aws/sso/cache/\(digest).json"
    }

    /// The cached token; an error saying to sign in when there is none or it cannot be read.
    func cachedToken() throws(CloudError) -> SSOToken {
        let source = "profile \(profile) (IAM Identity Center)"
        let signIn = "run `aws sso login --profile \(profile)`"
        switch SharedConfigFiles.read(cachePath) {
        case .failure(let problem):
            throw .invalidCredentials(source: source, reason: "its SSO token cache '\(cachePath)' \(problem.reason); \(signIn)")
        case .success(let text) where text.isEmpty:
            throw .invalidCredentials(source: source, reason: "there is no SSO token for it ('\(cachePath)' is missing or empty); \(signIn)")
        case .success(let text):
            guard text.utf8.count <= SSOCredentials.maximumCacheFileBytes, let token = try? JSONDecoder().decode(SSOToken.self, from: Data(text.utf8)) else {
                throw .invalidCredentials(
                    source: source, reason: "its SSO token cache '\(cachePath)' is not the token JSON (accessToken, expiresAt); \(signIn)")
            }
            return token
        }
    }

    /// Writes `token` back to the cache file, readable by its owner only; a cache that cannot be written is
    /// left as it was (the token still serves this run).
    func store(_ token: SSOToken) {
        guard let data = try? JSONEncoder().encode(token) else { return }
        let url = URL(fileURLWithPath: cachePath)
        guard (try? data.write(to: url, options: .atomic)) != nil else { return }
        _ = chmod(cachePath, 0o600)
    }
}

/// A token cache file as `aws sso login` writes it.
struct SSOToken: Codable {
    var accessToken: String
    var expiresAt: Date
    var refreshToken: String?
    var clientId: String?
    var clientSecret: String?
    var registrationExpiresAt: Date?
    var region: String?
    var startUrl: String?

    /// Whether it carries what a refresh needs, with a client registration still valid at `now`.
    func canRefresh(now: Date) -> Bool {
        guard refreshToken != nil, clientId != nil, clientSecret != nil else { return false }
        return registrationExpiresAt.map { $0 > now } ?? true
    }

    enum CodingKeys: String, CodingKey {
        case accessToken, expiresAt, refreshToken, clientId, clientSecret, registrationExpiresAt, region, startUrl
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        accessToken = try container.decode(String.self, forKey: .accessToken)
        expiresAt = try Self.date(container.decode(String.self, forKey: .expiresAt))
        refreshToken = try container.decodeIfPresent(String.self, forKey: .refreshToken)
        clientId = try container.decodeIfPresent(String.self, forKey: .clientId)
        clientSecret = try container.decodeIfPresent(String.self, forKey: .clientSecret)
        registrationExpiresAt = try container.decodeIfPresent(String.self, forKey: .registrationExpiresAt).map(Self.date)
        region = try container.decodeIfPresent(String.self, forKey: .region)
        startUrl = try container.decodeIfPresent(String.self, forKey: .startUrl)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(accessToken, forKey: .accessToken)
        try container.encode(ISO8601Timestamp.format(expiresAt), forKey: .expiresAt)
        try container.encodeIfPresent(refreshToken, forKey: .refreshToken)
        try container.encodeIfPresent(clientId, forKey: .clientId)
        try container.encodeIfPresent(clientSecret, forKey: .clientSecret)
        try container.encodeIfPresent(registrationExpiresAt.map(ISO8601Timestamp.format), forKey: .registrationExpiresAt)
        try container.encodeIfPresent(region, forKey: .region)
        try container.encodeIfPresent(startUrl, forKey: .startUrl)
    }

    /// A cache timestamp: ISO 8601 (`2026-12-06T10:00:00Z`, also with fractional seconds or `UTC`).
    private static func date(_ text: String) throws -> Date {
        let normalized = text.hasSuffix("UTC") ? String(text.dropLast(3)).trimmingCharacters(in: .whitespaces) + "Z" : text
        guard let date = ISO8601Timestamp.parse(normalized) else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "'\(text)' is not an ISO 8601 time"))
        }
        return date
    }
}

/// The JSON answers of the SSO portal and SSO OIDC.
enum SSOAnswer {
    struct RoleCredentials: Decodable {
        struct Credentials: Decodable {
            var accessKeyId: String
            var secretAccessKey: String
            var sessionToken: String?
            /// Milliseconds since 1970.
            var expiration: Int64
        }

        var roleCredentials: Credentials
    }

    struct CreatedToken: Decodable {
        var accessToken: String
        var expiresIn: Int
        var refreshToken: String?
    }

    /// The error type an error answer names (`__type`, `error`), without anything else it holds.
    static func errorType(_ body: Data) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else { return nil }
        return (object["__type"] as? String ?? object["error"] as? String).map { String($0.split(separator: "#").last ?? "") }
    }
}
