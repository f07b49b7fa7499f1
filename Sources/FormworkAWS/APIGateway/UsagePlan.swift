import FormworkCore
import FormworkL1
import OrderedCollections

/// An API key of a REST API (CDK's `api.addApiKey`), at `<Api>/<id>`, valid on the API's deployment stage.
public struct ApiKey: Sendable {
    /// The key's id under its API: it is declared at `<Api>/<id>`, once however many plans list it.
    public let id: String
    /// The key's name; CloudFormation generates one when not given.
    public var name: String?
    /// The key's description (`Description`); none written unless given.
    public var description: String?
    /// Whether callers can use the key (`Enabled`); `true` unless given, as in CDK, and always written (CloudFormation's own
    /// default is `false`).
    public var enabled: Bool

    /// An API key valid on the API's stage once a usage plan of the API lists it.
    public init(_ id: String, name: String? = nil, description: String? = nil, enabled: Bool = true) {
        self.id = id
        self.name = name
        self.description = description
        self.enabled = enabled
    }
}

/// A usage plan of a REST API (CDK's `api.addUsagePlan` with `addApiStage` and `addApiKey`), at
/// `<Api>/<id>`: throttling and a quota for callers with its API keys, on the API's deployment stage.
///
/// ```swift
/// let api = RestApi("Shop") { Route(.get, "/orders", to: listOrders, apiKeyRequired: true) }
/// api
/// api.usagePlan("Partners", throttle: .init(rateLimit: 10, burstLimit: 2), quota: .init(limit: 1000, period: .day),
///               apiKeys: [ApiKey("PartnerKey", name: "partner")])
/// ```
public struct UsagePlan: Construct {
    /// The REST API whose deployment stage the plan covers (`ApiStages`); its keys and the plan are declared under it.
    public let api: RestApi
    /// The plan's id under its API.
    public let idInApi: String
    /// The plan's name (`UsagePlanName`); none written unless given.
    public var name: String?
    /// The plan's description (`Description`); none written unless given.
    public var description: String?
    /// The requests per second and burst each key may make across the API (`Throttle`); `nil` (the default) writes none, and
    /// the stage's and account's limits apply.
    public var throttle: Throttle?
    /// How many requests each key may make per day, week or month (`Quota`); `nil` (the default) writes none: no quota.
    public var quota: Quota?
    /// The keys the plan covers, each declared under the API (once) and joined to the plan by an `AWS::ApiGateway::UsagePlanKey`;
    /// none unless given.
    public var apiKeys: [ApiKey]
    /// Limits for single methods of the API, tighter than the plan's.
    public var methodThrottles: [MethodThrottle]

    /// The throttle of one method (CDK's `ThrottlingPerMethod`).
    public struct MethodThrottle: Sendable {
        /// The route's HTTP method.
        public var method: Route.Method
        /// The route's path, as given to the API (`/orders/{id}`).
        public var path: String
        /// The limits for the method, written under its `/<path>/<METHOD>` key in the stage's `Throttle` map.
        public var throttle: Throttle

        /// The throttle `throttle` for the route `method` on `path`; the API must have that route.
        public init(_ method: Route.Method, _ path: String, _ throttle: Throttle) {
            self.method = method
            self.path = path
            self.throttle = throttle
        }

        /// `<path>/<METHOD>`, as API Gateway keys a method's throttle (`//GET` for the root).
        var key: String {
            let segments = path.split(separator: "/").joined(separator: "/")
            return "/\(segments)/\(method.rawValue)"
        }
    }

    /// Requests per second and burst.
    public struct Throttle: Sendable {
        /// The steady requests per second allowed (`RateLimit`), not negative; none written unless given.
        public var rateLimit: Double?
        /// The burst of concurrent requests allowed (`BurstLimit`); none written unless given.
        public var burstLimit: Int?
        var settings: CfnApiGateway.UsagePlan.ThrottleSettings {
            CfnApiGateway.UsagePlan.ThrottleSettings(burstLimit: burstLimit.map { .number(Double($0)) }, rateLimit: rateLimit.map { .number($0) })
        }

        /// Limits of `rateLimit` requests per second and bursts of `burstLimit`; each one not given is left out.
        public init(rateLimit: Double? = nil, burstLimit: Int? = nil) {
            self.rateLimit = rateLimit
            self.burstLimit = burstLimit
        }
    }

    /// Requests per day, week or month.
    public struct Quota: Sendable {
        /// The period a quota's count covers (`Period`).
        public enum Period: String, Sendable {
            /// `DAY`: the count resets each day.
            case day = "DAY"
            /// `WEEK`: the count resets each week.
            case week = "WEEK"
            /// `MONTH`: the count resets each month.
            case month = "MONTH"
        }
        /// The most requests each key may make in a period (`Limit`), not negative.
        public var limit: Int
        /// The period the limit covers (`Period`).
        public var period: Period
        /// The number of requests taken off the limit in the first period (`Offset`); none written unless given.
        public var offset: Int?
        /// A quota of `limit` requests per `period`.
        public init(limit: Int, period: Period, offset: Int? = nil) {
            self.limit = limit
            self.period = period
            self.offset = offset
        }
    }

    public var id: String { "\(api.id)\(idInApi)" }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        if let rate = throttle?.rateLimit, rate < 0 {
            throw SynthesisError(.invalidSetting, paths: [scope.path], "the throttling rate limit cannot be negative")
        }
        if let quota, quota.limit < 0 { throw SynthesisError(.invalidSetting, paths: [scope.path], "the quota limit cannot be negative") }
        let routeKeys = Set(api.routes.map { MethodThrottle($0.method, $0.path, Throttle()).key })
        for method in methodThrottles where !routeKeys.contains(method.key) {
            throw SynthesisError(.invalidSetting, paths: [scope.path], "the API has no route \(method.method.rawValue) \(method.path) to throttle")
        }
        scope.require(api)
        scope.afterExpansion(.edges) { [self] scope throws(SynthesisError) in
            let apiScope = try scope.scope(of: api)
            let planScope = try apiScope.child(idInApi)
            let methods = OrderedDictionary(methodThrottles.map { ($0.key, $0.throttle.settings.templateValue) }, uniquingKeysWith: { _, last in last })
            try planScope.declareResource(
                CfnApiGateway.UsagePlan(
                    apiStages: [CfnApiGateway.UsagePlan.ApiStage(apiId: api.apiId, stage: api.stage, throttle: .object(methods))],
                    description: description.map { .string($0) },
                    quota: quota.map { quota in
                        CfnApiGateway.UsagePlan.QuotaSettings(
                            limit: .number(Double(quota.limit)), offset: quota.offset.map { .number(Double($0)) }, period: .string(quota.period.rawValue))
                    },
                    throttle: throttle?.settings, usagePlanName: name.map { .string($0) }))
            let planId = Value.reference(Reference(to: api, element: [idInApi, "Resource"], form: .ref))
            // CDK names a plan's key `UsagePlanKeyResource:<key>`; with `usagePlanKeyOrderInsensitiveId` off (an app's
            // explicit `false`), its first key plain `UsagePlanKeyResource`.
            let orderInsensitive = scope.defaults.isEnabled(.apiGatewayUsagePlanKeyOrderInsensitiveId)
            for (position, key) in apiKeys.enumerated() {
                let keyScope = try apiScope.child(key.id)
                if try !keyScope.child("Resource").hasElement {
                    try keyScope.declareResource(
                        CfnApiGateway.ApiKey(
                            description: key.description.map { .string($0) }, enabled: .bool(key.enabled), name: key.name.map { .string($0) },
                            stageKeys: [CfnApiGateway.ApiKey.StageKey(restApiId: api.apiId, stageName: api.stage)]))
                }
                try planScope.declareResource(
                    CfnApiGateway.UsagePlanKey(
                        keyId: .reference(Reference(to: api, element: [key.id, "Resource"], form: .ref)), keyType: "API_KEY", usagePlanId: planId),
                    at: orderInsensitive || position > 0 ? "UsagePlanKeyResource:\(keyScope.uniqueId)" : "UsagePlanKeyResource")
            }
        }
    }
}

extension RestApi {
    /// A usage plan on this API's deployment stage, with `apiKeys`; list the result in a body.
    public func usagePlan(
        _ id: String, name: String? = nil, description: String? = nil, throttle: UsagePlan.Throttle? = nil,
        quota: UsagePlan.Quota? = nil, apiKeys: [ApiKey] = [], methodThrottles: [UsagePlan.MethodThrottle] = []
    ) -> UsagePlan {
        UsagePlan(
            api: self, idInApi: id, name: name, description: description, throttle: throttle, quota: quota, apiKeys: apiKeys,
            methodThrottles: methodThrottles)
    }
}
