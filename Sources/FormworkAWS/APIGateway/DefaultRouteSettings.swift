import FormworkCore
import OrderedCollections

/// The `DefaultRouteSettings` of an API Gateway v2 stage with throttling, or `nil` without.
func defaultRouteSettings(throttlingRateLimit: Double?, throttlingBurstLimit: Int?) -> Value? {
    guard throttlingRateLimit != nil || throttlingBurstLimit != nil else { return nil }
    var settings = OrderedDictionary<String, Value>()
    settings["ThrottlingBurstLimit"] = throttlingBurstLimit.map { .number(Double($0)) }
    settings["ThrottlingRateLimit"] = throttlingRateLimit.map { .number($0) }
    return .object(settings)
}
