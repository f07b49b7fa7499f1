@testable import FormworkCloud
import Testing

/// Bucket names and keys that cannot make an S3 URL are errors that say what to check, never a trap.
@Suite struct S3ObjectURLTests {
    let s3: S3Client

    init() throws {
        let environment = AWSEnvironment(variables: ["HOME": "/nonexistent"], transport: CredentialChainTests.noNetwork)
        s3 = try S3Client(
            environment: environment, region: "us-east-1",
            credentials: RefreshingCredentials {
                AWSCredentials(accessKeyId: "AKID", secretAccessKey: "secret", source: "test")
            })
    }

    @Test(arguments: [
        "cdk-hnb659fds-assets-1234 5678-us-east-1", "UPPER", "ab", "-leading", "trailing-", "has/slash", "a%2f", String(repeating: "a", count: 64), "ünï",
    ])
    func aBucketNameS3RefusesIsAConfigurationError(bucket: String) {
        #expect(throws: CloudError.self) { try s3.objectURL(bucket: bucket, key: "template.json") }
        #expect(throws: CloudError.self) { try s3.requestURL(bucket: bucket, key: "template.json") }
    }

    @Test(arguments: ["a key", "../x", "x?y", "x#y"])
    func aKeyFormworkDoesNotWriteIsRefused(key: String) {
        #expect(throws: CloudError.self) { try s3.objectURL(bucket: "formwork-assets", key: key) }
    }

    @Test func aValidBucketAndKeyMakeS3sOwnAddress() throws {
        #expect(
            try s3.objectURL(bucket: "cdk-hnb659fds-assets-123456789012-us-east-1", key: "formwork-diff/abc.json").absoluteString
                == "https://cdk-hnb659fds-assets-123456789012-us-east-1.s3.us-east-1.amazonaws.com/formwork-diff/abc.json")
    }
}
