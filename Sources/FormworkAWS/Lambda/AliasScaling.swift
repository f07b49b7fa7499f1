import FormworkCore
import FormworkL1
import OrderedCollections

extension Alias {
    /// Auto scaling of an alias's provisioned concurrency (CDK's `alias.addAutoScaling(...)` with
    /// `scaleOnUtilization` and `scaleOnSchedule`): a scalable target at `<Alias>/AliasScaling/Target`,
    /// a target-tracking policy on the share of provisioned concurrency in use, and scheduled capacity.
    public struct AutoScaling: Sendable {
        /// A change of capacity at times a schedule gives (a scheduled action).
        public struct ScheduledCapacity: Sendable {
            /// The scheduled action's name (`ScheduledActionName`): 1 to 256 printable characters without `|`, `:` or `/`,
            /// unique within the alias.
            public var name: String
            /// When the action runs: a rate, cron or one-time schedule (`Schedule`), in UTC.
            public var schedule: Schedule
            /// The new lower bound of the provisioned concurrency (`ScalableTargetAction.MinCapacity`); `nil`: unchanged.
            /// One of this and ``maxCapacity`` is required.
            public var minCapacity: Int?
            /// The new upper bound of the provisioned concurrency (`ScalableTargetAction.MaxCapacity`); `nil`: unchanged.
            public var maxCapacity: Int?

            /// A scheduled action `name` setting `minCapacity`, `maxCapacity` or both at the times of `schedule`.
            public init(_ name: String, schedule: Schedule, minCapacity: Int? = nil, maxCapacity: Int? = nil) {
                self.name = name
                self.schedule = schedule
                self.minCapacity = minCapacity
                self.maxCapacity = maxCapacity
            }
        }

        /// The fewest provisioned concurrent executions scaling may leave (`MinCapacity`): 1 unless given, at most
        /// ``maxCapacity``.
        public var minCapacity: Int
        /// The most provisioned concurrent executions scaling may reach (`MaxCapacity`); required.
        public var maxCapacity: Int
        /// The share of provisioned concurrency to keep in use (0.1 to 0.9); no tracking policy when `nil`.
        public var utilizationTarget: Double?
        /// Capacity changes at set times (`ScheduledActions`); none unless given.
        public var scheduled: [ScheduledCapacity]

        /// Scaling the provisioned concurrency between `minCapacity` and `maxCapacity`, tracking `utilizationTarget`
        /// and following `scheduled`.
        public init(minCapacity: Int = 1, maxCapacity: Int, utilizationTarget: Double? = nil, scheduled: [ScheduledCapacity] = []) {
            self.minCapacity = minCapacity
            self.maxCapacity = maxCapacity
            self.utilizationTarget = utilizationTarget
            self.scheduled = scheduled
        }
    }

    /// Declares the scalable target and its policy for `scaling`.
    func declareAutoScaling(_ scaling: AutoScaling, in scope: ConstructScope) throws(SynthesisError) {
        try PropertyChecks.check(scaling.minCapacity, in: 1...max(1, scaling.maxCapacity), "minCapacity", at: scope)
        if let target = scaling.utilizationTarget, !(0.1...0.9).contains(target) {
            throw SynthesisError(
                .invalidSetting, paths: [scope.path], "utilizationTarget is a share of provisioned concurrency between 0.1 and 0.9; it is \(target)")
        }
        var actions: [CfnApplicationAutoScaling.ScalableTarget.ScheduledAction] = []
        for action in scaling.scheduled {
            guard action.minCapacity != nil || action.maxCapacity != nil else {
                throw SynthesisError(.invalidSetting, paths: [scope.path], "the scheduled capacity '\(action.name)' sets neither minCapacity nor maxCapacity")
            }
            let expression: String
            switch action.schedule.expressionString() {
            case .success(let text): expression = text
            case .failure(let error): throw SynthesisError(.invalidSetting, paths: [scope.path], error.message)
            }
            let capacity = CfnApplicationAutoScaling.ScalableTarget.ScalableTargetAction(
                maxCapacity: action.maxCapacity.map { .number(Double($0)) }, minCapacity: action.minCapacity.map { .number(Double($0)) })
            actions.append(
                CfnApplicationAutoScaling.ScalableTarget.ScheduledAction(
                    scalableTargetAction: capacity, schedule: .string(expression), scheduledActionName: .string(action.name)))
        }
        let target = try scope.child("AliasScaling").child("Target")
        // The function's name cut from the alias ARN, then the alias: `function:<name>:<alias>`.
        let functionName: Value = .intrinsic("Fn::Select", [6, .intrinsic("Fn::Split", [":", arn])])
        let scalableTarget = CfnApplicationAutoScaling.ScalableTarget(
            maxCapacity: .number(Double(scaling.maxCapacity)),
            minCapacity: .number(Double(scaling.minCapacity)),
            resourceId: "function:\(functionName):\(aliasName)",
            roleARN:
                "arn:\(Aws.partition):iam::\(Aws.accountId):role/aws-service-role/lambda.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_LambdaConcurrency",
            scalableDimension: "lambda:function:ProvisionedConcurrency",
            scheduledActions: actions.isEmpty ? nil : actions,
            serviceNamespace: "lambda")
        try target.declareResource(scalableTarget)
        guard let utilizationTarget = scaling.utilizationTarget else { return }
        let tracking = try target.child("Tracking")
        try tracking.declareResource(
            CfnApplicationAutoScaling.ScalingPolicy(
                policyName: .string(tracking.uniqueId),
                policyType: "TargetTrackingScaling",
                scalingTargetId: .reference(Reference(to: self, element: ["AliasScaling", "Target", "Resource"], form: .ref)),
                targetTrackingScalingPolicyConfiguration: CfnApplicationAutoScaling.ScalingPolicy.TargetTrackingScalingPolicyConfiguration(
                    predefinedMetricSpecification: CfnApplicationAutoScaling.ScalingPolicy.PredefinedMetricSpecification(
                        predefinedMetricType: "LambdaProvisionedConcurrencyUtilization"),
                    targetValue: .number(utilizationTarget))))
    }
}
