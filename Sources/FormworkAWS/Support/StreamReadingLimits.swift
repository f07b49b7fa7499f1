import FormworkCore

/// The bounds Lambda event source mappings and EventBridge pipes share for reading a DynamoDB or Kinesis
/// stream (the CloudFormation schemas give both the same).
enum StreamReadingLimits {
    static func check(
        batchSize: Int?, maxBatchingWindow: Duration?, parallelizationFactor: Int?, retryAttempts: Int?,
        maxRecordAge: Duration?, at scope: ConstructScope
    ) throws(SynthesisError) {
        try PropertyChecks.check(batchSize, in: 1...10_000, "batchSize", at: scope)
        try PropertyChecks.check(maxBatchingWindow?.wholeSeconds, in: 0...300, "maxBatchingWindow", unit: " s", at: scope)
        try PropertyChecks.check(parallelizationFactor, in: 1...10, "parallelizationFactor", at: scope)
        try PropertyChecks.check(retryAttempts, in: -1...10_000, "retryAttempts", at: scope)
        try PropertyChecks.check(maxRecordAge?.wholeSeconds, in: 60...604_800, "maxRecordAge", unit: " s", at: scope)
    }
}
