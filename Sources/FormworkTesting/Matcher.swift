import FormworkTemplate

/// A matcher of your own, for what the built-in ``Match`` patterns do not say (CDK's abstract `Matcher`).
/// Use it in a pattern with ``Match/matching(_:)``.
///
/// ```swift
/// /// Matches an ARN of the given service.
/// struct ServiceArn: Matcher {
///     let service: String
///     var name: String { "ServiceArn" }
///     func test(_ actual: JSONValue?) -> MatchResult {
///         var result = MatchResult(target: actual)
///         if actual?.stringValue?.hasPrefix("arn:aws:\(service):") != true {
///             result.recordFailure(at: [], "expected an ARN of \(service)")
///         }
///         return result
///     }
/// }
/// template.hasResourceProperties("AWS::Lambda::Permission", ["SourceArn": .matching(ServiceArn(service: "sns"))])
/// ```
public protocol Matcher: Sendable {
    /// The matcher's name, shown in failures.
    var name: String { get }

    /// Matches `actual` (`nil` where the key is missing), with failures at paths relative to it.
    func test(_ actual: JSONValue?) -> MatchResult
}
