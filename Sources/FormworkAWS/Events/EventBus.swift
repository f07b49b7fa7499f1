import FormworkCore
import FormworkL1
import OrderedCollections

/// A custom EventBridge event bus (CDK's `events.EventBus`), named after its unique id unless a name is
/// given, as in CDK.
///
/// ```swift
/// let bus = EventBus("AppEventBus", name: "application-events", archiveRetention: .days(30))
/// ```
public struct EventBus: IdentifiedConstruct {
    public let id: String
    public let identity = ConstructIdentity()
    /// The bus's name (`Name`): up to 256 characters, without `/`, and not `default`; the construct's unique id unless given,
    /// as CDK names it.
    public var name: String?
    /// The bus's description (`Description`), up to 512 characters; none written unless given.
    public var description: String?
    /// Keep every event in an archive for this long (`<Bus>/Archive`), for replays.
    public var archiveRetention: Duration?
    /// Other AWS accounts allowed to put events on the bus (`<Bus>/Policy`).
    public var allowPutEventsFromAccounts: [String]

    /// A custom event bus, with an archive and a policy for other accounts only when asked for.
    public init(
        _ id: String, name: String? = nil, description: String? = nil, archiveRetention: Duration? = nil,
        allowPutEventsFromAccounts: [String] = []
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.archiveRetention = archiveRetention
        self.allowPutEventsFromAccounts = allowPutEventsFromAccounts
    }

    /// `{"Ref": bus}`: the bus name.
    public var busName: Value { .reference(Reference(to: self, element: ["Resource"], form: .ref)) }
    /// The bus's ARN.
    public var arn: Value { .reference(Reference(to: self, element: ["Resource"], form: .getAtt(CfnEvents.EventBus.Attribute.arn.rawValue))) }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        if let name, name.contains("/") || name == "default" || name.count > 256 {
            throw SynthesisError(
                .invalidSetting, paths: [scope.path], "'\(name)' cannot name a custom event bus: no '/', not 'default', at most 256 characters")
        }
        try scope.declareResource(CfnEvents.EventBus(description: description.map { .string($0) }, name: .string(name ?? scope.uniqueId)))
        for account in allowPutEventsFromAccounts where account.count != 12 || !account.allSatisfy(\.isNumber) {
            throw SynthesisError(.invalidSetting, paths: [scope.path], "'\(account)' is not an AWS account id (12 digits)")
        }
        if !allowPutEventsFromAccounts.isEmpty {
            let principals: [Value] = allowPutEventsFromAccounts.map { "arn:\(Aws.partition):iam::\($0):root" }
            try scope.child("Policy").declareResource(
                CfnEvents.EventBusPolicy(
                    eventBusName: busName,
                    statement: PolicyStatement(
                        actions: ["events:PutEvents"], resources: [arn],
                        principal: ["AWS": principals.count == 1 ? principals[0] : .array(principals)]
                    ).value,
                    statementId: "cdk-allow-accounts"))
        }
        if let archiveRetention {
            try scope.child("Archive").declareResource(
                CfnEvents.Archive(
                    eventPattern: ["account": [Aws.accountId]],
                    retentionDays: .number(Double(archiveRetention.wholeSeconds / 86_400)),
                    sourceArn: arn))
        }
    }
}

extension EventBus {
    /// A grant to put events on this bus for `principal`'s role; list the result in a body.
    public func grantPutEvents(to principal: some GrantPrincipal) -> Grant {
        Grant(id: "\(principal.id)CanPutEventsOn\(id)", resource: self, principal: principal, statements: [putEventsStatement])
    }

    /// `events:PutEvents` on this bus.
    var putEventsStatement: PolicyStatement { PolicyStatement(actions: ["events:PutEvents"], resources: [arn]) }
}
