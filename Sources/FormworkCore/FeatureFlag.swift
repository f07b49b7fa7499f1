/// One of CDK's feature flags Formwork implements, by its context key.
public struct FeatureFlag: Sendable, Hashable {
    /// The context key, as `cdk.json` writes it.
    public let name: String

    /// A flag named `name`.
    public init(_ name: String) {
        self.name = name
    }

    /// A log group per function, managed by CDK (`/aws/lambda/<function>`, retained, two years).
    public static let lambdaUseCdkManagedLogGroup = FeatureFlag("@aws-cdk/aws-lambda:useCdkManagedLogGroup")
    /// `currentVersion`'s hash covers the layers, and layers are sorted by construct path.
    public static let lambdaRecognizeLayerVersion = FeatureFlag("@aws-cdk/aws-lambda:recognizeLayerVersion")
    /// `currentVersion`'s hash covers only the properties that make a new version (CDK's `VERSION_LOCKED`); off (an
    /// app's explicit `false`), it covers the function's whole template entry, so that any change (tags, reserved
    /// concurrency) publishes a new version. On unless set, as in CDK v2.
    public static let lambdaRecognizeVersionProps = FeatureFlag("@aws-cdk/aws-lambda:recognizeVersionProps")
    /// What a function gives its own role (tracing's and the dead-letter queue's statements, a rotation's) goes into
    /// a policy of its own per statement (`<function>/inlinePolicyAddedToExecutionRole-<n>`) instead of the role's
    /// default policy; off unless set, as in CDK v2 (`cdk init` writes `false`).
    public static let lambdaCreateNewPoliciesWithAddToRolePolicy = FeatureFlag("@aws-cdk/aws-lambda:createNewPoliciesWithAddToRolePolicy")
    /// A REST API makes no CloudWatch role and account unless asked.
    public static let apiGatewayDisableCloudWatchRole = FeatureFlag("@aws-cdk/aws-apigateway:disableCloudWatchRole")
    /// A REST API stage's access log destination is the log group's ARN built from its name (`arn:…:log-group:<name>`)
    /// instead of its `Arn` attribute, which ends in `:*`; off unless set, as in CDK (`cdk init` does not write it).
    public static let apiGatewayLogGroupDestinationArnWithoutWildcard = FeatureFlag("@aws-cdk/aws-apigateway:logGroupDestinationArnWithoutWildcard")
    /// A REST API deployment's logical id also hashes the authorizers.
    public static let apiGatewayAuthorizerChangeDeploymentLogicalId = FeatureFlag("@aws-cdk/aws-apigateway:authorizerChangeDeploymentLogicalId")
    /// Policy documents are minimized: actions sorted, statements merged.
    public static let iamMinimizePolicies = FeatureFlag("@aws-cdk/aws-iam:minimizePolicies")
    /// A distributed map writes only `resultWriterV2`.
    public static let stepFunctionsUseDistributedMapResultWriterV2 = FeatureFlag("@aws-cdk/aws-stepfunctions:useDistributedMapResultWriterV2")

    /// A rule's SQS target with a customer managed key: the queue's and the key's statements for EventBridge are
    /// limited to the stack's account (`aws:SourceAccount`), where without the flag they have no condition.
    public static let eventsTargetQueueSameAccount = FeatureFlag("@aws-cdk/aws-events:eventsTargetQueueSameAccount")
    /// A topic's subscription of a queue with a customer managed key: the key's statement for SNS is limited to the
    /// topic (`aws:SourceArn`), where without the flag it has no condition.
    public static let snsSubscriptionsRestrictSqsDecryption = FeatureFlag("@aws-cdk/aws-sns-subscriptions:restrictSqsDescryption")

    /// ARNs CDK builds from their parts (`Stack.formatArn`) in a stack that names its region write that region's
    /// partition as text instead of `AWS::Partition`.
    public static let corePartitionLiterals = FeatureFlag("@aws-cdk/core:enablePartitionLiterals")

    /// A ``Tag`` on a whole stack no longer becomes a tag of the stack in the assembly (CloudFormation's stack tags):
    /// only the tags given to the ``Stack`` are.
    public static let coreExplicitStackTags = FeatureFlag("@aws-cdk/core:explicitStackTags")

    /// An HTTP call's endpoint is `States.Format` of its root and path (`ApiEndpoint.$`), so that the path may be a
    /// JSON path; off (an app's explicit `false`), the endpoint is written as text. On unless set, as in CDK v2.
    public static let stepFunctionsTasksHttpInvokeDynamicJsonPathEndpoint = FeatureFlag(
        "@aws-cdk/aws-stepfunctions-tasks:httpInvokeDynamicJsonPathEndpoint")

    /// A usage plan's keys are named after their API keys (`UsagePlanKeyResource:<key>`); off (an app's explicit
    /// `false`), the first is plain `UsagePlanKeyResource`. On unless set, as in CDK v2.
    public static let apiGatewayUsagePlanKeyOrderInsensitiveId = FeatureFlag("@aws-cdk/aws-apigateway:usagePlanKeyOrderInsensitiveId")

    /// S3 notifications under the CDK profile leave what they did not write in the bucket's configuration, even on
    /// the stack's own bucket (`Managed: false`); off unless set, as in CDK (`cdk init` writes `false`).
    public static let s3KeepNotificationInImportedBucket = FeatureFlag("@aws-cdk/aws-s3:keepNotificationInImportedBucket")

    /// How a reference across stacks is made: `strong` (the default: an export, `Fn::ImportValue`), `weak` (an
    /// output read with `Fn::GetStackOutput`, which does not lock the producer) or `both`.
    public static let coreDefaultCrossStackReferences = FeatureFlag("@aws-cdk/core:defaultCrossStackReferences")

    /// The flags Formwork implements: those that change what its constructs write in CDK's parity cases.
    public static let implemented: [FeatureFlag] = [
        lambdaRecognizeLayerVersion,
        lambdaRecognizeVersionProps,
        lambdaCreateNewPoliciesWithAddToRolePolicy,
        lambdaUseCdkManagedLogGroup,
        apiGatewayDisableCloudWatchRole,
        iamMinimizePolicies,
        stepFunctionsUseDistributedMapResultWriterV2,
        apiGatewayAuthorizerChangeDeploymentLogicalId,
        apiGatewayLogGroupDestinationArnWithoutWildcard,
        coreDefaultCrossStackReferences,
        eventsTargetQueueSameAccount,
        snsSubscriptionsRestrictSqsDecryption,
        corePartitionLiterals,
        coreExplicitStackTags,
        stepFunctionsTasksHttpInvokeDynamicJsonPathEndpoint,
        apiGatewayUsagePlanKeyOrderInsensitiveId,
        s3KeepNotificationInImportedBucket,
    ]
}
