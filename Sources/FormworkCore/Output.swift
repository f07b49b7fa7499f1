/// A stack output, optionally exported for other stacks to import.
///
/// References across stacks need no `Output`: Formwork exports and imports them itself, as CDK does. Use
/// `Output` for the values people and pipelines read.
///
/// ```swift
/// Output("QueueUrl", value: queue.ref, description: "Where orders are sent")
/// ```
public struct Output: Construct {
    public let id: String
    /// The output's declaration.
    public let declaration: OutputDeclaration
    /// An explicit logical ID, replacing the one derived from the path.
    public let explicitLogicalId: String?

    /// An output of `value`; exported under `exportName` when given.
    public init(
        _ id: String, value: Value, description: String? = nil, exportName: Value? = nil,
        condition: Condition? = nil, logicalId: String? = nil
    ) {
        self.id = id
        self.declaration = OutputDeclaration(
            value: value, description: description, exportName: exportName,
            condition: condition?.reference)
        self.explicitLogicalId = logicalId
    }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        try scope.declare(.output(declaration), logicalId: explicitLogicalId)
    }
}
