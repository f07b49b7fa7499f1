import FormworkCore
import FormworkL1
import OrderedCollections

/// A function subscribed to a topic (CDK's `LambdaSubscription`): the subscription under the function's
/// scope and the permission that lets SNS invoke it.
public struct LambdaSubscription: Construct {
    /// The topic subscribed to (`TopicArn`); SNS may invoke the function for it alone (`SourceArn`).
    public let topic: Topic
    /// The function called with each message (`Endpoint`, `Protocol: lambda`); the subscription is declared in its
    /// scope.
    public let function: Function
    /// Which messages the subscription delivers; all when `nil`.
    public var filterPolicy: FilterPolicy?
    /// Where SNS puts messages it cannot deliver; its policy lets the topic send to it.
    public var deadLetterQueue: Queue?

    public var id: String { "\(function.id)SubscribesTo\(topic.id)" }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        scope.require(topic)
        scope.require(function)
        if let deadLetterQueue { scope.require(deadLetterQueue) }
        try filterPolicy?.validate(at: scope)
        scope.afterExpansion(.edges) { [self] scope throws(SynthesisError) in
            if let deadLetterQueue { topic.allowDelivery(to: deadLetterQueue, in: scope) }
            let functionScope = try scope.scope(of: function)
            let topicScope = try scope.scope(of: topic)
            // An imported function gets the permission only when CDK can tell it is in the stack's account.
            if function.createsPermissions(in: functionScope) {
                try functionScope.declareResource(
                    CfnLambda.Permission(action: "lambda:InvokeFunction", functionName: function.arn, principal: "sns.amazonaws.com", sourceArn: topic.arn),
                    at: "AllowInvoke:\(topicScope.uniqueId)")
            }
            let subscription = CfnSNS.Subscription(
                endpoint: function.arn,
                filterPolicy: filterPolicy?.document,
                filterPolicyScope: filterPolicy?.scope,
                protocol: "lambda",
                redrivePolicy: deadLetterQueue.map { ["deadLetterTargetArn": $0.arn] },
                region: topic.subscriptionRegion,
                topicArn: topic.arn)
            try functionScope.child(topic.id).declareResource(subscription)
        }
    }
}

/// An email address or HTTPS endpoint subscribed to a topic: the subscription under the topic's scope.
public struct EndpointSubscription: Construct {
    /// What receives the messages.
    public enum Endpoint: Sendable, Equatable {
        /// Messages sent as email text to this address (`Protocol: email`); the owner must confirm the subscription.
        case email(String)
        /// Messages sent as JSON email to this address (`Protocol: email-json`); the owner must confirm the subscription.
        case emailJSON(String)
        /// Messages posted to this `https://` URL (`Protocol: https`); the endpoint must confirm the subscription.
        case https(String)

        var protocolName: String {
            switch self {
            case .email: "email"
            case .emailJSON: "email-json"
            case .https: "https"
            }
        }

        var address: String {
            switch self {
            case .email(let address), .emailJSON(let address), .https(let address): address
            }
        }
    }

    /// The topic subscribed to (`TopicArn`); the subscription is declared in its scope.
    public let topic: Topic
    /// Who receives the messages (`Protocol` and `Endpoint`).
    public let endpoint: Endpoint

    /// CDK's id of the subscription: the address, with `/` written as `--` as construct ids are.
    public var id: String { endpoint.address.replacingOccurrences(of: "/", with: "--") }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        if case .https(let url) = endpoint, !url.hasPrefix("https://") {
            throw SynthesisError(.invalidSetting, paths: [scope.path], "an HTTPS subscription needs an https:// URL; '\(url)' is not one")
        }
        scope.require(topic)
        scope.afterExpansion(.edges) { [self] scope throws(SynthesisError) in
            try scope.scope(of: topic).child(id).declareResource(
                CfnSNS.Subscription(endpoint: .string(endpoint.address), protocol: .string(endpoint.protocolName), topicArn: topic.arn))
        }
    }
}

extension Topic {
    /// `function` subscribed to this topic; list the result in a body.
    public func subscribe(_ function: Function, filterPolicy: FilterPolicy? = nil, deadLetterQueue: Queue? = nil) -> LambdaSubscription {
        LambdaSubscription(topic: self, function: function, filterPolicy: filterPolicy, deadLetterQueue: deadLetterQueue)
    }

    /// An email address or HTTPS endpoint subscribed to this topic; list the result in a body.
    public func subscribe(_ endpoint: EndpointSubscription.Endpoint) -> EndpointSubscription {
        EndpointSubscription(topic: self, endpoint: endpoint)
    }
}

extension Function {
    /// The function subscribed to `topic` (CDK's `SnsEventSource`, the same subscription as
    /// `topic.subscribe(function)`); list the result in a body.
    public func consumes(_ topic: Topic, filterPolicy: FilterPolicy? = nil, deadLetterQueue: Queue? = nil) -> LambdaSubscription {
        topic.subscribe(self, filterPolicy: filterPolicy, deadLetterQueue: deadLetterQueue)
    }
}
