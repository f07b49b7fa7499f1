import FormworkTemplate

extension CheckRule {
    /// Functions reading a stream bound their retries: they split a failing batch or stop retrying it.
    public static let streamSourceRetry: CheckRule = CheckRule(
        id: "lambda-stream-retry", summary: "Stream event sources bound their retries.", pillar: "Reliability", severity: .warning,
        rationale: "By default a failing batch is retried until its records expire, holding up the whole shard for up to a week.",
        remedy: "Set bisectBatchOnError: true or retryAttempts: (and maxRecordAge:) on the stream reading."
    ) { template in
        template.resources(ofType: "AWS::Lambda::EventSourceMapping").compactMap { logicalId, mapping in
            let source = mapping.properties["EventSourceArn"]?.referencedLogicalIds.first.flatMap { template.resources[$0]?.type }
            let isStream = source == "AWS::Kinesis::Stream" || source == "AWS::DynamoDB::Table" || mapping.properties["StartingPosition"] != nil
            guard isStream, mapping.properties["BisectBatchOnFunctionError"] != .bool(true), mapping.properties["MaximumRetryAttempts"] == nil else {
                return nil
            }
            return streamSourceRetry.finding(logicalId, "the mapping retries a failing batch until its records expire.")
        }
    }
}
