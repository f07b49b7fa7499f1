import FormworkCore

/// What a grant on a table allows, with the statements CDK (2.275) writes for each.
public enum TableGrant: String, Sendable {
    /// Read items, and read the table's stream records through the data API.
    case read
    /// Write items.
    case write
    /// Read and write items.
    case readWrite
    /// Read the table's stream.
    case streamRead

    private static let readActions = ["dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:GetItem", "dynamodb:Scan", "dynamodb:ConditionCheckItem"]
    private static let writeActions = ["dynamodb:BatchWriteItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"]
    private static let streamDataActions = ["dynamodb:GetRecords", "dynamodb:GetShardIterator"]

    func statements(for table: Table) -> [PolicyStatement] {
        // CDK lists the table's index ARNs after the table's, or `AWS::NoValue` when there are none: the
        // resource stays a list.
        let resources: [Value] = [table.arn, table.indexes.isEmpty ? Aws.noValue : "\(table.arn)/index/*"]
        switch self {
        case .read:
            return [
                PolicyStatement(actions: Self.readActions + ["dynamodb:DescribeTable"], resources: resources),
                PolicyStatement(actions: Self.streamDataActions, resources: resources),
            ]
        case .write:
            return [PolicyStatement(actions: Self.writeActions + ["dynamodb:DescribeTable"], resources: resources)]
        case .readWrite:
            return [
                PolicyStatement(actions: Self.readActions + Self.writeActions + ["dynamodb:DescribeTable"], resources: resources),
                PolicyStatement(actions: Self.streamDataActions, resources: resources),
            ]
        case .streamRead:
            return [
                PolicyStatement(actions: ["dynamodb:ListStreams"], resources: ["*"]),
                PolicyStatement(actions: ["dynamodb:DescribeStream"] + Self.streamDataActions, resources: [table.streamArn]),
            ]
        }
    }
}

extension Table {
    /// A grant of `access` to this table for `principal`'s role; list the result in a body.
    /// On a table imported without its stream ARN, ``TableGrant/streamRead`` is an error, as in CDK.
    public func grant(_ access: TableGrant, to principal: some GrantPrincipal) -> Grant {
        Grant(
            id: "\(principal.id)Can\(access.rawValue)\(id)", resource: self, principal: principal, statements: access.statements(for: self),
            check: { [self] scope throws(SynthesisError) in
                if access == .streamRead { try checkStreamGrant(at: scope) }
            })
    }
}
