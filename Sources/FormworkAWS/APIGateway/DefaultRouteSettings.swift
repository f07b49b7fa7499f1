import FormworkCore
import FormworkL1
import OrderedCollections

/// The `DefaultRouteSettings` of an API Gateway v2 stage with throttling, or `nil` without.
func defaultRouteSettings(throttlingRateLimit: Double?, throttlingBurstLimit: Int?) -> CfnApiGatewayV2.Stage.RouteSettings? {
    guard throttlingRateLimit != nil || throttlingBurstLimit != nil else { return nil }
    return CfnApiGatewayV2.Stage.RouteSettings(
        throttlingBurstLimit: throttlingBurstLimit.map { .number(Double($0)) }, throttlingRateLimit: throttlingRateLimit.map { .number($0) })
}
