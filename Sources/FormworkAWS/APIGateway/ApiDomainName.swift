import FormworkCore
import FormworkL1
import OrderedCollections

/// A custom domain name for REST APIs (CDK's `apigateway.DomainName`), with a certificate from ACM; map
/// APIs to base paths of it with ``mapping(_:basePath:)``. Point the domain's DNS record at
/// ``regionalDomainName`` (regional) or ``distributionDomainName`` (edge).
///
/// ```swift
/// let domain = ApiDomainName("Domain", domainName: "api.shop.example.com", certificateArn: certificate)
/// domain
/// domain.mapping(storefront, basePath: "v1")
/// ```
public struct ApiDomainName: IdentifiedConstruct {
    public let id: String
    public let identity = ConstructIdentity()
    /// The custom host name (`DomainName`): 1 to 253 lowercase characters, such as `api.shop.example.com`.
    public var domainName: String
    /// The ACM certificate's ARN; for an edge domain it must be in us-east-1.
    public var certificateArn: Value
    /// Regional unless given, as CDK sets it.
    public var endpointType: RestApi.EndpointType
    /// The minimum TLS version and ciphers the domain accepts (`SecurityPolicy`); `nil` (the default) leaves the
    /// property out, as CDK does, and API Gateway applies its own default policy.
    public var securityPolicy: SecurityPolicy?

    /// The TLS versions the domain accepts.
    public enum SecurityPolicy: String, Sendable {
        /// `TLS_1_0`: accepts TLS 1.0 and later.
        case tls10 = "TLS_1_0"
        /// `TLS_1_2`: accepts TLS 1.2 and later, refusing TLS 1.0 and 1.1.
        case tls12 = "TLS_1_2"
    }

    /// An `AWS::ApiGateway::DomainName` for `domainName`, serving `certificateArn`'s certificate on a regional endpoint unless
    /// `endpointType` says otherwise; a private endpoint type is refused at synthesis.
    public init(
        _ id: String, domainName: String, certificateArn: Value, endpointType: RestApi.EndpointType = .regional,
        securityPolicy: SecurityPolicy? = nil
    ) {
        self.id = id
        self.domainName = domainName
        self.certificateArn = certificateArn
        self.endpointType = endpointType
        self.securityPolicy = securityPolicy
    }

    /// `{"Ref": domain}`: the domain name.
    public var name: Value { .reference(Reference(to: self, element: ["Resource"], form: .ref)) }
    /// The regional host name to alias a regional domain to.
    public var regionalDomainName: Value {
        .reference(Reference(to: self, element: ["Resource"], form: .getAtt(CfnApiGateway.DomainName.Attribute.regionalDomainName.rawValue)))
    }
    /// The CloudFront host name to alias an edge domain to.
    public var distributionDomainName: Value {
        .reference(Reference(to: self, element: ["Resource"], form: .getAtt(CfnApiGateway.DomainName.Attribute.distributionDomainName.rawValue)))
    }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        guard endpointType != .private else {
            throw SynthesisError(.invalidSetting, paths: [scope.path], "a private API cannot have a custom domain name here; use a regional or edge endpoint")
        }
        guard !domainName.isEmpty, domainName.count <= 253, !domainName.contains(where: \.isUppercase) else {
            throw SynthesisError(.invalidSetting, paths: [scope.path], "the domain name '\(domainName)' must be 1 to 253 lowercase characters")
        }
        try scope.declareResource(
            CfnApiGateway.DomainName(
                certificateArn: endpointType == .edge ? Optional(certificateArn) : nil,
                domainName: .string(domainName),
                endpointConfiguration: CfnApiGateway.DomainName.EndpointConfiguration(types: [.string(endpointType.rawValue)]),
                regionalCertificateArn: endpointType == .regional ? Optional(certificateArn) : nil,
                securityPolicy: securityPolicy.map { .string($0.rawValue) }))
    }

    /// `api`'s stage served at `basePath` of this domain (the root when `nil`); list the result in a body.
    public func mapping(_ api: RestApi, basePath: String? = nil) -> BasePathMapping {
        BasePathMapping(domain: self, api: api, basePath: basePath)
    }
}

/// An API's stage served under a path of a custom domain (CDK's `addBasePathMapping`), at
/// `<Domain>/Map:<path>=><api's unique id>` as CDK names it.
public struct BasePathMapping: Construct {
    /// The custom domain the API is served under (`DomainName`).
    public let domain: ApiDomainName
    /// The REST API whose deployment stage is served (`RestApiId` and `Stage`).
    public let api: RestApi
    /// The one path segment the API is served at (`BasePath`), without `/`; `nil` serves it at the domain's root and leaves the
    /// property out.
    public let basePath: String?

    public var id: String { "\(domain.id)Maps\(api.id)\(basePath.map { "At" + $0.replacingOccurrences(of: "/", with: "--") } ?? "")" }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        if let basePath, basePath.isEmpty || basePath.contains("/") {
            throw SynthesisError(
                .invalidSetting, paths: [scope.path],
                "the base path '\(basePath)' must be one non-empty path segment, without '/' (as in CDK's BasePathMapping)")
        }
        scope.require(domain)
        scope.require(api)
        scope.afterExpansion(.edges) { [self] scope throws(SynthesisError) in
            let apiId = try scope.scope(of: api).uniqueId
            let properties = CfnApiGateway.BasePathMapping(
                basePath: basePath.map { .string($0) }, domainName: domain.name, restApiId: api.apiId, stage: api.stage)
            // The construct library writes the `/` of an id as `--`.
            try scope.scope(of: domain).child("Map:\(basePath ?? "--")=>\(apiId)").declareResource(properties)
        }
    }
}
