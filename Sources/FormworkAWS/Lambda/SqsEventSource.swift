import FormworkCore
import FormworkL1
import OrderedCollections

/// A function consuming a queue: an `AWS::Lambda::EventSourceMapping` under the function (CDK's
/// `SqsEventSource`), and the queue's consume actions granted to the function's role.
///
/// ```swift
/// worker.consumes(queue, batchSize: 10, maxBatchingWindow: .seconds(5), reportBatchItemFailures: true)
/// ```
public struct SqsEventSource: Construct {
    /// The function Lambda calls with batches (`FunctionName`); the mapping is declared in its scope, and its role
    /// may receive and delete the queue's messages.
    public let function: Function
    /// The queue read (`EventSourceArn`); its visibility timeout must be at least the function's timeout (not checked
    /// for an imported queue, whose timeout is not known).
    public let queue: Queue
    /// The most messages per batch (`BatchSize`): 1 to 10, or up to 10,000 with a batching window; `nil`: not
    /// written, so Lambda's 10.
    public var batchSize: Int?
    /// How long Lambda gathers messages before calling (`MaximumBatchingWindowInSeconds`, in whole seconds): up
    /// to 5 minutes; `nil`: not written, so no waiting.
    public var maxBatchingWindow: Duration?
    /// Whether the function may report which messages of a batch failed, so that only those return to the queue
    /// (`FunctionResponseTypes: [ReportBatchItemFailures]`); `false` unless given.
    public var reportBatchItemFailures: Bool
    /// The most concurrent function instances the queue may use (`ScalingConfig.MaximumConcurrency`), 2 to 1,000;
    /// `nil`: not written, so no limit beyond the function's.
    public var maxConcurrency: Int?
    /// Whether the mapping reads (`Enabled`); `nil`: not written, so on.
    public var enabled: Bool?

    public var id: String { "\(function.id)ConsumesFrom\(queue.id)" }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        let window = maxBatchingWindow?.wholeSeconds
        try PropertyChecks.check(window, in: 0...300, "maxBatchingWindow", unit: " s", at: scope)
        try PropertyChecks.check(batchSize, in: 1...(window.map { $0 > 0 } == true ? 10_000 : 10), "batchSize", at: scope)
        try PropertyChecks.check(maxConcurrency, in: 2...1_000, "maxConcurrency", at: scope)
        // Lambda refuses a mapping whose queue hides messages for less time than the function may run (an imported
        // queue's visibility timeout is not known here).
        let visibility = queue.visibilityTimeout?.wholeSeconds ?? 30
        let timeout = function.timeout?.wholeSeconds ?? 3
        if queue.imported == nil, visibility < timeout {
            throw SynthesisError(
                .invalidSetting, paths: [scope.path],
                "the visibility timeout of '\(queue.id)' (\(visibility) s) is shorter than the timeout of '\(function.id)' (\(timeout) s); raise it to at least \(timeout) s (AWS recommends six times the function timeout)"
            )
        }
        scope.require(function)
        scope.require(queue)
        scope.afterExpansion(.edges) { [self] scope throws(SynthesisError) in
            let functionScope = try scope.scope(of: function)
            let queueScope = try scope.scope(of: queue)
            var mapping = CfnLambda.EventSourceMapping(functionName: function.name)
            mapping.batchSize = batchSize.map { .number(Double($0)) }
            mapping.enabled = enabled.map { .bool($0) }
            mapping.eventSourceArn = queue.arn
            mapping.functionResponseTypes = reportBatchItemFailures ? ["ReportBatchItemFailures"] : nil
            mapping.maximumBatchingWindowInSeconds = window.map { .number(Double($0)) }
            mapping.scalingConfig = maxConcurrency.map { CfnLambda.EventSourceMapping.ScalingConfig(maximumConcurrency: .number(Double($0))) }
            try functionScope.child("SqsEventSource:\(queueScope.uniqueId)").declareResource(mapping)
            for statement in QueueGrant.consume.statements(for: queue) {
                scope.contribute(statement, to: function.role, as: Role.defaultPolicyStatements)
            }
        }
    }
}

extension Function {
    /// This function consuming `queue`; list the result in a body.
    public func consumes(
        _ queue: Queue, batchSize: Int? = nil, maxBatchingWindow: Duration? = nil,
        reportBatchItemFailures: Bool = false, maxConcurrency: Int? = nil, enabled: Bool? = nil
    ) -> SqsEventSource {
        SqsEventSource(
            function: self, queue: queue, batchSize: batchSize, maxBatchingWindow: maxBatchingWindow,
            reportBatchItemFailures: reportBatchItemFailures, maxConcurrency: maxConcurrency, enabled: enabled)
    }
}
