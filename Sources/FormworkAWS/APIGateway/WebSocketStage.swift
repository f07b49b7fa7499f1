import FormworkCore
import FormworkL1
import OrderedCollections

/// A stage of a ``WebSocketApi`` (CDK's `apigatewayv2.WebSocketStage`): where clients connect, with
/// optional auto-deploy and throttling.
public struct WebSocketStage: IdentifiedConstruct {
    public let id: String
    public let identity = ConstructIdentity()
    /// The WebSocket API the stage deploys (`ApiId`).
    public var api: WebSocketApi
    /// The stage's name (`StageName`), the last part of its URLs: 1 to 128 letters, digits, `-`, `_` or `$`.
    public var stageName: String
    /// Whether changes to the API deploy by themselves; CloudFormation's default (no) when `nil`.
    public var autoDeploy: Bool?
    /// The stage's description (`Description`); none written unless given.
    public var description: String?
    /// The steady messages per second the stage allows for each route (`ThrottlingRateLimit` of its `DefaultRouteSettings`);
    /// `nil` (the default) writes none, leaving the account's limits.
    public var throttlingRateLimit: Double?
    /// The burst of concurrent messages the stage allows for each route (`ThrottlingBurstLimit` of its `DefaultRouteSettings`);
    /// `nil` (the default) writes none, leaving the account's limits.
    public var throttlingBurstLimit: Int?

    /// A stage `stageName` of `api`; without `autoDeploy`, API Gateway does not deploy the API's changes to it by itself.
    public init(
        _ id: String, api: WebSocketApi, stageName: String, autoDeploy: Bool? = nil, description: String? = nil,
        throttlingRateLimit: Double? = nil, throttlingBurstLimit: Int? = nil
    ) {
        self.id = id
        self.api = api
        self.stageName = stageName
        self.autoDeploy = autoDeploy
        self.description = description
        self.throttlingRateLimit = throttlingRateLimit
        self.throttlingBurstLimit = throttlingBurstLimit
    }

    /// Where clients connect: `wss://<api id>.execute-api.<region>.<suffix>/<stage>`.
    public var url: Value { "wss://\(api.apiId).execute-api.\(Aws.region).\(Aws.urlSuffix)/\(stageName)" }
    /// Where functions post to connections: `https://<api id>.execute-api.<region>.<suffix>/<stage>`.
    public var callbackUrl: Value { "https://\(api.apiId).execute-api.\(Aws.region).\(Aws.urlSuffix)/\(stageName)" }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        guard !stageName.isEmpty, stageName.count <= 128, stageName.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_$".contains($0)) }) else {
            throw SynthesisError(.invalidSetting, paths: [scope.path], "stageName '\(stageName)' must be 1 to 128 letters, digits, '-', '_' or '$'")
        }
        scope.require(api)
        try scope.declareResource(
            CfnApiGatewayV2.Stage(
                apiId: api.apiId, autoDeploy: autoDeploy.map { .bool($0) },
                defaultRouteSettings: defaultRouteSettings(throttlingRateLimit: throttlingRateLimit, throttlingBurstLimit: throttlingBurstLimit),
                description: description.map { .string($0) }, stageName: .string(stageName)))
    }
}
