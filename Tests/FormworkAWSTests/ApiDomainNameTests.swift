import FormworkAWS
import FormworkCore
import FormworkTemplate
import Testing

@Suite struct ApiDomainNameTests {
    private let certificate: Value = "arn:aws:acm:us-east-1:123456789012:certificate/abc"

    @Test(arguments: ["", "shop/v2", "/v1"])
    func aBasePathOfOtherThanOneSegmentIsRefused(basePath: String) {
        let api = RestApi("Api") { Route(.get, "/orders", to: inlineFunction("Fn")) }
        let domain = ApiDomainName("Domain", domainName: "api.shop.example.com", certificateArn: certificate)
        #expect {
            try synthesize {
                api
                domain
                domain.mapping(api, basePath: basePath)
            }
        } throws: { "\($0)".contains("one non-empty path segment") }
    }

    @Test func anEdgeDomainTakesItsCertificateAsCertificateArn() throws {
        let template = try synthesize {
            ApiDomainName("Domain", domainName: "api.shop.example.com", certificateArn: certificate, endpointType: .edge)
        }
        let domain = try #require(template.resources.values.first)
        #expect(domain.properties["CertificateArn"] != nil && domain.properties["RegionalCertificateArn"] == nil)
    }

    @Test func aPrivateEndpointOrUppercaseNameIsRefused() {
        #expect {
            try synthesize { ApiDomainName("Domain", domainName: "api.shop.example.com", certificateArn: certificate, endpointType: .private) }
        } throws: { "\($0)".contains("private") }
        #expect {
            try synthesize { ApiDomainName("Domain", domainName: "API.shop.example.com", certificateArn: certificate) }
        } throws: { "\($0)".contains("lowercase") }
    }

    @Test func routesSharingAModelDeclareItOnce() throws {
        let fn = inlineFunction("Fn")
        let order = ApiModel("OrderModel", schema: ["type": "object"])
        let template = try synthesize {
            RestApi("Api") {
                Route(.post, "/orders", to: fn, requestModel: order)
                Route(.put, "/orders", to: fn, requestModel: order)
            }
        }
        #expect(template.resources.values.filter { $0.type == "AWS::ApiGateway::Model" }.count == 1)
    }
}
