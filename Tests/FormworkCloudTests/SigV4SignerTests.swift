import Foundation
@testable import FormworkCloud
import Testing

/// The signer against botocore's: the requests of Scripts/sigv4/fixtures.py, signed by botocore, must get
/// the same headers from Formwork.
@Suite struct SigV4SignerTests {
    struct Fixtures: Decodable {
        struct Case: Decodable {
            let service: String
            let region: String
            let method: String
            let url: String
            let body: String
            let headers: [String: String]
            let sessionToken: String?
            let expected: [String: String]
        }
        let accessKeyId: String
        let secretAccessKey: String
        let date: String
        let cases: [Case]
    }

    static let fixtures: Fixtures = {
        let url = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/sigv4-botocore.json")
        return try! JSONDecoder().decode(Fixtures.self, from: Data(contentsOf: url))
    }()

    static let date: Date = {
        var components = DateComponents()
        components.calendar = Calendar(identifier: .gregorian)
        components.timeZone = TimeZone(identifier: "UTC")
        components.year = 2026
        components.month = 11
        components.day = 30
        components.hour = 12
        components.minute = 34
        components.second = 56
        return components.date!
    }()

    @Test(arguments: fixtures.cases.indices)
    func signsAsBotocoreSigns(index: Int) throws {
        let fixture = Self.fixtures.cases[index]
        let credentials = AWSCredentials(
            accessKeyId: Self.fixtures.accessKeyId, secretAccessKey: Self.fixtures.secretAccessKey,
            sessionToken: fixture.sessionToken, source: "test")
        let signer = SigV4Signer(credentials: credentials, service: fixture.service, region: fixture.region)
        let url = try #require(URL(string: fixture.url))
        let headers = signer.signedHeaders(method: fixture.method, url: url, headers: fixture.headers, body: Data(fixture.body.utf8), date: Self.date)
        #expect(headers["Authorization"] == fixture.expected["Authorization"], "\(fixture.method) \(fixture.url)")
        #expect(headers["X-Amz-Date"] == fixture.expected["X-Amz-Date"])
        #expect(headers["X-Amz-Security-Token"] == fixture.expected["X-Amz-Security-Token"])
    }

    @Test func credentialsNeverDescribeTheirSecret() {
        let credentials = AWSCredentials(accessKeyId: "AKID", secretAccessKey: "very-secret", sessionToken: "token-value", source: "environment")
        #expect(!"\(credentials)".contains("very-secret") && !"\(credentials)".contains("token-value"))
    }
}
