import FormworkCore

/// What a grant on a queue allows, with CDK's action sets.
public enum QueueGrant: Sendable {
    /// Receive and delete messages: `sqs:ReceiveMessage, ChangeMessageVisibility, GetQueueUrl, DeleteMessage,
    /// GetQueueAttributes`.
    case consume
    /// Send messages: `sqs:SendMessage, GetQueueAttributes, GetQueueUrl`.
    case send
    /// Purge the queue: `sqs:PurgeQueue, GetQueueAttributes, GetQueueUrl`.
    case purge

    var actions: [String] {
        switch self {
        case .consume: ["sqs:ReceiveMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueUrl", "sqs:DeleteMessage", "sqs:GetQueueAttributes"]
        case .send: ["sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"]
        case .purge: ["sqs:PurgeQueue", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"]
        }
    }

    func statement(for queue: Queue) -> PolicyStatement {
        PolicyStatement(actions: actions, resources: [queue.arn])
    }
}

extension Queue {
    /// A grant of `access` to this queue for `principal`'s role; list the result in a body.
    public func grant(_ access: QueueGrant, to principal: some GrantPrincipal) -> Grant {
        Grant(id: "\(principal.id)Can\(access)\(id)", resource: self, principal: principal, statements: [access.statement(for: self)])
    }
}
