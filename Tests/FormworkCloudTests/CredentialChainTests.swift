import Foundation
@testable import FormworkCloud
import FormworkTestSupport
import Testing

/// The order the chain looks in, and each source's rules, with the network scripted.
@Suite struct CredentialChainTests {
    static let noNetwork = ScriptedTransport { request throws(CloudError) in throw .network(host: request.url.host ?? "", reason: "no network in this test") }

    func resolve(_ variables: [String: String], profile: String? = nil, transport: ScriptedTransport = noNetwork) -> Result<AWSCredentials, CloudError> {
        let environment = AWSEnvironment(variables: variables, profile: profile, transport: transport, retry: RetryPolicy(maxAttempts: 1))
        return Result { () throws(CloudError) -> AWSCredentials in
            try SynchronousWait.run { () async throws(CloudError) -> AWSCredentials in try await CredentialChain.resolve(environment) }
        }
    }

    @Test func theEnvironmentComesBeforeTheDefaultProfile() throws {
        let folder = try TemporaryDirectory()
        try folder.write("[default]\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = p\n", to: "credentials")
        let credentials = try resolve([
            "HOME": "/nowhere", "AWS_SHARED_CREDENTIALS_FILE": folder.path("credentials"),
            "AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "e", "AWS_SESSION_TOKEN": "t",
        ]).get()
        #expect(credentials == AWSCredentials(accessKeyId: "AKIDENV", secretAccessKey: "e", sessionToken: "t", source: "environment"))
    }

    @Test func aProfileOptionTurnsOffTheEnvironmentAndTheCredentialsFileWinsOverTheConfigFile() throws {
        let folder = try TemporaryDirectory()
        try folder.write("[profile ci]\naws_access_key_id = AKIDCONFIG\naws_secret_access_key = c\nregion = eu-west-1\n", to: "config")
        try folder.write("# keys\n[ci]\naws_access_key_id = AKIDCREDENTIALS\naws_secret_access_key = k\n", to: "credentials")
        let credentials = try resolve(
            [
                "AWS_CONFIG_FILE": folder.path("config"), "AWS_SHARED_CREDENTIALS_FILE": folder.path("credentials"),
                "AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "e",
            ], profile: "ci"
        ).get()
        #expect(credentials.accessKeyId == "AKIDCREDENTIALS" && credentials.source == "profile ci")
    }

    @Test func aNamedProfileThatDoesNotExistIsAnErrorNotAFallThrough() {
        #expect(
            throws: CloudError.configuration(
                "the profile 'missing' is not in the AWS config or credentials file; check --profile, AWS_PROFILE, AWS_CONFIG_FILE")
        ) {
            try resolve(["HOME": "/nowhere", "AWS_PROFILE": "missing", "AWS_EC2_METADATA_DISABLED": "true"]).get()
        }
    }

    @Test func halfSetEnvironmentKeysAreRefusedNamingTheMissingOne() {
        #expect(throws: CloudError.invalidCredentials(source: "environment", reason: "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not; set both")) {
            try resolve(["AWS_ACCESS_KEY_ID": "AKID"]).get()
        }
    }

    @Test func sourceProfilesThatLoopAreRefused() throws {
        let folder = try TemporaryDirectory()
        try folder.write(
            """
            [profile a]
            role_arn = arn:aws:iam::1:role/a
            source_profile = b
            [profile b]
            role_arn = arn:aws:iam::1:role/b
            source_profile = a
            """, to: "config")
        #expect(throws: CloudError.configuration("the profiles a → b → a name each other as source_profile in a loop")) {
            try resolve(["AWS_CONFIG_FILE": folder.path("config"), "AWS_REGION": "us-east-1"], profile: "a").get()
        }
    }

    @Test func containerCredentialsComeFromTheFullURIWithTheAuthorizationTokenFile() throws {
        let folder = try TemporaryDirectory()
        try folder.write("Bearer pod-token\n", to: "token")
        let transport = ScriptedTransport { _ in
            HTTPResponse(
                status: 200, body: Data(#"{"AccessKeyId": "ASIACONTAINER", "SecretAccessKey": "c", "Token": "t", "Expiration": "2026-11-30T18:00:00Z"}"#.utf8))
        }
        let credentials = try resolve(
            [
                "HOME": "/nowhere", "AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://127.0.0.1:9911/credentials",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE": folder.path("token"),
            ], transport: transport
        ).get()
        #expect(credentials.accessKeyId == "ASIACONTAINER" && credentials.sessionToken == "t")
        #expect(credentials.expiration == ISO8601Timestamp.parse("2026-11-30T18:00:00Z"))
        let request = try #require(transport.requests.first)
        #expect(request.url.absoluteString == "http://127.0.0.1:9911/credentials" && request.headers["Authorization"] == "Bearer pod-token")
    }

    @Test func aContainerURIOverPlainHTTPToAnotherHostIsRefused() {
        #expect(
            throws: CloudError.invalidCredentials(
                source: "container", reason: "AWS_CONTAINER_CREDENTIALS_FULL_URI must use HTTPS, or HTTP to a loopback or container host")
        ) {
            try resolve(["HOME": "/nowhere", "AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://attacker.example/credentials"]).get()
        }
    }

    @Test func instanceMetadataIsReadWithAnIMDSv2SessionToken() throws {
        let transport = ScriptedTransport { request in
            switch (request.method, request.url.absoluteString.replacingOccurrences(of: "http://127.0.0.1:9912", with: "")) {
            case ("PUT", "/latest/api/token"): HTTPResponse(status: 200, body: Data("imds-session".utf8))
            case ("GET", "/latest/meta-data/iam/security-credentials/"): HTTPResponse(status: 200, body: Data("web-role\n".utf8))
            case ("GET", "/latest/meta-data/iam/security-credentials/web-role"):
                HTTPResponse(
                    status: 200,
                    body: Data(
                        #"{"Code": "Success", "AccessKeyId": "ASIAEC2", "SecretAccessKey": "i", "Token": "t", "Expiration": "2026-11-30T18:00:00Z"}"#.utf8))
            default: HTTPResponse(status: 404)
            }
        }
        let credentials = try resolve(["HOME": "/nowhere", "AWS_EC2_METADATA_SERVICE_ENDPOINT": "http://127.0.0.1:9912"], transport: transport).get()
        #expect(credentials.accessKeyId == "ASIAEC2" && credentials.source == "instance metadata (role web-role)")
        #expect(transport.requests.first?.headers["X-aws-ec2-metadata-token-ttl-seconds"] == "21600")
        #expect(transport.requests.dropFirst().allSatisfy { $0.headers["X-aws-ec2-metadata-token"] == "imds-session" })
    }

    @Test func withNothingConfiguredTheErrorSaysWhereItLookedAndWhatToDo() {
        #expect(
            throws: CloudError.noCredentials(searched: [
                "environment", "web identity (AWS_ROLE_ARN)", "profile default", "container endpoint", "EC2 instance metadata",
            ])
        ) {
            try resolve(["HOME": "/nowhere"]).get()
        }
        #expect("\(CloudError.noCredentials(searched: ["environment"]))".contains("set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"))
    }

    @Test func aFailingCredentialProcessNeverRepeatsWhatItPrinted() throws {
        let folder = try TemporaryDirectory()
        try folder.write("[profile tool]\ncredential_process = sh -c 'echo SECRET-IN-OUTPUT; exit 3'\n", to: "config")
        let result = resolve(["AWS_CONFIG_FILE": folder.path("config")], profile: "tool")
        #expect(throws: CloudError.invalidCredentials(source: "credential_process of profile tool", reason: "the command exited with status 3")) {
            try result.get()
        }
    }

    @Test func temporaryCredentialsAreResolvedAgainBeforeTheyExpire() throws {
        let counter = Counter()
        let refreshing = RefreshingCredentials(margin: 300) {
            let count = counter.next()
            return AWSCredentials(
                accessKeyId: "ASIA\(count)", secretAccessKey: "s", sessionToken: "t", expiration: Date().addingTimeInterval(count == 0 ? 60 : 3600), source: "t"
            )
        }
        let keys = try SynchronousWait.run { () async throws(CloudError) -> [String] in
            var keys: [String] = []
            for _ in 0..<3 { keys.append(try await refreshing.current().accessKeyId) }
            return keys
        }
        #expect(keys == ["ASIA0", "ASIA1", "ASIA1"])
    }
}
