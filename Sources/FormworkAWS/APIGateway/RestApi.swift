import FormworkCore
import FormworkL1
import FormworkTemplate
import OrderedCollections

/// A REST API of API Gateway with Lambda proxy routes (CDK's `apigateway.RestApi` with `LambdaIntegration`s):
/// the API, its resources and methods at CDK's paths, the deployment (whose logical ID carries a hash of the
/// API's content, so that every change deploys), the stage, the two invoke permissions per method, the
/// CloudWatch role CDK creates by default, and the `Endpoint` output.
///
/// ```swift
/// RestApi("Api", name: "orders-api", deploy: .init(throttlingRateLimit: 1000, throttlingBurstLimit: 2000, tracing: true)) {
///     Route(.get, "/orders", to: listOrders)
///     Route(.post, "/orders", to: createOrder)
///     Route(.get, "/orders/{id}", to: getOrder)
/// }
/// ```
public struct RestApi: IdentifiedConstruct {
    public let id: String
    public let identity = ConstructIdentity()
    /// The API's name (`Name`); the construct id unless given, as CDK names it.
    public var name: String?
    /// The API's description (`Description`), also the deployment's; without it the API has none and the deployment says
    /// "Automatically created by the RestApi construct", as CDK writes.
    public var description: String?
    /// The stage the API is deployed to and its method settings; a `prod` stage with no settings written unless given.
    public var deploy: DeployOptions
    /// Where the API is served from (`Types` of its `EndpointConfiguration`); `nil` (the default) writes no endpoint
    /// configuration, and API Gateway makes the API edge-optimized.
    public var endpointType: EndpointType?
    /// CORS preflight (`OPTIONS`) on every resource of the API, root included.
    public var cors: Cors?
    /// Whether the API gets a role for pushing logs to CloudWatch and the account setting naming it (CDK's
    /// `cloudWatchRole`); `nil` (the default) makes them unless the stack's profile has CDK's
    /// `@aws-cdk/aws-apigateway:disableCloudWatchRole` flag on, as `cdk init` sets it.
    public var cloudWatchRole: Bool?
    /// A custom domain for the API's stage (CDK's `domainName` option): the domain at `<Api>/CustomDomain`, the
    /// stage mapped at its root or at `basePath`.
    public var customDomain: CustomDomain?
    /// The API's routes: a resource per path segment and an `AWS::ApiGateway::Method` per route, with its invoke permissions.
    /// Paths start with `/`; a method and path may have one route, and with ``cors`` no route may be `OPTIONS`.
    public let routes: [Route]

    /// The options of ``customDomain``.
    public struct CustomDomain: Sendable {
        /// The custom host name (`DomainName`): 1 to 253 lowercase characters.
        public var domainName: String
        /// The ACM certificate's ARN; for an edge domain it must be in us-east-1.
        public var certificateArn: Value
        /// How the domain is served (`EndpointConfiguration`); regional unless given, as CDK sets it. A private domain is refused.
        public var endpointType: EndpointType
        /// The minimum TLS version the domain accepts (`SecurityPolicy`); `nil` (the default) leaves it out, and API Gateway applies
        /// its own default policy.
        public var securityPolicy: ApiDomainName.SecurityPolicy?
        /// The one path segment the stage is served at (`BasePath`), without `/`; `nil` (the default) serves it at the domain's root.
        public var basePath: String?

        /// The domain `domainName` with `certificateArn`'s certificate, serving the API's stage at its root unless `basePath` is given.
        public init(
            domainName: String, certificateArn: Value, endpointType: EndpointType = .regional,
            securityPolicy: ApiDomainName.SecurityPolicy? = nil, basePath: String? = nil
        ) {
            self.domainName = domainName
            self.certificateArn = certificateArn
            self.endpointType = endpointType
            self.securityPolicy = securityPolicy
            self.basePath = basePath
        }
    }

    /// Where the API is served from.
    public enum EndpointType: String, Sendable {
        /// `REGIONAL`: served from the API's region only.
        case regional = "REGIONAL"
        /// `EDGE`: served through CloudFront's edge locations (API Gateway's default for a REST API).
        case edge = "EDGE"
        /// `PRIVATE`: reachable only through interface VPC endpoints.
        case `private` = "PRIVATE"
    }

    /// The CORS preflight answer: the allowed origins, methods and headers.
    public struct Cors: Sendable {
        /// The origins the preflight allows (`Access-Control-Allow-Origin`): one origin such as `https://shop.example.com`, or `*`
        /// for any; several are written joined by commas. With any origin but `*`, the answer also says `Vary: Origin`, as CDK's does.
        public var allowOrigins: [String]
        /// The methods the preflight allows (`Access-Control-Allow-Methods`); all of `OPTIONS`, `GET`, `PUT`, `POST`, `DELETE`,
        /// `PATCH` and `HEAD` unless given, as CDK's `Cors.ALL_METHODS`.
        public var allowMethods: [String]
        /// The request headers the preflight allows (`Access-Control-Allow-Headers`); CDK's `Cors.DEFAULT_HEADERS` unless given
        /// (`Content-Type`, `X-Amz-Date`, `Authorization`, `X-Api-Key`, `X-Amz-Security-Token`, `X-Amz-User-Agent`).
        public var allowHeaders: [String]

        /// A preflight answer allowing `allowOrigins`, with CDK's default methods and headers unless given.
        public init(
            allowOrigins: [String],
            allowMethods: [String] = ["OPTIONS", "GET", "PUT", "POST", "DELETE", "PATCH", "HEAD"],
            allowHeaders: [String] = ["Content-Type", "X-Amz-Date", "Authorization", "X-Api-Key", "X-Amz-Security-Token", "X-Amz-User-Agent"]
        ) {
            self.allowOrigins = allowOrigins
            self.allowMethods = allowMethods
            self.allowHeaders = allowHeaders
        }
    }

    /// How the API is deployed: the stage and its method settings.
    public struct DeployOptions: Sendable {
        /// The stage's name (`StageName`), in the stage's construct path and the API's URL: letters, digits, `-` and `_`, up to 128
        /// characters; `prod` unless given, as in CDK.
        public var stageName: String
        /// The steady requests per second allowed for every method (`ThrottlingRateLimit` of the stage's method settings for `/*`);
        /// `nil` (the default) writes none, leaving the account's limit (10,000 per second by default).
        public var throttlingRateLimit: Double?
        /// The burst of concurrent requests allowed for every method (`ThrottlingBurstLimit` of the stage's method settings for
        /// `/*`), at least the rate limit when both are given; `nil` (the default) writes none, leaving the account's limit (5,000
        /// by default).
        public var throttlingBurstLimit: Int?
        /// Whether X-Ray traces the stage's requests (`TracingEnabled`); `nil` (the default) writes none, and tracing is off.
        public var tracing: Bool?
        /// The execution logs the stage writes to CloudWatch Logs (`LoggingLevel` of its method settings for `/*`); `nil` (the
        /// default) writes none, and there is no execution logging. Logging needs the account's CloudWatch role (``cloudWatchRole``).
        public var loggingLevel: LoggingLevel?
        /// Whether execution logs include full requests and responses (`DataTraceEnabled` of the stage's method settings); off
        /// unless given. When any method setting is given, `false` is written for `nil`, as CDK does.
        public var dataTrace: Bool?
        /// Whether the stage sends detailed per-method metrics to CloudWatch (`MetricsEnabled` of its method settings, charged as
        /// custom metrics); `nil` (the default) writes none, and they are off.
        public var metrics: Bool?
        /// Where access logs go, and in which format (`$context` variables).
        public var accessLog: (destination: LogGroup, format: String)?

        /// `ERROR` or `INFO` execution logging.
        public enum LoggingLevel: String, Sendable {
            /// `ERROR`: logs errors only.
            case error = "ERROR"
            /// `INFO`: logs errors and informational events.
            case info = "INFO"
            /// `OFF`: writes no execution logs.
            case off = "OFF"
        }

        /// A deployment to `stageName`; every setting not given leaves its property out, and no method settings are written unless
        /// one of throttling, logging level, data trace or metrics is given.
        public init(
            stageName: String = "prod", throttlingRateLimit: Double? = nil, throttlingBurstLimit: Int? = nil,
            tracing: Bool? = nil, loggingLevel: LoggingLevel? = nil, dataTrace: Bool? = nil, metrics: Bool? = nil,
            accessLog: (destination: LogGroup, format: String)? = nil
        ) {
            self.accessLog = accessLog
            self.stageName = stageName
            self.throttlingRateLimit = throttlingRateLimit
            self.throttlingBurstLimit = throttlingBurstLimit
            self.tracing = tracing
            self.loggingLevel = loggingLevel
            self.dataTrace = dataTrace
            self.metrics = metrics
        }

        /// The stage-wide method settings, when any is set (CDK writes `DataTraceEnabled: false` then).
        var methodSettings: [CfnApiGateway.Stage.MethodSetting]? {
            guard throttlingRateLimit != nil || throttlingBurstLimit != nil || loggingLevel != nil || metrics != nil || dataTrace != nil else {
                return nil
            }
            return [
                CfnApiGateway.Stage.MethodSetting(
                    dataTraceEnabled: .bool(dataTrace ?? false), httpMethod: "*", loggingLevel: loggingLevel.map { .string($0.rawValue) },
                    metricsEnabled: metrics.map { .bool($0) }, resourcePath: "/*",
                    throttlingBurstLimit: throttlingBurstLimit.map { .number(Double($0)) }, throttlingRateLimit: throttlingRateLimit.map { .number($0) })
            ]
        }
    }

    /// An API named `name` (its id when `nil`) with the routes `content` builds.
    public init(
        _ id: String, name: String? = nil, description: String? = nil, deploy: DeployOptions = DeployOptions(),
        endpointType: EndpointType? = nil, cors: Cors? = nil, cloudWatchRole: Bool? = nil, customDomain: CustomDomain? = nil,
        @RouteBuilder routes content: () -> [Route]
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.deploy = deploy
        self.endpointType = endpointType
        self.cors = cors
        self.cloudWatchRole = cloudWatchRole
        self.customDomain = customDomain
        self.routes = content()
    }

    /// `{"Ref": api}`: the API id.
    public var apiId: Value { attribute(["Resource"], .ref) }
    /// The stage name.
    public var stage: Value { attribute(["DeploymentStage.\(deploy.stageName)", "Resource"], .ref) }
    /// `https://<api>.execute-api.<region>.<suffix>/<stage>/`.
    public var url: Value { "https://\(apiId).execute-api.\(Aws.region).\(Aws.urlSuffix)/\(stage)/" }

    private func attribute(_ element: [String], _ form: Reference.Form) -> Value {
        .reference(Reference(to: self, element: element, form: form))
    }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        try validate(at: scope)
        try scope.declareResource(
            CfnApiGateway.RestApi(
                description: description.map(Value.string),
                endpointConfiguration: endpointType.map { CfnApiGateway.RestApi.EndpointConfiguration(types: [.string($0.rawValue)]) },
                name: .string(name ?? id)))
        if makesCloudWatchRole(in: scope) { try declareCloudWatchRole(in: scope) }
        let deployment = try scope.child("Deployment")
        _ = try deployment.child("Resource")
        try declareStage(in: scope)
        try scope.add(Output("Endpoint", value: url))
        if let customDomain {
            let domain = ApiDomainName(
                "CustomDomain", domainName: customDomain.domainName, certificateArn: customDomain.certificateArn,
                endpointType: customDomain.endpointType, securityPolicy: customDomain.securityPolicy)
            try scope.add(domain)
            try scope.add(domain.mapping(self, basePath: customDomain.basePath))
        }
        for route in routes { scope.require(route.function) }
        if let accessLog = deploy.accessLog { scope.require(accessLog.destination) }

        var hashed: [LogicalIdDigest.Component] = []
        var dependencies: [Dependency] = []
        let root = try scope.child("Default")
        var resourcePaths: [[String]: ConstructScope] = [[]: root]
        if cors != nil {
            hashed.append(DeploymentDigest.method(try declarePreflight(at: root, resourcePath: [])))
            dependencies.append(Dependency(on: self, element: ["Default", "OPTIONS", "Resource"]))
        }
        for input in try declareRequestChecks(in: scope) {
            hashed.append(input.component)
            dependencies.append(Dependency(on: self, element: input.element))
        }
        for route in routes {
            var parentPath: [String] = []
            for segment in route.segments {
                let path = parentPath + [segment]
                if resourcePaths[path] == nil {
                    let resource = try resourcePaths[parentPath]!.child(segment)
                    let properties = CfnApiGateway.Resource(parentId: parentId(parentPath), pathPart: .string(segment), restApiId: apiId)
                    try resource.declareResource(properties)
                    resourcePaths[path] = resource
                    hashed.append(DeploymentDigest.resource(properties.properties))
                    dependencies.append(Dependency(on: self, element: ["Default"] + path + ["Resource"]))
                    if cors != nil {
                        hashed.append(DeploymentDigest.method(try declarePreflight(at: resource, resourcePath: path)))
                        dependencies.append(Dependency(on: self, element: ["Default"] + path + ["OPTIONS", "Resource"]))
                    }
                }
                parentPath = path
            }
            let method = try resourcePaths[parentPath]!.child(route.method.rawValue)
            let properties = try declareMethod(route, at: method, resourcePath: parentPath, in: scope)
            if scope.defaults.isEnabled(.apiGatewayAuthorizerChangeDeploymentLogicalId) {
                switch route.authorization {
                case .lambda(let authorizer):
                    hashed += DeploymentDigest.authorizer(authorizer, cognito: false, functionName: authorizer.handler.functionName)
                    dependencies.append(Dependency(on: authorizer, element: ["Resource"]))
                case .cognito(let authorizer, _):
                    hashed += DeploymentDigest.authorizer(authorizer, cognito: true, functionName: nil)
                    dependencies.append(Dependency(on: authorizer, element: ["Resource"]))
                default:
                    break
                }
            }
            hashed.append(DeploymentDigest.method(properties))
            dependencies.append(Dependency(on: self, element: ["Default"] + parentPath + [route.method.rawValue, "Resource"]))
        }
        // CDK appends a hash of the API's content to the deployment's logical ID, so every change deploys.
        hashed.append(.resourceEntry(Reference(to: self, element: ["Resource"], form: .ref)))
        var deploymentDeclaration = ResourceDeclaration(
            CfnApiGateway.Deployment(description: .string(description ?? "Automatically created by the RestApi construct"), restApiId: apiId),
            dependencies: dependencies, metadata: ["aws:cdk:do-not-refactor": true])
        deploymentDeclaration.logicalIdDigest = LogicalIdDigest(hashed)
        try deployment.child("Resource").declare(.resource(deploymentDeclaration))
    }

    private func resourceId(_ resourcePath: [String]) -> Value {
        resourcePath.isEmpty
            ? attribute(["Resource"], .getAtt(CfnApiGateway.RestApi.Attribute.rootResourceId.rawValue))
            : attribute(["Default"] + resourcePath + ["Resource"], .ref)
    }

    /// The CORS preflight of a resource: an `OPTIONS` method answered by API Gateway itself (a mock
    /// integration), as CDK's `defaultCorsPreflightOptions` adds it.
    private func declarePreflight(at resource: ConstructScope, resourcePath: [String]) throws(SynthesisError) -> OrderedDictionary<String, Value> {
        guard let cors else { return [:] }
        let header = "method.response.header.Access-Control-Allow-"
        let origin = cors.allowOrigins.count == 1 ? cors.allowOrigins[0] : cors.allowOrigins.joined(separator: ",")
        // CDK adds `Vary: Origin` when the answer depends on the caller's origin.
        let vary = origin != "*"
        var responseParameters: OrderedDictionary<String, Value> = [
            "\(header)Headers": .string("'\(cors.allowHeaders.joined(separator: ","))'"),
            "\(header)Origin": .string("'\(origin)'"),
        ]
        var declaredParameters: OrderedDictionary<String, Value> = ["\(header)Headers": true, "\(header)Origin": true]
        if vary {
            responseParameters["method.response.header.Vary"] = "'Origin'"
            declaredParameters["method.response.header.Vary"] = true
        }
        responseParameters["\(header)Methods"] = .string("'\(cors.allowMethods.joined(separator: ","))'")
        declaredParameters["\(header)Methods"] = true
        let properties = CfnApiGateway.Method(
            apiKeyRequired: false, authorizationType: "NONE", httpMethod: "OPTIONS",
            integration: CfnApiGateway.Method.Integration(
                integrationResponses: [CfnApiGateway.Method.IntegrationResponse(responseParameters: .object(responseParameters), statusCode: "204")],
                requestTemplates: ["application/json": "{ statusCode: 200 }"], type: "MOCK"),
            methodResponses: [CfnApiGateway.Method.MethodResponse(responseParameters: .object(declaredParameters), statusCode: "204")],
            resourceId: resourceId(resourcePath), restApiId: apiId)
        try resource.child("OPTIONS").declareResource(properties)
        return properties.properties
    }

    private func parentId(_ parentPath: [String]) -> Value {
        parentPath.isEmpty
            ? attribute(["Resource"], .getAtt(CfnApiGateway.RestApi.Attribute.rootResourceId.rawValue))
            : attribute(["Default"] + parentPath + ["Resource"], .ref)
    }

    /// Declares a method, its two invoke permissions before it (as CDK creates them), and returns its
    /// properties for the deployment hash.
    private func declareMethod(_ route: Route, at method: ConstructScope, resourcePath: [String], in scope: ConstructScope) throws(SynthesisError)
        -> OrderedDictionary<String, Value>
    {
        let function = route.function
        let permissionPath = "/" + resourcePath.map { $0.hasPrefix("{") ? "*" : $0 }.joined(separator: "/")
        let methodName = route.method == .any ? "*" : route.method.rawValue
        let cdkPath = "/" + resourcePath.joined(separator: "/")
        let idSuffix = "\(scope.uniqueId).\(route.method.rawValue).\(cdkPath.replacingOccurrences(of: "/", with: "."))"
        // An imported function gets no permission unless CDK's `canCreatePermissions` allows it (``Function/createsPermissions(in:)``).
        for (prefix, stageName) in [("ApiPermission.", stage), ("ApiPermission.Test.", "test-invoke-stage")] as [(String, Value)]
        where function.createsPermissions(in: scope) {
            let sourceArn: Value = "arn:\(Aws.partition):execute-api:\(Aws.region):\(Aws.accountId):\(apiId)/\(stageName)/\(methodName)\(permissionPath)"
            try method.declareResource(
                CfnLambda.Permission(
                    action: "lambda:InvokeFunction", functionName: function.arn, principal: "apigateway.amazonaws.com", sourceArn: sourceArn),
                at: prefix + idSuffix)
        }
        var properties = CfnApiGateway.Method(
            apiKeyRequired: route.apiKeyRequired.map { .bool($0) }, authorizationType: .string(route.authorization.typeName),
            httpMethod: .string(route.method.rawValue), resourceId: resourceId(resourcePath), restApiId: apiId)
        switch route.authorization {
        case .lambda(let authorizer):
            properties.authorizerId = authorizer.authorizerId
            scope.require(authorizer)
            scope.contribute(apiId, to: authorizer, as: AuthorizerBinding.restApis)
        case .cognito(let authorizer, let scopes):
            properties.authorizerId = authorizer.authorizerId
            properties.authorizationScopes = scopes.isEmpty ? nil : .array(scopes.map { .string($0) })
            scope.require(authorizer)
            scope.contribute(apiId, to: authorizer, as: AuthorizerBinding.restApis)
        case .http:
            throw SynthesisError(.invalidSetting, paths: [method.path], "an HTTP API authorizer cannot authorize a REST API route; use .lambda or .cognito")
        case .none, .iam:
            break
        }
        let uri = function.apiGatewayInvocationUri
        switch route.integration {
        case .proxy:
            properties.integration = CfnApiGateway.Method.Integration(integrationHttpMethod: "POST", type: "AWS_PROXY", uri: uri)
        case .lambda(let statusCodes):
            properties.integration = CfnApiGateway.Method.Integration(
                integrationHttpMethod: "POST",
                integrationResponses: statusCodes.map { CfnApiGateway.Method.IntegrationResponse(statusCode: .string($0)) },
                type: "AWS", uri: uri)
            properties.methodResponses = statusCodes.map { CfnApiGateway.Method.MethodResponse(statusCode: .string($0)) }
        }
        if !route.requiredParameters.isEmpty {
            properties.requestParameters = .object(
                OrderedDictionary(uniqueKeysWithValues: route.requiredParameters.map { ("method.request.\($0)", Value.bool(true)) }))
        }
        setRequestChecks(of: route, on: &properties, defaults: method.defaults)
        try method.declareResource(properties)
        var hashed = properties.properties
        // CDK's LambdaIntegration hands the deployment the function's name when it is known text, given to a
        // declared function or read from an imported one's ARN (`integrationToken`).
        let knownName: String?
        if function.imported != nil, case .string(let name) = function.name {
            knownName = name
        } else {
            knownName = function.imported == nil ? function.functionName : nil
        }
        if let knownName {
            hashed["IntegrationToken"] = .string(JSONWriter(style: .compact).string(from: ["functionName": .string(knownName)]))
        }
        return hashed
    }

    private func declareCloudWatchRole(in scope: ConstructScope) throws(SynthesisError) {
        let role = Role(
            "CloudWatchRole", assumedBy: "apigateway.amazonaws.com",
            managedPolicyArns: [Role.awsManagedPolicy("service-role/AmazonAPIGatewayPushToCloudWatchLogs")],
            removalPolicy: .retain)
        try scope.add(role)
        try scope.child("Account").declare(
            .resource(
                ResourceDeclaration(
                    CfnApiGateway.Account(cloudWatchRoleArn: role.arn),
                    dependencies: [Dependency(on: self, element: ["Resource"])], removalPolicy: .retain)))
    }

    /// The ARN the stage sends its access log to: the group's `Arn` attribute (which ends in `:*`), or with
    /// `@aws-cdk/aws-apigateway:logGroupDestinationArnWithoutWildcard` the ARN built from its name, as CDK writes them.
    private func accessLogDestinationArn(_ group: LogGroup, in scope: ConstructScope) -> Value {
        guard scope.defaults.isEnabled(.apiGatewayLogGroupDestinationArnWithoutWildcard) else { return group.arn }
        return "arn:\(scope.arnPartition):logs:\(scope.arnRegion):\(scope.arnAccount):log-group:\(group.name)"
    }

    private func declareStage(in scope: ConstructScope) throws(SynthesisError) {
        let properties = CfnApiGateway.Stage(
            accessLogSetting: deploy.accessLog.map {
                CfnApiGateway.Stage.AccessLogSetting(destinationArn: accessLogDestinationArn($0.destination, in: scope), format: .string($0.format))
            },
            deploymentId: attribute(["Deployment", "Resource"], .ref), methodSettings: deploy.methodSettings, restApiId: apiId,
            stageName: .string(deploy.stageName), tracingEnabled: deploy.tracing.map { .bool($0) })
        try scope.child("DeploymentStage.\(deploy.stageName)").declareResource(
            properties, dependencies: makesCloudWatchRole(in: scope) ? [Dependency(on: self, element: ["Account"])] : [])
    }

    /// Whether the API makes its CloudWatch role: as asked, else as the profile's flag says.
    private func makesCloudWatchRole(in scope: ConstructScope) -> Bool {
        cloudWatchRole ?? !scope.defaults.isEnabled(.apiGatewayDisableCloudWatchRole)
    }

    private func validate(at scope: ConstructScope) throws(SynthesisError) {
        if let rate = deploy.throttlingRateLimit, let burst = deploy.throttlingBurstLimit, Double(burst) < rate {
            throw SynthesisError(
                .invalidSetting, paths: [scope.path],
                "the throttling burst limit (\(burst)) is below the rate limit (\(Int(rate))); a burst must allow at least the rate")
        }
        var seen = Set<String>()
        for route in routes {
            guard route.path.hasPrefix("/") else {
                throw SynthesisError(.invalidSetting, paths: [scope.path], "the route path '\(route.path)' must start with '/'")
            }
            let key = "\(route.method.rawValue) /\(route.segments.joined(separator: "/"))"
            if cors != nil, route.method == .options {
                throw SynthesisError(.invalidSetting, paths: [scope.path], "'\(key)' collides with the CORS preflight; remove the route or the cors setting")
            }
            guard seen.insert(key).inserted else {
                throw SynthesisError(.invalidSetting, paths: [scope.path], "two routes are '\(key)'; each method and path may have one route")
            }
        }
    }
}
