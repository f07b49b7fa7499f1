import Foundation
@testable import FormworkCloud
import FormworkTestSupport
import Testing

/// IAM Identity Center profiles, both kinds, with the SSO endpoints scripted: the token from the cache that
/// `aws sso login` writes (named by the SHA-1 of the session name or start URL), exchanged for the role's
/// credentials; an expiring session token refreshed and the cache rewritten; what to run when it cannot be.
@Suite final class SSOCredentialsTests {
    /// SHA-1 of `corp`, the session name: the cache file of a `sso_session = corp` profile.
    static let sessionCacheFile = "ee0bfd2552fbd840c02cc48b6e823320543c450f.json"
    /// SHA-1 of `https://corp.awsapps.com/start`: the cache file of a legacy profile with that start URL.
    static let legacyCacheFile = "a51746d4aa793ae07b25e90c3a5db96fc7832bd7.json"
    static let roleAnswer =
        #"{"roleCredentials": {"accessKeyId": "ASIASSO", "secretAccessKey": "sso-secret", "sessionToken": "sso-session", "expiration": 1893456000000}}"#

    let folder: TemporaryDirectory

    init() throws {
        folder = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: folder.path(".aws/sso/cache"), withIntermediateDirectories: true)
        try folder.write(
            """
            [profile dev]
            sso_session = corp
            sso_account_id = 111122223333
            sso_role_name = Deployer
            region = eu-west-1

            [profile legacy]
            sso_start_url = https://corp.awsapps.com/start
            sso_region = eu-west-1
            sso_account_id = 111122223333
            sso_role_name = Deployer

            [sso-session corp]
            sso_start_url = https://corp.awsapps.com/start
            sso_region = eu-central-1
            sso_registration_scopes = sso:account:access
            """, to: ".aws/config")
    }

    func resolve(_ profile: String, transport: ScriptedTransport) -> Result<AWSCredentials, CloudError> {
        let environment = AWSEnvironment(
            variables: ["HOME": folder.url.path, "AWS_EC2_METADATA_DISABLED": "true"], profile: profile, transport: transport,
            retry: RetryPolicy(maxAttempts: 1))
        return Result { () throws(CloudError) -> AWSCredentials in
            try SynchronousWait.run { () async throws(CloudError) -> AWSCredentials in try await CredentialChain.resolve(environment) }
        }
    }

    static func cache(token: String, expiresAt: String, refreshable: Bool = true) -> String {
        let refresh =
            refreshable
            ? #", "refreshToken": "refresh-1", "clientId": "client-1", "clientSecret": "client-secret-1", "registrationExpiresAt": "2099-01-01T00:00:00Z""# : ""
        return #"{"startUrl": "https://corp.awsapps.com/start", "region": "eu-central-1", "accessToken": "\#(token)", "expiresAt": "\#(expiresAt)"\#(refresh)}"#
    }

    @Test func aSessionProfileGetsTheRoleCredentialsWithTheCachedToken() throws {
        try folder.write(Self.cache(token: "token-valid", expiresAt: "2099-01-01T00:00:00Z"), to: ".aws/sso/cache/\(Self.sessionCacheFile)")
        let transport = ScriptedTransport { _ in HTTPResponse(status: 200, body: Data(Self.roleAnswer.utf8)) }
        let credentials = try resolve("dev", transport: transport).get()
        #expect(credentials.accessKeyId == "ASIASSO" && credentials.secretAccessKey == "sso-secret" && credentials.sessionToken == "sso-session")
        #expect(credentials.expiration == Date(timeIntervalSince1970: 1_893_456_000))
        let request = try #require(transport.requests.first)
        #expect(request.method == "GET")
        #expect(request.url.host == "portal.sso.eu-central-1.amazonaws.com", "the session's region, not the profile's")
        #expect(request.url.path == "/federation/credentials")
        #expect(Set(request.url.query?.split(separator: "&").map(String.init) ?? []) == ["account_id=111122223333", "role_name=Deployer"])
        #expect(request.headers["x-amz-sso_bearer_token"] == "token-valid")
        #expect(request.headers["Authorization"] == nil, "the portal call is not signed")
    }

    @Test func anExpiringSessionTokenIsRefreshedAndTheCacheRewritten() throws {
        try folder.write(Self.cache(token: "token-old", expiresAt: "2020-01-01T00:00:00Z"), to: ".aws/sso/cache/\(Self.sessionCacheFile)")
        let transport = ScriptedTransport { request in
            if request.url.host == "oidc.eu-central-1.amazonaws.com" {
                return HTTPResponse(
                    status: 200, body: Data(#"{"accessToken": "token-new", "expiresIn": 28800, "refreshToken": "refresh-2", "tokenType": "Bearer"}"#.utf8))
            }
            return HTTPResponse(status: 200, body: Data(Self.roleAnswer.utf8))
        }
        _ = try resolve("dev", transport: transport).get()
        let refresh = try #require(transport.requests.first)
        #expect(refresh.method == "POST" && refresh.url.path == "/token")
        let body = try #require(try JSONSerialization.jsonObject(with: refresh.body) as? [String: String])
        #expect(body == ["grantType": "refresh_token", "clientId": "client-1", "clientSecret": "client-secret-1", "refreshToken": "refresh-1"])
        #expect(transport.requests.last?.headers["x-amz-sso_bearer_token"] == "token-new")
        let cached = try #require(
            try JSONSerialization.jsonObject(with: Data(folder.read(".aws/sso/cache/\(Self.sessionCacheFile)").utf8)) as? [String: String])
        #expect(cached["accessToken"] == "token-new" && cached["refreshToken"] == "refresh-2" && cached["clientId"] == "client-1")
        #expect(cached["expiresAt"].flatMap(ISO8601Timestamp.parse).map { $0 > Date() } == true)
    }

    @Test func anExpiredLegacyTokenSaysToSignInAgainAndCallsNothing() throws {
        try folder.write(Self.cache(token: "token-legacy", expiresAt: "2020-01-01T00:00:00Z", refreshable: false), to: ".aws/sso/cache/\(Self.legacyCacheFile)")
        let outcome = resolve("legacy", transport: CredentialChainTests.noNetwork)
        guard case .failure(let error) = outcome else {
            Issue.record("an expired token is an error")
            return
        }
        #expect("\(error)".contains("its SSO token has expired; run `aws sso login --profile legacy`"))
        #expect(!"\(error)".contains("token-legacy"), "the token is never printed")
    }

    @Test func noCachedTokenSaysToSignIn() {
        let outcome = resolve("dev", transport: CredentialChainTests.noNetwork)
        guard case .failure(let error) = outcome else {
            Issue.record("a missing token is an error")
            return
        }
        #expect("\(error)".contains("there is no SSO token for it"))
        #expect("\(error)".contains("run `aws sso login --profile dev`"))
    }

    @Test func aRefusedTokenSaysToSignInWithoutPrintingIt() throws {
        try folder.write(Self.cache(token: "token-revoked", expiresAt: "2099-01-01T00:00:00Z"), to: ".aws/sso/cache/\(Self.sessionCacheFile)")
        let transport = ScriptedTransport { _ in
            HTTPResponse(
                status: 401,
                body: Data(#"{"message": "Session token not found or invalid", "__type": "com.amazonaws.switchboard.portal#UnauthorizedException"}"#.utf8))
        }
        let outcome = resolve("dev", transport: transport)
        guard case .failure(let error) = outcome else {
            Issue.record("a refused token is an error")
            return
        }
        #expect("\(error)".contains("(UnauthorizedException)"))
        #expect("\(error)".contains("run `aws sso login --profile dev`"))
        #expect(!"\(error)".contains("token-revoked"))
    }

    @Test func aProfileNamingAMissingSessionIsAConfigurationError() throws {
        try folder.write("[profile orphan]\nsso_session = gone\nsso_account_id = 1\nsso_role_name = R\n", to: ".aws/config")
        #expect(throws: CloudError.configuration("profile orphan names sso_session 'gone', but the AWS config file has no [sso-session gone] section")) {
            try resolve("orphan", transport: CredentialChainTests.noNetwork).get()
        }
    }

    @Test func theEndpointsFollowAWSEndpointURLSSO() throws {
        try folder.write(Self.cache(token: "token-valid", expiresAt: "2099-01-01T00:00:00Z"), to: ".aws/sso/cache/\(Self.sessionCacheFile)")
        let transport = ScriptedTransport { _ in HTTPResponse(status: 200, body: Data(Self.roleAnswer.utf8)) }
        let environment = AWSEnvironment(
            variables: ["HOME": folder.url.path, "AWS_ENDPOINT_URL_SSO": "http://127.0.0.1:4555"], profile: "dev", transport: transport,
            retry: RetryPolicy(maxAttempts: 1))
        _ = try SynchronousWait.run { () async throws(CloudError) -> AWSCredentials in try await CredentialChain.resolve(environment) }
        #expect(transport.requests.first?.url.absoluteString.hasPrefix("http://127.0.0.1:4555/federation/credentials?") == true)
    }
}
