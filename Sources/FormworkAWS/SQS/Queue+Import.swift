import FormworkCore

extension Queue {
    /// An existing queue, named by its ARN (CDK's `Queue.fromQueueArn`): a queue for grants, subscriptions, event
    /// sources and rule, pipe and schedule targets that the stack does not declare.
    ///
    /// ```swift
    /// let orders = Queue.fromQueueArn("Orders", arn: "arn:aws:sqs:us-east-1:123456789012:orders")
    /// worker.consumes(orders)
    /// ```
    ///
    /// As in CDK, nothing is written for the queue itself, and nothing for its policy: grants go to the grantee's
    /// policy only, and what edges would add to the queue's policy (a subscription's, a rule's) is left to the queue's
    /// owner. ``Queue/arn`` is `arn` as given; ``Queue/name`` and ``Queue/url`` are read from it (cut from the text
    /// when `arn` is text, `Fn::Select` of `Fn::Split` when it is a reference). The queue is FIFO when `arn` is text
    /// ending in `.fifo`. List it in a body (or let the first construct that references it include it):
    /// subscriptions to it are declared under its path, as CDK declares them. Its other settings are ignored.
    public static func fromQueueArn(_ id: String, arn: Value) -> Queue {
        var queue = Queue(id)
        queue.imported = ImportedArn(arn)
        if queue.imported?.text?.hasSuffix(".fifo") == true { queue.fifo = true }
        return queue
    }
}
