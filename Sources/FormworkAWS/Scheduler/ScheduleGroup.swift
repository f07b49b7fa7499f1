import FormworkCore
import FormworkL1
import OrderedCollections

/// A group of EventBridge Scheduler schedules (CDK's `scheduler.ScheduleGroup`), named as CDK names it when
/// no name is given, retained when the stack is deleted.
public struct ScheduleGroup: IdentifiedConstruct {
    public let id: String
    public let identity = ConstructIdentity()
    /// The group's name (`Name`): 1 to 64 letters, digits, `.`, `-` and `_`; without it, a name CDK would generate from the
    /// construct path (at most 64 characters) is written.
    public var scheduleGroupName: String?
    /// What happens to the group when it leaves the stack or is replaced (`DeletionPolicy` and `UpdateReplacePolicy`); kept
    /// (``RemovalPolicy/retain``) unless given.
    public var removalPolicy: RemovalPolicy

    /// A schedule group, named as CDK names it unless `scheduleGroupName` is given.
    public init(_ id: String, scheduleGroupName: String? = nil, removalPolicy: RemovalPolicy = .retain) {
        self.id = id
        self.scheduleGroupName = scheduleGroupName
        self.removalPolicy = removalPolicy
    }

    /// The group's ARN.
    public var arn: Value { .reference(Reference(to: self, element: ["Resource"], form: .getAtt(CfnScheduler.ScheduleGroup.Attribute.arn.rawValue))) }

    /// The name the group is written with: the one given, or CDK's generated one.
    func name(in scope: ConstructScope) -> String {
        scheduleGroupName ?? scope.uniqueResourceName(maxLength: 64, separator: "-")
    }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        try scope.declareResource(CfnScheduler.ScheduleGroup(name: .string(name(in: scope))), removalPolicy: removalPolicy)
    }
}
