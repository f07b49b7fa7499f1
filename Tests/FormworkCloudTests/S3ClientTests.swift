import Foundation
@testable import FormworkCloud
import Testing

/// S3 uploads against moto with signature checking on: one request below the threshold, parts above it.
@Suite(.needsMoto) struct S3ClientTests {
    let moto: MotoServer

    init() throws {
        moto = try MotoServer.shared.get()
    }

    @Test func aLargeObjectGoesUpInPartsAndReadsBackWhole() throws {
        let environment = moto.awsEnvironment()
        let credentials = CredentialChain.credentials(environment)
        let s3 = try S3Client(environment: environment, region: "us-east-1", credentials: credentials)
        let cloudFormation = try CloudFormationClient(environment: environment, region: "us-east-1", credentials: credentials)
        var bytes = Data(count: S3Client.multipartThreshold + 3 * 1024 * 1024)
        for index in stride(from: 0, to: bytes.count, by: 4096) { bytes[index] = UInt8(truncatingIfNeeded: index / 4096) }
        let body = bytes
        let (exists, missing, small) = try SynchronousWait.run { () async throws(CloudError) -> (Bool, Bool, Bool) in
            try await cloudFormation.createStack(
                name: "S3Uploads",
                template: .body(#"{"Resources": {"B": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "formwork-tests-uploads"}}}}"#))
            try await s3.upload(bucket: "formwork-tests-uploads", key: "large/object.bin", body: body)
            try await s3.upload(bucket: "formwork-tests-uploads", key: "small.json", body: Data("{}".utf8), contentType: "application/json")
            return (
                try await s3.objectExists(bucket: "formwork-tests-uploads", key: "large/object.bin"),
                try await s3.objectExists(bucket: "formwork-tests-uploads", key: "not/there"),
                try await s3.objectExists(bucket: "formwork-tests-uploads", key: "small.json")
            )
        }
        #expect(exists && small && !missing)
        // Read it back with a signed GET: the parts were joined in order.
        let url = try s3.requestURL(bucket: "formwork-tests-uploads", key: "large/object.bin")
        let signer = SigV4Signer(credentials: moto.credentials, service: "s3", region: "us-east-1")
        let unsigned = ["Host": SigV4Signer.host(of: url), "x-amz-content-sha256": ContentHash.sha256(Data())]
        let headers = unsigned.merging(signer.signedHeaders(method: "GET", url: url, headers: unsigned, body: Data())) { $1 }
        let response = try SynchronousWait.run { () async throws(CloudError) -> HTTPResponse in
            try await environment.transport.send(HTTPRequest(method: "GET", url: url, headers: headers), timeout: 30)
        }
        #expect(response.status == 200 && response.body == body)
    }

    @Test func aBucketThatIsNotThereIsSaidSo() throws {
        let environment = moto.awsEnvironment()
        let s3 = try S3Client(environment: environment, region: "us-east-1", credentials: CredentialChain.credentials(environment))
        #expect(try SynchronousWait.run { () async throws(CloudError) in try await s3.bucketExists("formwork-tests-no-such-bucket") } == false)
    }
}
