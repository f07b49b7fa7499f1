import Foundation
import FormworkCloud
import FormworkTestSupport
import Testing

/// The credential chain's role assumptions against moto's STS, with signature checking on.
@Suite(.needsMoto) struct CredentialChainLiveTests {
    let moto: MotoServer

    init() throws {
        moto = try MotoServer.shared.get()
    }

    func callerArn(_ environment: AWSEnvironment) throws -> (AWSCredentials, String) {
        try SynchronousWait.run { () async throws(CloudError) -> (AWSCredentials, String) in
            let credentials = try await CredentialChain.resolve(environment)
            let sts = try STSClient(environment: environment, region: "us-east-1", credentials: RefreshingCredentials { credentials })
            return (credentials, try await sts.callerIdentity().arn)
        }
    }

    @Test func aProfileWithRoleArnAssumesTheRoleWithItsSourceProfilesKeys() throws {
        let folder = try TemporaryDirectory()
        let config = try folder.write(
            """
            [profile deployer]
            role_arn = arn:aws:iam::123456789012:role/formwork-deployer
            source_profile = base
            role_session_name = review
            region = us-east-1
            """, to: "config")
        let credentialsFile = try folder.write(
            "[base]\naws_access_key_id = \(moto.accessKeyId)\naws_secret_access_key = \(moto.secretAccessKey)\n", to: "credentials")
        let environment = moto.awsEnvironment(
            ["AWS_CONFIG_FILE": config, "AWS_SHARED_CREDENTIALS_FILE": credentialsFile], home: folder.url.path, profile: "deployer")
        let (credentials, arn) = try callerArn(environment)
        #expect(credentials.source == "role arn:aws:iam::123456789012:role/formwork-deployer")
        #expect(credentials.sessionToken != nil && credentials.expiration != nil)
        #expect(credentials.accessKeyId != moto.accessKeyId)
        #expect(arn.contains("assumed-role/formwork-deployer/review"))
    }

    @Test func aWebIdentityTokenFileIsExchangedForTheRolesCredentials() throws {
        let moto = try MotoServer.unsigned.get()
        let folder = try TemporaryDirectory()
        let tokenFile = try folder.write("eyJhbGciOiJSUzI1NiJ9.github-actions-oidc-token.signature\n", to: "token")
        var variables = moto.environment(home: folder.url.path)
        variables["AWS_ACCESS_KEY_ID"] = nil
        variables["AWS_SECRET_ACCESS_KEY"] = nil
        variables["AWS_ROLE_ARN"] = "arn:aws:iam::123456789012:role/github-deploy"
        variables["AWS_WEB_IDENTITY_TOKEN_FILE"] = tokenFile
        variables["AWS_ROLE_SESSION_NAME"] = "ci-run"
        let environment = AWSEnvironment(variables: variables, endpointURL: moto.endpoint)
        let (credentials, arn) = try callerArn(environment)
        #expect(credentials.source == "web identity for arn:aws:iam::123456789012:role/github-deploy")
        #expect(credentials.sessionToken != nil)
        #expect(arn.contains("github-deploy"))
    }

    @Test func aCredentialProcessProfileSignsWithWhatTheCommandPrints() throws {
        let folder = try TemporaryDirectory()
        let script = try folder.write(
            """
            #!/bin/sh
            printf '{"Version": 1, "AccessKeyId": "%s", "SecretAccessKey": "%s"}' "\(moto.accessKeyId)" "\(moto.secretAccessKey)"
            """, to: "credentials.sh")
        chmod(script, 0o755)
        let config = try folder.write("[profile tool]\ncredential_process = \(script)\n", to: "config")
        let environment = moto.awsEnvironment(["AWS_CONFIG_FILE": config], home: folder.url.path, profile: "tool")
        let (credentials, arn) = try callerArn(environment)
        #expect(credentials.source == "credential_process of profile tool")
        #expect(arn.hasSuffix(":user/formwork-tests"))
    }

    @Test func aRoleAssumedWithTheWrongSecretFailsWithTheSignatureAdvice() throws {
        let folder = try TemporaryDirectory()
        let config = try folder.write(
            """
            [profile deployer]
            role_arn = arn:aws:iam::123456789012:role/formwork-deployer
            source_profile = base
            [profile base]
            aws_access_key_id = \(moto.accessKeyId)
            aws_secret_access_key = not-the-secret-0000
            """, to: "config")
        let environment = moto.awsEnvironment(["AWS_CONFIG_FILE": config], home: folder.url.path, profile: "deployer")
        #expect {
            _ = try callerArn(environment)
        } throws: { error in
            guard let error = error as? CloudError, case .service(let serviceError) = error else { return false }
            return serviceError.code == "SignatureDoesNotMatch" && serviceError.action == "AssumeRole" && !"\(error)".contains("not-the-secret")
        }
    }
}
