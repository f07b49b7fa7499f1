import FormworkCore
import FormworkL1
import OrderedCollections

extension Function {
    /// How asynchronous invocations are retried and where their results go (`AWS::Lambda::EventInvokeConfig`).
    public struct AsyncInvocation: Sendable {
        /// Where a successful invocation's record goes (`DestinationConfig.OnSuccess`); `nil`: nowhere.
        public var onSuccess: (any InvocationDestination)?
        /// Where an invocation that failed all its attempts, or expired, goes (`DestinationConfig.OnFailure`); `nil`:
        /// nowhere.
        public var onFailure: (any InvocationDestination)?
        /// How many more times Lambda tries after a failed attempt (`MaximumRetryAttempts`), 0 to 2; `nil`: not
        /// written, so Lambda's 2.
        public var retryAttempts: Int?
        /// How long an event may wait in Lambda's queue before it is dropped (`MaximumEventAgeInSeconds`): 1 minute
        /// to 6 hours, in whole seconds; `nil`: not written, so Lambda's 6 hours.
        public var maxEventAge: Duration?

        /// Invocation settings for `$LATEST`; every setting left `nil` is Lambda's default.
        public init(
            onSuccess: (any InvocationDestination)? = nil, onFailure: (any InvocationDestination)? = nil, retryAttempts: Int? = nil,
            maxEventAge: Duration? = nil
        ) {
            self.onSuccess = onSuccess
            self.onFailure = onFailure
            self.retryAttempts = retryAttempts
            self.maxEventAge = maxEventAge
        }
    }

    /// Declares the invocation settings: log group and asynchronous invocation config.
    func declareInvocationSettings(in scope: ConstructScope) throws(SynthesisError) {
        if let logRetention, scope.defaults.isFormwork {
            try scope.add(LogGroup("LogGroup", logGroupName: "/aws/lambda/\(name)", retention: logRetention))
        } else if let logRetention {
            // CDK's LogRetention: the group Lambda made (or will make) is not the stack's, so a migrated stack keeps it.
            try scope.add(LogRetention(logGroupName: "/aws/lambda/\(name)", retention: logRetention))
        } else if takesManagedLogGroup, scope.defaults.isEnabled(.lambdaUseCdkManagedLogGroup) {
            // CDK's managed log group: the function's own, retained, with CDK's default two years.
            try scope.add(LogGroup("LogGroup", logGroupName: "/aws/lambda/\(name)"))
        }
        guard let asyncInvocation else { return }
        try PropertyChecks.check(asyncInvocation.retryAttempts, in: 0...2, "retryAttempts", at: scope)
        try PropertyChecks.check(asyncInvocation.maxEventAge?.wholeSeconds, in: 60...21_600, "maxEventAge", unit: " s", at: scope)
        // The destination's ARN, its construct required and its statements given to the role.
        func deliveryArn(_ destination: (any InvocationDestination)?) -> Value? {
            guard let delivery = destination?.invocationBinding else { return nil }
            scope.require(delivery.construct)
            for statement in delivery.statements { scope.contribute(statement, to: role, as: Role.defaultPolicyStatements) }
            return delivery.arn
        }
        let onFailure = deliveryArn(asyncInvocation.onFailure).map { CfnLambda.EventInvokeConfig.OnFailure(destination: $0) }
        let onSuccess = deliveryArn(asyncInvocation.onSuccess).map { CfnLambda.EventInvokeConfig.OnSuccess(destination: $0) }
        var config = CfnLambda.EventInvokeConfig(functionName: name, qualifier: "$LATEST")
        if onFailure != nil || onSuccess != nil {
            config.destinationConfig = CfnLambda.EventInvokeConfig.DestinationConfig(onFailure: onFailure, onSuccess: onSuccess)
        }
        config.maximumEventAgeInSeconds = asyncInvocation.maxEventAge.map { .number(Double($0.wholeSeconds)) }
        config.maximumRetryAttempts = asyncInvocation.retryAttempts.map { .number(Double($0)) }
        try scope.child("EventInvokeConfig").declareResource(config)
    }
}
