import FormworkCore

/// What a grant on a queue allows, with CDK's action sets.
public enum QueueGrant: String, Sendable {
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

    /// What the queue's customer managed key must allow for the same access, as CDK grants it.
    var keyActions: [String] {
        switch self {
        case .consume: ["kms:Decrypt"]
        case .send: ["kms:Decrypt", "kms:Encrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*"]
        case .purge: []
        }
    }

    func statement(for queue: Queue) -> PolicyStatement {
        PolicyStatement(actions: actions, resources: [queue.arn])
    }

    /// The grant's statements: the queue's, then its key's when it has a customer managed one.
    func statements(for queue: Queue) -> [PolicyStatement] {
        guard let key = queue.customerKey, !keyActions.isEmpty else { return [statement(for: queue)] }
        return [statement(for: queue), PolicyStatement(actions: keyActions, resources: [key.arn])]
    }
}

extension Queue {
    /// A grant of `access` to this queue for `principal`'s role; list the result in a body.
    public func grant(_ access: QueueGrant, to principal: some GrantPrincipal) -> Grant {
        Grant(id: "\(principal.id)Can\(access.rawValue)\(id)", resource: self, principal: principal, statements: access.statements(for: self))
    }
}
