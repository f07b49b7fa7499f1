import FormworkCore
import FormworkL1
import OrderedCollections

/// An HTTPS endpoint of its own for a function or one of its aliases (CDK's `addFunctionUrl`): the
/// `AWS::Lambda::Url` under the function's (or alias's) scope, and for an unauthenticated URL the permissions that
/// let anyone call it through the URL.
///
/// ```swift
/// let webhook = Function("Webhook", ...)
/// webhook
/// let url = webhook.url(authType: .awsIAM, cors: .init(allowedOrigins: ["https://shop.example.com"]))
/// url
/// Output("WebhookUrl", value: url.url)
/// ```
public struct FunctionUrl: Construct {
    /// The function the URL calls (`TargetFunctionArn`); the URL is declared in its scope, as `<Function>/FunctionUrl`.
    public let function: Function
    /// The alias the URL calls instead of the function's latest code (`Qualifier`); the URL is then declared in the
    /// alias's scope, as `<Alias>/FunctionUrl`, and depends on it. `nil` for a URL of the function itself.
    public let alias: Alias?
    /// Who may call the URL (`AuthType`); ``AuthType/awsIAM`` unless given, as in CDK.
    public var authType: AuthType
    /// Cross-origin rules (`Cors`); `nil`: none, so browsers on other origins cannot read the responses.
    public var cors: Cors?
    /// How the response is returned (`InvokeMode`); `nil`: not written, so Lambda's ``InvokeMode/buffered``, as in CDK.
    public var invokeMode: InvokeMode?

    /// Who may call the URL.
    public enum AuthType: String, Sendable {
        /// Callers sign their requests (SigV4) and need `lambda:InvokeFunctionUrl`.
        case awsIAM = "AWS_IAM"
        /// Anyone: the function authenticates callers itself.
        case none = "NONE"
    }

    /// How the response is returned.
    public enum InvokeMode: String, Sendable {
        /// Lambda returns the response once the function has finished, up to 6 MB (`BUFFERED`).
        case buffered = "BUFFERED"
        /// Lambda streams the response as the function writes it, up to 20 MB by default (`RESPONSE_STREAM`); the
        /// function must use the runtime's streaming handler.
        case responseStream = "RESPONSE_STREAM"
    }

    /// The HTTP methods a CORS rule allows.
    public enum Method: String, Sendable {
        /// `GET`.
        case get = "GET"
        /// `PUT`.
        case put = "PUT"
        /// `HEAD`.
        case head = "HEAD"
        /// `POST`.
        case post = "POST"
        /// `DELETE`.
        case delete = "DELETE"
        /// `PATCH`.
        case patch = "PATCH"
        /// `OPTIONS`.
        case options = "OPTIONS"
        /// Every method (`*`).
        case all = "*"
    }

    /// Cross-origin rules for browsers calling the URL.
    public struct Cors: Sendable {
        /// The origins allowed to call the URL (`AllowOrigins`), such as `https://shop.example.com`, up to 100; every
        /// origin (`*`) unless given, as in CDK.
        public var allowedOrigins: [String]
        /// All methods unless given, as CDK.
        public var allowedMethods: [Method]
        /// The request headers browsers may send (`AllowHeaders`), up to 100; `nil`: not written, so none beyond the
        /// CORS-safelisted ones.
        public var allowedHeaders: [String]?
        /// The response headers browsers may read (`ExposeHeaders`), up to 100; `nil`: not written, so only the
        /// CORS-safelisted ones.
        public var exposedHeaders: [String]?
        /// Whether browsers may send cookies and credentials (`AllowCredentials`); `nil`: not written, so no.
        public var allowCredentials: Bool?
        /// How long browsers may cache the preflight answer (`MaxAge`, in whole seconds): up to 24 hours; `nil`: not
        /// written, so no caching.
        public var maxAge: Duration?

        /// CORS rules allowing every origin and method unless given.
        public init(
            allowedOrigins: [String] = ["*"], allowedMethods: [Method] = [.all], allowedHeaders: [String]? = nil, exposedHeaders: [String]? = nil,
            allowCredentials: Bool? = nil, maxAge: Duration? = nil
        ) {
            self.allowedOrigins = allowedOrigins
            self.allowedMethods = allowedMethods
            self.allowedHeaders = allowedHeaders
            self.exposedHeaders = exposedHeaders
            self.allowCredentials = allowCredentials
            self.maxAge = maxAge
        }

        /// The rules as the URL's `Cors` writes them.
        var properties: CfnLambda.Url.Cors {
            var cors = CfnLambda.Url.Cors()
            cors.allowCredentials = allowCredentials.map { .bool($0) }
            cors.allowHeaders = allowedHeaders.map { .array($0.map { .string($0) }) }
            cors.allowMethods = .array(allowedMethods.map { .string($0.rawValue) })
            cors.allowOrigins = .array(allowedOrigins.map { .string($0) })
            cors.exposeHeaders = exposedHeaders.map { .array($0.map { .string($0) }) }
            cors.maxAge = maxAge.map { .number(Double($0.wholeSeconds)) }
            return cors
        }
    }

    public var id: String { "\(alias?.id ?? function.id)FunctionUrl" }

    /// The construct the URL is declared under: the alias, or the function.
    private var owner: any IdentifiedConstruct { alias ?? function }

    /// The URL (`https://<id>.lambda-url.<region>.on.aws/`).
    public var url: Value {
        .reference(Reference(to: owner, element: ["FunctionUrl", "Resource"], form: .getAtt(CfnLambda.Url.Attribute.functionUrl.rawValue)))
    }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        try PropertyChecks.check(cors?.maxAge?.wholeSeconds, in: 0...86_400, "cors.maxAge", unit: " s", at: scope)
        scope.require(owner)
        scope.afterExpansion(.edges) { [self] scope throws(SynthesisError) in
            let ownerScope = try scope.scope(of: owner)
            var functionUrl = CfnLambda.Url(authType: .string(authType.rawValue), targetFunctionArn: function.arn)
            functionUrl.cors = cors?.properties
            functionUrl.invokeMode = invokeMode.map { .string($0.rawValue) }
            functionUrl.qualifier = alias.map { .string($0.aliasName) }
            // An alias is named by its name, which makes no reference: CDK adds the dependency by hand.
            try ownerScope.child("FunctionUrl").declareResource(functionUrl, dependencies: alias.map { [Dependency(on: $0, element: ["Resource"])] } ?? [])
            guard authType == .none else { return }
            let invoked = alias?.arn ?? function.arn
            try ownerScope.declareResource(
                CfnLambda.Permission(action: "lambda:InvokeFunctionUrl", functionName: invoked, functionUrlAuthType: "NONE", principal: "*"),
                at: "invoke-function-url")
            try ownerScope.declareResource(
                CfnLambda.Permission(action: "lambda:InvokeFunction", functionName: invoked, invokedViaFunctionUrl: true, principal: "*"),
                at: "invoke-function")
        }
    }
}

extension Function {
    /// An HTTPS URL for this function (CDK's `addFunctionUrl`); list the result in a body.
    public func url(authType: FunctionUrl.AuthType = .awsIAM, cors: FunctionUrl.Cors? = nil, invokeMode: FunctionUrl.InvokeMode? = nil) -> FunctionUrl {
        FunctionUrl(function: self, alias: nil, authType: authType, cors: cors, invokeMode: invokeMode)
    }
}

extension Alias {
    /// An HTTPS URL calling this alias (CDK's `Alias.addFunctionUrl`): `Qualifier` is the alias's name; list the
    /// result in a body.
    public func url(authType: FunctionUrl.AuthType = .awsIAM, cors: FunctionUrl.Cors? = nil, invokeMode: FunctionUrl.InvokeMode? = nil) -> FunctionUrl {
        FunctionUrl(function: version.function, alias: self, authType: authType, cors: cors, invokeMode: invokeMode)
    }
}
