import FormworkTemplate

extension ValidationRun {
    /// An event source mapping from a queue of this template: the queue's visibility timeout (SQS default 30 s)
    /// is at least the function's timeout (Lambda default 3 s), or Lambda refuses the mapping (cfn-lint
    /// E3505); a FIFO queue delivers batches of at most 10 (E3705).
    mutating func checkQueueEventSource(_ mapping: Template.Resource, path: [String]) {
        guard let queue = referencedResource(mapping.properties["EventSourceArn"]), queue.resource.type == "AWS::SQS::Queue" else { return }
        if queue.resource.properties["FifoQueue"]?.literalBool == true, let batch = mapping.properties["BatchSize"]?.literalInteger, batch > 10 {
            error("event-source", path + ["BatchSize"], "the FIFO queue '\(queue.id)' delivers batches of at most 10 messages; BatchSize is \(batch)")
        }
        guard let function = referencedResource(mapping.properties["FunctionName"]), function.resource.type == "AWS::Lambda::Function",
            let visibility = Self.integer(queue.resource.properties["VisibilityTimeout"], default: 30),
            let timeout = Self.integer(function.resource.properties["Timeout"], default: 3), visibility < timeout
        else { return }
        error(
            "event-source", path + ["EventSourceArn"],
            "the queue '\(queue.id)' hides a message for \(visibility) s (VisibilityTimeout), less than the \(timeout) s the function '\(function.id)' may run; Lambda refuses the mapping: raise VisibilityTimeout to at least \(timeout)"
        )
    }

    /// A function's environment variables, names and values, total at most 4 KB (cfn-lint E3697).
    mutating func checkEnvironmentSize(_ function: Template.Resource, path: [String]) {
        guard let variables = function.properties["Environment"]?["Variables"]?.objectValue else { return }
        let size = variables.reduce(0) { total, entry in total + entry.key.utf8.count + (entry.value.stringValue?.utf8.count ?? 0) }
        if size > 4_096 {
            error("limit", path + ["Environment", "Variables"], "the environment variables take \(size) bytes; Lambda allows 4 KB (4,096 bytes) in all")
        }
    }

    /// A whole number written out, the property's default when it is absent, `nil` when it is computed.
    static func integer(_ value: JSONValue?, default fallback: Int) -> Int? {
        guard let value else { return fallback }
        return value.literalInteger
    }
}
