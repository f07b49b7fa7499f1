import Foundation
@testable import FormworkCloud
import Testing

/// The Query protocol as Formwork writes and reads it.
@Suite struct AWSQueryClientTests {
    @Test func parametersAreFormEncodedAsBotocoreEncodesThem() {
        // botocore: urlencode (quote_plus): a space as '+', unreserved characters kept, everything else %XX.
        let encoded = AWSQueryClient.formEncoded([("Action", "CreateStack"), ("TemplateBody", "a b/c+d~e_f.g-h:é&=")])
        #expect(encoded == "Action=CreateStack&TemplateBody=a+b%2Fc%2Bd~e_f.g-h%3A%C3%A9%26%3D")
    }

    @Test func requestsAreSignedAndCarryTheSessionToken() throws {
        let transport = ScriptedTransport { _ in
            HTTPResponse(
                status: 200,
                body: Data(
                    "<GetCallerIdentityResponse><GetCallerIdentityResult><Account>1</Account></GetCallerIdentityResult></GetCallerIdentityResponse>".utf8))
        }
        let client = AWSQueryClient(
            service: "sts", version: "2011-06-15", endpoint: URL(string: "https://sts.us-east-1.amazonaws.com")!, region: "us-east-1",
            credentials: RefreshingCredentials { AWSCredentials(accessKeyId: "ASIAEXAMPLE", secretAccessKey: "s", sessionToken: "token", source: "t") },
            transport: transport, retry: .standard)
        let result = try SynchronousWait.run { () async throws(CloudError) -> XMLTree in try await client.call("GetCallerIdentity") }
        #expect(result.string("Account") == "1")
        let request = try #require(transport.requests.first)
        #expect(request.method == "POST")
        #expect(String(decoding: request.body, as: UTF8.self) == "Action=GetCallerIdentity&Version=2011-06-15")
        #expect(request.headers["Authorization"]?.hasPrefix("AWS4-HMAC-SHA256 Credential=ASIAEXAMPLE/") == true)
        #expect(request.headers["Authorization"]?.contains("/us-east-1/sts/aws4_request") == true)
        #expect(request.headers["X-Amz-Security-Token"] == "token")
    }

    @Test(arguments: [
        "<ErrorResponse><Error><Type>Sender</Type><Code>ValidationError</Code><Message>Stack with id X does not exist</Message></Error><RequestId>abc</RequestId></ErrorResponse>",
        "<ErrorResponse><Errors><Error><Code>ValidationError</Code><Message>Stack with id X does not exist</Message></Error></Errors><RequestId>abc</RequestId></ErrorResponse>",
    ])
    func errorAnswersOfEitherShapeBecomeServiceErrors(body: String) {
        let transport = ScriptedTransport { _ in HTTPResponse(status: 400, body: Data(body.utf8)) }
        let client = AWSQueryClient(
            service: "cloudformation", version: "2010-05-15", endpoint: URL(string: "https://cloudformation.us-east-1.amazonaws.com")!,
            region: "us-east-1", credentials: nil, transport: transport, retry: .standard)
        #expect(
            throws: CloudError.service(
                AWSServiceError(
                    service: "cloudformation", action: "DescribeStacks", status: 400, code: "ValidationError",
                    message: "Stack with id X does not exist", requestId: "abc"))
        ) {
            try SynchronousWait.run { () async throws(CloudError) -> XMLTree in try await client.call("DescribeStacks") }
        }
    }

    @Test func anAnswerThatIsNotXMLIsSaidSo() {
        let transport = ScriptedTransport { _ in HTTPResponse(status: 200, body: Data("<!doctype html><p>captive portal".utf8)) }
        let client = AWSQueryClient(
            service: "cloudformation", version: "2010-05-15", endpoint: URL(string: "https://cloudformation.us-east-1.amazonaws.com")!,
            region: "us-east-1", credentials: nil, transport: transport, retry: .standard)
        #expect(throws: CloudError.invalidResponse(service: "cloudformation", action: "ListStacks", reason: "the answer is not XML")) {
            try SynchronousWait.run { () async throws(CloudError) -> XMLTree in try await client.call("ListStacks") }
        }
    }

    @Test func xmlTextHasEntitiesDecodedAndNamespacesDropped() throws {
        let tree = try #require(XMLTree.parse(Data(#"<a:R xmlns:a="urn:x"><B>&lt;{"k": "v &amp; w"}&gt;</B><C><![CDATA[x<y]]></C></a:R>"#.utf8)))
        #expect(tree.name == "R")
        #expect(tree.string("B") == #"<{"k": "v & w"}>"#)
        #expect(tree.string("C") == "x<y")
        #expect(XMLTree.parse(Data("<a><b></a>".utf8)) == nil)
    }
}
