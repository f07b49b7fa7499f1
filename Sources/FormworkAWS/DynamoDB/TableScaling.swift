import FormworkCore
import FormworkL1
import OrderedCollections

extension Table {
    /// Target-tracking auto scaling of a provisioned table's read or write capacity (CDK's
    /// `autoScaleReadCapacity(...).scaleOnUtilization(...)`).
    public struct Scaling: Sendable, Hashable {
        /// The fewest capacity units scaling may leave (`MinCapacity` of the scalable target): at least 1 and at most
        /// ``maxCapacity``.
        public var minCapacity: Int
        /// The most capacity units scaling may reach (`MaxCapacity` of the scalable target).
        public var maxCapacity: Int
        /// The utilization, in percent, to keep the capacity at.
        public var targetUtilizationPercent: Double

        /// Scaling between `minCapacity` and `maxCapacity` units to keep utilization at `targetUtilizationPercent`
        /// (10 to 90).
        public init(minCapacity: Int, maxCapacity: Int, targetUtilizationPercent: Double) {
            self.minCapacity = minCapacity
            self.maxCapacity = maxCapacity
            self.targetUtilizationPercent = targetUtilizationPercent
        }
    }

    /// Declares `<Table>/<Read|Write>Scaling/Target` and its `Tracking` policy, as CDK does.
    func declareScaling(_ scaling: Scaling, dimension: String, in scope: ConstructScope) throws(SynthesisError) {
        try PropertyChecks.check(scaling.minCapacity, in: 1...scaling.maxCapacity, "minCapacity", at: scope)
        if !(10...90).contains(scaling.targetUtilizationPercent) {
            throw SynthesisError(
                .invalidSetting, paths: [scope.path], "targetUtilizationPercent must be between 10 and 90; it is \(scaling.targetUtilizationPercent)")
        }
        let target = try scope.child("\(dimension)Scaling").child("Target")
        let role: Value =
            "arn:\(Aws.partition):iam::\(Aws.accountId):role/aws-service-role/dynamodb.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_DynamoDBTable"
        try target.declareResource(
            CfnApplicationAutoScaling.ScalableTarget(
                maxCapacity: .number(Double(scaling.maxCapacity)),
                minCapacity: .number(Double(scaling.minCapacity)),
                resourceId: "table/\(name)",
                roleARN: role,
                scalableDimension: .string("dynamodb:table:\(dimension)CapacityUnits"),
                serviceNamespace: "dynamodb"))
        let targetRef = Value.reference(Reference(to: self, element: ["\(dimension)Scaling", "Target", "Resource"], form: .ref))
        let tracking = try target.child("Tracking")
        try tracking.declareResource(
            CfnApplicationAutoScaling.ScalingPolicy(
                policyName: .string(tracking.uniqueId),
                policyType: "TargetTrackingScaling",
                scalingTargetId: targetRef,
                targetTrackingScalingPolicyConfiguration: CfnApplicationAutoScaling.ScalingPolicy.TargetTrackingScalingPolicyConfiguration(
                    predefinedMetricSpecification: CfnApplicationAutoScaling.ScalingPolicy.PredefinedMetricSpecification(
                        predefinedMetricType: .string("DynamoDB\(dimension)CapacityUtilization")),
                    targetValue: .number(scaling.targetUtilizationPercent))))
    }
}
