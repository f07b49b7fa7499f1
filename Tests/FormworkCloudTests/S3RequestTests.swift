@testable import FormworkCloud
import Foundation
import Testing

/// What every S3 request carries and how S3's bodiless refusals read: the bucket's expected owner, the
/// encryption an upload asks for, a deadline that grows with the body, a 403 to `HEAD` explained.
@Suite struct S3RequestTests {
    func client(_ transport: ScriptedTransport, owner: String? = "123456789012") throws -> S3Client {
        let environment = AWSEnvironment(variables: ["HOME": "/nonexistent"], transport: transport)
        return try S3Client(
            environment: environment, region: "us-east-1",
            credentials: RefreshingCredentials {
                AWSCredentials(accessKeyId: "AKID", secretAccessKey: "secret", source: "test")
            }, expectedBucketOwner: owner)
    }

    @Test func everyRequestNamesTheExpectedBucketOwner() throws {
        let transport = ScriptedTransport { _ in HTTPResponse(status: 200, body: Data()) }
        let s3 = try client(transport)
        try SynchronousWait.run { () async throws(CloudError) in
            _ = try await s3.bucketExists("cdk-hnb659fds-assets-123456789012-us-east-1")
            try await s3.putObject(bucket: "cdk-hnb659fds-assets-123456789012-us-east-1", key: "a.zip", body: Data("x".utf8))
        }
        #expect(transport.requests.count == 2)
        #expect(transport.requests.allSatisfy { $0.headers["x-amz-expected-bucket-owner"] == "123456789012" })
    }

    @Test(arguments: [
        (
            "<ServerSideEncryptionConfiguration><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>aws:kms</SSEAlgorithm><KMSMasterKeyID>arn:aws:kms:us-east-1:1:key/k</KMSMasterKeyID></ApplyServerSideEncryptionByDefault></Rule></ServerSideEncryptionConfiguration>",
            ServerSideEncryption.kms(keyId: "arn:aws:kms:us-east-1:1:key/k")
        ),
        (
            "<ServerSideEncryptionConfiguration><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>AES256</SSEAlgorithm></ApplyServerSideEncryptionByDefault></Rule></ServerSideEncryptionConfiguration>",
            ServerSideEncryption.s3
        ),
    ])
    func anUploadAsksForTheBucketsOwnEncryption(configuration: String, expected: ServerSideEncryption) throws {
        let transport = ScriptedTransport { request in
            HTTPResponse(status: 200, body: request.method == "GET" ? Data(configuration.utf8) : Data())
        }
        let s3 = try client(transport)
        let encryption = try SynchronousWait.run { () async throws(CloudError) -> ServerSideEncryption in
            let encryption = try await s3.defaultEncryption(of: "assets-bucket")
            try await s3.upload(bucket: "assets-bucket", key: "a.zip", body: Data("x".utf8), encryption: encryption)
            return encryption
        }
        #expect(encryption == expected)
        let put = try #require(transport.requests.last)
        #expect(put.headers["x-amz-server-side-encryption"] == (expected == .s3 ? "AES256" : "aws:kms"))
        #expect(put.headers["x-amz-server-side-encryption-aws-kms-key-id"] == (expected == .s3 ? nil : "arn:aws:kms:us-east-1:1:key/k"))
    }

    @Test func aBucketWhoseEncryptionCannotBeReadGetsUploadsWithoutHeaders() throws {
        let transport = ScriptedTransport { _ in HTTPResponse(status: 403, body: Data()) }
        let encryption = try SynchronousWait.run { [s3 = try client(transport)] () async throws(CloudError) -> ServerSideEncryption in
            try await s3.defaultEncryption(of: "assets-bucket")
        }
        #expect(encryption == .none)
    }

    @Test func aForbiddenHeadObjectSaysWhichPermissionsAreMissing() throws {
        let transport = ScriptedTransport { _ in HTTPResponse(status: 403, body: Data()) }
        let s3 = try client(transport)
        let outcome = Result { () throws(CloudError) -> Bool in
            try SynchronousWait.run { () async throws(CloudError) -> Bool in try await s3.objectExists(bucket: "assets-bucket", key: "a.zip") }
        }
        guard case .failure(let error) = outcome else {
            Issue.record("a 403 is an error")
            return
        }
        #expect("\(error)".contains("S3 refused to say whether s3://assets-bucket/a.zip exists (expected to belong to account 123456789012)"))
        #expect("\(error)".contains("s3:GetObject and s3:ListBucket"))
        #expect(!"\(error)".contains("HTTP403"))
    }

    @Test func aLargeBodyGetsMoreTimeThanASmallOne() {
        #expect(S3Client.timeout(forBytes: 0, base: 30) == 30)
        #expect(S3Client.timeout(forBytes: 16 << 20, base: 30) == 94)
    }
}
