import FormworkCore
import FormworkL1
import OrderedCollections

/// An SNS topic (CDK's `sns.Topic`).
///
/// ```swift
/// let orders = Topic("OrderTopic", displayName: "Order Events")
/// orders.subscribe(inventoryQueue)
/// orders.grant(.publish, to: checkout)
/// ```
public struct Topic: IdentifiedConstruct {
    public let id: String
    public let identity = ConstructIdentity()
    /// The name shown as the sender of SMS and email messages (`DisplayName`), up to 100 characters; `nil`: none.
    public var displayName: String?
    /// The topic's name (`TopicName`): 1 to 256 letters, digits, `-` or `_` (`.fifo` added for a FIFO topic);
    /// `nil`: CloudFormation generates one (CDK's generated name for a FIFO topic).
    public var topicName: String?
    /// Whether the topic is FIFO; `FifoTopic` is written whenever it is given, as CDK writes it. A FIFO
    /// topic's name gets CDK's `.fifo` suffix, and one without a name gets CDK's generated name.
    public var fifo: Bool?
    /// `ContentBasedDeduplication`, written whenever it is given (FIFO topics only).
    public var contentBasedDeduplication: Bool?
    /// `KmsMasterKeyId`: a key ARN, id or alias (`alias/aws/sns` for the AWS managed key).
    public var masterKey: String?
    /// The existing topic this value stands for (``Topic/fromTopicArn(_:arn:)``); `nil` for a topic the stack declares.
    public internal(set) var imported: ImportedArn?

    /// Statements edges add to the topic's resource policy (`<Topic>/Policy`).
    public static let policyStatements = ContributionKey<PolicyStatement>("Topic.policyStatements")

    /// A topic; standard unless `fifo`.
    public init(
        _ id: String, displayName: String? = nil, topicName: String? = nil, fifo: Bool? = nil,
        contentBasedDeduplication: Bool? = nil, masterKey: String? = nil
    ) {
        self.id = id
        self.displayName = displayName
        self.topicName = topicName
        self.fifo = fifo
        self.contentBasedDeduplication = contentBasedDeduplication
        self.masterKey = masterKey
    }

    /// `{"Ref": topic}`: the topic's ARN; for an imported topic, the ARN it was imported with.
    public var arn: Value { imported?.arn ?? .reference(Reference(to: self, element: ["Resource"], form: .ref)) }
    /// The topic's name; for an imported topic, the last part of its ARN.
    public var name: Value {
        imported?.component(5) ?? .reference(Reference(to: self, element: ["Resource"], form: .getAtt(CfnSNS.Topic.Attribute.topicName.rawValue)))
    }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        if let imported {
            // CDK declares nothing for an imported topic, and drops what edges add to its policy.
            try imported.validate(at: scope)
            return
        }
        let fifo = self.fifo ?? false
        if contentBasedDeduplication == true && !fifo {
            throw SynthesisError(.invalidSetting, paths: [scope.path], "content-based deduplication needs a FIFO topic; set fifo: true")
        }
        var name = topicName
        if fifo {
            // CDK completes a FIFO topic's name, or generates one: CloudFormation requires the suffix.
            name = name.map { $0.hasSuffix(".fifo") ? $0 : $0 + ".fifo" } ?? scope.uniqueResourceName(maxLength: 251, separator: "-") + ".fifo"
        }
        let topic = CfnSNS.Topic(
            contentBasedDeduplication: contentBasedDeduplication.map { .bool($0) },
            displayName: displayName.map { .string($0) },
            fifoTopic: self.fifo.map { .bool($0) },
            kmsMasterKeyId: masterKey.map { .string($0) },
            topicName: name.map { .string($0) })
        try scope.declare(.resource(ResourceDeclaration(topic)), at: "Resource")
        scope.afterExpansion(.finalize) { scope throws(SynthesisError) in
            let statements = scope.contributions(to: self, as: Topic.policyStatements)
            guard !statements.isEmpty else { return }
            try scope.child("Policy").declareResource(
                CfnSNS.TopicPolicy(
                    policyDocument: PolicyDocument(statements, numberingStatements: true, minimizing: scope.minimizesPolicies).value, topics: [arn]),
                transforms: scope.policyTransforms)
        }
    }
}

/// What a grant on a topic allows.
public enum TopicGrant: String, Sendable {
    /// `sns:Publish`.
    case publish
    /// `sns:Subscribe`.
    case subscribe

    var actions: [String] {
        switch self {
        case .publish: ["sns:Publish"]
        case .subscribe: ["sns:Subscribe"]
        }
    }

    /// The grant's statement on `topic`.
    func statement(for topic: Topic) -> PolicyStatement {
        PolicyStatement(actions: actions, resources: [topic.arn])
    }
}

extension Topic {
    /// A grant of `access` to this topic for `principal`'s role; list the result in a body.
    public func grant(_ access: TopicGrant, to principal: some GrantPrincipal) -> Grant {
        Grant(
            id: "\(principal.id)Can\(access.rawValue)\(id)", resource: self, principal: principal,
            statements: [access.statement(for: self)])
    }
}
