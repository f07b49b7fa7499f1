import FormworkCore
import OrderedCollections

/// The retention of a log group that exists outside the stack — Lambda's `/aws/lambda/<function>` — set through
/// a custom resource, as CDK's `logs.LogRetention` (a function's `logRetention` under the CDK profile): a
/// `Custom::LogRetention` at `<function>/LogRetention` served by one provider function per stack.
///
/// A migrated CDK app keeps its `Custom::LogRetention` resources unchanged, so CloudFormation never calls the
/// provider during the migration; declaring an `AWS::Logs::LogGroup` named `/aws/lambda/<function>` instead would
/// fail, since the group exists. The provider runs Formwork's own handler (``LogRetentionProvider``), not CDK's.
struct LogRetention: Construct {
    let id = "LogRetention"
    /// The log group's name.
    var logGroupName: Value
    /// The retention to set.
    var retention: LogGroup.Retention

    func expand(in scope: ConstructScope) throws(SynthesisError) {
        let provider = try LogRetentionProvider.function(in: scope)
        try scope.declareResource(
            Properties(serviceToken: provider.arn, logGroupName: logGroupName, retentionInDays: .number(Double(retention.rawValue))))
    }

    /// The properties the provider's handler reads, in the order CDK writes them (a custom resource's are not sorted).
    struct Properties: ResourceProperties {
        static let resourceType = "Custom::LogRetention"
        /// The provider function's ARN.
        var serviceToken: Value
        /// The log group whose retention is set.
        var logGroupName: Value
        /// The retention, in days.
        var retentionInDays: Value

        var properties: OrderedDictionary<String, Value> {
            ["ServiceToken": serviceToken, "LogGroupName": logGroupName, "RetentionInDays": retentionInDays]
        }
    }
}
