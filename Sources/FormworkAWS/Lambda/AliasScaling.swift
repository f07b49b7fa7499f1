import FormworkCore
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
        var actions: [Value] = []
        for action in scaling.scheduled {
            guard action.minCapacity != nil || action.maxCapacity != nil else {
                throw SynthesisError(.invalidSetting, paths: [scope.path], "the scheduled capacity '\(action.name)' sets neither minCapacity nor maxCapacity")
            }
            let expression: String
            switch action.schedule.expressionString() {
            case .success(let text): expression = text
            case .failure(let error): throw SynthesisError(.invalidSetting, paths: [scope.path], error.message)
            }
            var capacity = OrderedDictionary<String, Value>()
            capacity["MaxCapacity"] = action.maxCapacity.map { .number(Double($0)) }
            capacity["MinCapacity"] = action.minCapacity.map { .number(Double($0)) }
            actions.append(["ScalableTargetAction": .object(capacity), "Schedule": .string(expression), "ScheduledActionName": .string(action.name)])
        }
        let target = try scope.child("AliasScaling").child("Target")
        // The function's name cut from the alias ARN, then the alias: `function:<name>:<alias>`.
        let functionName: Value = .intrinsic("Fn::Select", [6, .intrinsic("Fn::Split", [":", arn])])
        var properties: OrderedDictionary<String, Value> = [
            "MaxCapacity": .number(Double(scaling.maxCapacity)),
            "MinCapacity": .number(Double(scaling.minCapacity)),
            "ResourceId": "function:\(functionName):\(aliasName)",
            "RoleARN":
                "arn:\(Aws.partition):iam::\(Aws.accountId):role/aws-service-role/lambda.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_LambdaConcurrency",
            "ScalableDimension": "lambda:function:ProvisionedConcurrency",
        ]
        properties["ScheduledActions"] = actions.isEmpty ? nil : .array(actions)
        properties["ServiceNamespace"] = "lambda"
        try target.declareResource("AWS::ApplicationAutoScaling::ScalableTarget", properties: properties)
        guard let utilizationTarget = scaling.utilizationTarget else { return }
        let tracking = try target.child("Tracking")
        try tracking.declareResource(
            "AWS::ApplicationAutoScaling::ScalingPolicy",
            properties: [
                "PolicyName": .string(tracking.uniqueId),
                "PolicyType": "TargetTrackingScaling",
                "ScalingTargetId": .reference(Reference(to: self, element: ["AliasScaling", "Target", "Resource"], form: .ref)),
                "TargetTrackingScalingPolicyConfiguration": [
                    "PredefinedMetricSpecification": ["PredefinedMetricType": "LambdaProvisionedConcurrencyUtilization"],
                    "TargetValue": .number(utilizationTarget),
                ],
            ])
    }
}
