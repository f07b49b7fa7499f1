import FormworkCore
import FormworkTemplate
import OrderedCollections

/// The components CDK hashes into a REST API deployment's logical ID, in the shapes CDK hashes them.
///
/// CDK's `Resource` and `Method` constructs hand the deployment their properties as JavaScript objects —
/// camel-case keys, in the order the constructs build them — and CDK hashes their JSON text. The
/// CloudFormation properties Formwork declares carry the same values; this turns them into those shapes, so
/// that the same API gives the same deployment ID as in CDK.
enum DeploymentDigest {
    /// `{"resource": {restApiId, parentId, pathPart}}` of an `AWS::ApiGateway::Resource`.
    static func resource(_ properties: OrderedDictionary<String, Value>) -> LogicalIdDigest.Component {
        .value(["resource": shaped(properties, order: resourceOrder)])
    }

    /// `{"method": {...}}` of an `AWS::ApiGateway::Method`.
    static func method(_ properties: OrderedDictionary<String, Value>) -> LogicalIdDigest.Component {
        .value(["method": shaped(properties, order: methodOrder)])
    }

    /// `{"authorizer": {...}}` of an `AWS::ApiGateway::Authorizer`, which CDK adds before each method the
    /// authorizer guards when `@aws-cdk/aws-apigateway:authorizerChangeDeploymentLogicalId` is on; a Lambda
    /// authorizer's also names its function when the function has a given name (`authorizerToken`).
    static func authorizer(_ authorizer: some IdentifiedConstruct, cognito: Bool, functionName: String?) -> [LogicalIdDigest.Component] {
        let order = cognito ? cognitoAuthorizerOrder : lambdaAuthorizerOrder
        let token = functionName.map { ",\"authorizerToken\":" + JSONWriter(style: .compact).string(from: .string($0)) } ?? ""
        return [
            .text("{\"authorizer\":"),
            .resourceProperties(
                Reference(to: authorizer, element: ["Resource"], form: .ref), order: order, keeping: Set(order),
                renaming: Dictionary(uniqueKeysWithValues: order.map { ($0, $0 == "ProviderARNs" ? "providerArns" : camelCase($0)) })),
            .text(token + "}"),
        ]
    }

    private static let lambdaAuthorizerOrder = [
        "Name", "RestApiId", "Type", "AuthorizerUri", "AuthorizerCredentials", "AuthorizerResultTtlInSeconds", "IdentitySource", "IdentityValidationExpression",
    ]
    private static let cognitoAuthorizerOrder = ["Name", "RestApiId", "Type", "ProviderARNs", "AuthorizerResultTtlInSeconds", "IdentitySource"]
    private static let resourceOrder = ["RestApiId", "ParentId", "PathPart"]
    private static let methodOrder = [
        "ResourceId", "RestApiId", "HttpMethod", "OperationName", "ApiKeyRequired", "AuthorizationType", "AuthorizerId",
        "RequestParameters", "Integration", "MethodResponses", "RequestModels", "RequestValidatorId", "AuthorizationScopes",
    ]
    /// Object-valued properties whose keys are the user's (header names, content types): kept as written.
    private static let maps: Set<String> = [
        "RequestParameters", "RequestTemplates", "ResponseParameters", "ResponseTemplates", "RequestModels", "ResponseModels",
    ]
    /// The key order of the nested objects, as CDK's method renders them.
    private static let nestedOrders: [String: [String]] = [
        "Integration": [
            "Type", "Uri", "CacheKeyParameters", "CacheNamespace", "ContentHandling", "IntegrationHttpMethod", "RequestParameters",
            "RequestTemplates", "PassthroughBehavior", "IntegrationResponses", "ConnectionType", "ConnectionId", "Credentials",
            "TimeoutInMillis", "ResponseTransferMode",
        ],
        "IntegrationResponses": ["StatusCode", "SelectionPattern", "ResponseParameters", "ResponseTemplates", "ContentHandling"],
        "MethodResponses": ["StatusCode", "ResponseParameters", "ResponseModels"],
    ]

    /// `properties` with camel-case keys in `order` (keys not in it follow in their own order), and nested
    /// objects shaped the same way.
    private static func shaped(_ properties: OrderedDictionary<String, Value>, order: [String]) -> Value {
        var result = OrderedDictionary<String, Value>()
        let keys = order.filter { properties[$0] != nil } + properties.keys.filter { !order.contains($0) }
        for key in keys {
            result[camelCase(key)] = shaped(properties[key]!, key: key)
        }
        return .object(result)
    }

    private static func shaped(_ value: Value, key: String) -> Value {
        guard !maps.contains(key) else { return value }
        switch value {
        case .object(let members) where !isIntrinsicFunction(members):
            return shaped(members, order: nestedOrders[key] ?? [])
        case .array(let elements): return .array(elements.map { shaped($0, key: key) })
        default: return value
        }
    }

    /// Whether `members` is `{"Ref": ...}` or `{"Fn::...": ...}`, which keeps its key.
    private static func isIntrinsicFunction(_ members: OrderedDictionary<String, Value>) -> Bool {
        members.count == 1 && (members.keys[0] == "Ref" || members.keys[0].hasPrefix("Fn::"))
    }

    private static func camelCase(_ key: String) -> String {
        key.prefix(1).lowercased() + key.dropFirst()
    }
}
