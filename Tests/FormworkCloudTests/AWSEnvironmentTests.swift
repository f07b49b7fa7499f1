import Foundation
@testable import FormworkCloud
import FormworkTestSupport
import Testing

/// Region and endpoint resolution, and the shared files, as the AWS SDKs read them.
@Suite struct AWSEnvironmentTests {
    func environment(_ variables: [String: String], region: String? = nil, endpoint: String? = nil) -> AWSEnvironment {
        AWSEnvironment(variables: ["HOME": "/nowhere"].merging(variables) { $1 }, region: region, endpointURL: endpoint)
    }

    @Test func theRegionComesFromTheOptionThenTheEnvironmentThenTheProfileThenTheStack() throws {
        let folder = try TemporaryDirectory()
        try folder.write("[default]\nregion = ap-southeast-2\n", to: "config")
        let files = ["AWS_CONFIG_FILE": folder.path("config")]
        #expect(try environment(files.merging(["AWS_REGION": "eu-west-1"]) { $1 }, region: "us-west-2").region() == "us-west-2")
        #expect(try environment(files.merging(["AWS_REGION": "eu-west-1", "AWS_DEFAULT_REGION": "eu-north-1"]) { $1 }).region() == "eu-west-1")
        #expect(try environment(files.merging(["AWS_DEFAULT_REGION": "eu-north-1"]) { $1 }).region() == "eu-north-1")
        #expect(try environment(files).region(fallback: "us-east-2") == "ap-southeast-2")
        #expect(try environment([:]).region(fallback: "us-east-2") == "us-east-2")
        #expect(throws: CloudError.noRegion) { try environment([:]).region() }
    }

    @Test func theEndpointComesFromTheOptionThenTheServiceVariableThenTheGlobalOne() throws {
        let variables = ["AWS_ENDPOINT_URL": "http://127.0.0.1:4566", "AWS_ENDPOINT_URL_CLOUDFORMATION": "http://127.0.0.1:5000"]
        #expect(
            try environment(variables, endpoint: "http://localhost:9000").endpoint(for: "cloudformation", region: "eu-west-1").absoluteString
                == "http://localhost:9000")
        #expect(try environment(variables).endpoint(for: "cloudformation", region: "eu-west-1").absoluteString == "http://127.0.0.1:5000")
        #expect(try environment(variables).endpoint(for: "sts", region: "eu-west-1").absoluteString == "http://127.0.0.1:4566")
        #expect(
            try environment(variables.merging(["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true"]) { $1 }).endpoint(for: "sts", region: "eu-west-1").absoluteString
                == "https://sts.eu-west-1.amazonaws.com")
        #expect(
            try environment([:]).endpoint(for: "cloudformation", region: "cn-north-1").absoluteString == "https://cloudformation.cn-north-1.amazonaws.com.cn")
        #expect(throws: CloudError.configuration("'localhost:5000' is not an endpoint URL; give one such as http://127.0.0.1:5000")) {
            try environment([:], endpoint: "localhost:5000").endpoint(for: "sts", region: "us-east-1")
        }
    }

    @Test func sharedFilesKeepProfilesSkipCommentsAndNestedSettings() {
        let sections = SharedConfigFiles.sections(
            of: """
                ; a comment
                [profile ci]
                region = eu-west-1
                s3 =
                  max_concurrent_requests = 20
                role_arn=arn:aws:iam::1:role/x
                # another
                [sso-session corp]
                sso_region = eu-west-1
                """)
        #expect(sections.map(\.0) == ["profile ci", "sso-session corp"])
        #expect(sections.first?.1 == ["region": "eu-west-1", "s3": "", "role_arn": "arn:aws:iam::1:role/x"])
    }

    @Test func timestampsAreReadWithFractionsAndOffsets() {
        let base = ISO8601Timestamp.parse("2026-11-30T12:48:52Z")
        #expect(base != nil)
        #expect(ISO8601Timestamp.parse("2026-11-30T12:48:52.783832+00:00") == base)
        #expect(ISO8601Timestamp.parse("2026-11-30T13:48:52+01:00") == base)
        #expect(ISO8601Timestamp.parse("yesterday") == nil)
    }
}
