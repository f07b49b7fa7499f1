/// A change set as `DescribeChangeSet` describes it: its status and CloudFormation's verdict per resource.
public struct ChangeSet: Sendable, Equatable {
    /// One resource's planned change.
    public struct ResourceChange: Sendable, Equatable {
        /// `Add`, `Modify`, `Remove`, `Import`, `Dynamic`.
        public var action: String
        /// The resource's logical ID in the template (`LogicalResourceId`).
        public var logicalId: String
        /// The resource's CloudFormation type, such as `AWS::SQS::Queue` (`ResourceType`).
        public var resourceType: String
        /// `True`, `Conditional` or `False` for a `Modify`; `nil` otherwise.
        public var replacement: String?
        /// What changes and why, one per property or attribute.
        public var details: [Detail]

        /// Whether CloudFormation replaces the resource (`True`) or may (`Conditional`).
        public var replaces: Bool { replacement == "True" || replacement == "Conditional" }
    }

    /// One cause of a change: the property, whether it forces recreation, and its source.
    public struct Detail: Sendable, Equatable {
        /// `Properties`, `Metadata`, `Tags`, ...
        public var attribute: String
        /// The property's name, for `Properties`.
        public var name: String?
        /// `Never`, `Conditionally` or `Always`.
        public var requiresRecreation: String?
        /// `DirectModification`, `ResourceReference`, `ParameterReference`, ...
        public var changeSource: String?
        /// What caused the change, within `changeSource`: the parameter's name for a `ParameterReference`, the
        /// referenced resource's logical ID for a `ResourceReference`, `LogicalId.Attribute` for a
        /// `ResourceAttribute`; `nil` for a `DirectModification`.
        public var causingEntity: String?
    }

    /// The change set's `Status`: `CREATE_PENDING`, `CREATE_IN_PROGRESS`, `CREATE_COMPLETE`, `DELETE_PENDING`,
    /// `DELETE_IN_PROGRESS`, `DELETE_COMPLETE`, `DELETE_FAILED` or `FAILED`.
    public var status: String
    /// Why it has its status (`StatusReason`): for a `FAILED` one, what went wrong, including that the template
    /// contains no changes; `nil` when CloudFormation gives no reason.
    public var statusReason: String?
    /// `AVAILABLE` when it can be executed.
    public var executionStatus: String?
    /// The planned change of each resource (`Changes`), every page of them, in CloudFormation's order.
    public var changes: [ResourceChange]
    var nextToken: String?

    /// Still being created.
    public var isPending: Bool {
        status == "CREATE_PENDING" || status == "CREATE_IN_PROGRESS"
    }

    /// Failed because the template changes nothing (CloudFormation refuses an empty change set).
    public var hasNoChanges: Bool {
        status == "FAILED" && (statusReason.map { $0.contains("didn't contain changes") || $0.contains("No updates are to be performed") } ?? false)
    }

    /// A change set of `status`, with no reason, execution status or changes unless given.
    public init(status: String, statusReason: String? = nil, executionStatus: String? = nil, changes: [ResourceChange] = []) {
        self.status = status
        self.statusReason = statusReason
        self.executionStatus = executionStatus
        self.changes = changes
    }

    /// Reads the `DescribeChangeSetResult` element.
    init(_ result: XMLTree) {
        self.init(status: result.string("Status") ?? "", statusReason: result.string("StatusReason"), executionStatus: result.string("ExecutionStatus"))
        nextToken = result.string("NextToken").flatMap { $0.isEmpty ? nil : $0 }
        for member in result.members("Changes") {
            guard let change = member["ResourceChange"] else { continue }
            let details = change.members("Details").map { detail in
                Detail(
                    attribute: detail["Target"]?.string("Attribute") ?? "", name: detail["Target"]?.string("Name"),
                    requiresRecreation: detail["Target"]?.string("RequiresRecreation"), changeSource: detail.string("ChangeSource"),
                    causingEntity: detail.string("CausingEntity"))
            }
            changes.append(
                ResourceChange(
                    action: change.string("Action") ?? "", logicalId: change.string("LogicalResourceId") ?? "",
                    resourceType: change.string("ResourceType") ?? "", replacement: change.string("Replacement"),
                    details: details))
        }
    }
}
