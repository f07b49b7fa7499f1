import FormworkCore
import OrderedCollections

/// What a `Task` state calls: the service integration's resource and parameters, and the permissions
/// the state machine's role needs for it.
public struct TaskIntegration: Sendable {
    let resource: Value
    let parameters: Value?
    let statements: [PolicyStatement]
    let requirements: [any IdentifiedConstruct]
    /// For an HTTP call, its endpoint as plain text (`<apiRoot>/<apiEndpoint>`), which replaces the `ApiEndpoint.$`
    /// parameter when `@aws-cdk/aws-stepfunctions-tasks:httpInvokeDynamicJsonPathEndpoint` is off; `nil` otherwise.
    var staticApiEndpoint: String? = nil

    /// `arn:${Partition}:states:::<service>:<action>`.
    static func serviceResource(_ action: String) -> Value { "arn:\(Aws.partition):states:::\(action)" }
}

extension State {
    /// The retry CDK adds to every Lambda invocation, for Lambda's transient service errors.
    public static let lambdaServiceRetry = Retry(
        errors: ["Lambda.ClientExecutionTimeoutException", "Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException"],
        interval: .seconds(2), maxAttempts: 6, backoffRate: 2)

    /// A `Task` calling `integration`.
    public static func task(
        _ name: String, _ integration: TaskIntegration, outputPath: String? = nil,
        resultPath: String? = nil, comment: String? = nil
    ) -> State {
        State(name, .task(integration), comment: comment, outputPath: outputPath, resultPath: resultPath)
    }

    /// Invokes `function` with the state's input (or `payload`), retrying Lambda's transient errors as CDK
    /// does; `waitForTaskToken` waits until the function reports back with the task token.
    ///
    /// - Parameter payloadResponseOnly: call the function by its ARN as the state's `Resource`, so that the
    ///   state's result is the function's answer alone rather than Lambda's whole response (CDK's
    ///   `payloadResponseOnly`); `false` by default. Cannot be combined with `waitForTaskToken`.
    public static func lambdaInvoke(
        _ name: String, function: Function, payload: TaskInput? = nil, payloadResponseOnly: Bool = false, outputPath: String? = nil,
        resultPath: String? = nil, waitForTaskToken: Bool = false,
        retryOnServiceExceptions: Bool = true, comment: String? = nil
    ) -> State {
        var parameters = OrderedDictionary<String, Value>()
        let resource: Value
        if payloadResponseOnly {
            resource = function.arn
            if case .value(.object(let members))? = payload { parameters = members }
        } else {
            parameters["FunctionName"] = function.arn
            (payload ?? .jsonPath("$")).write(as: "Payload", into: &parameters)
            resource = TaskIntegration.serviceResource("lambda:invoke" + (waitForTaskToken ? ".waitForTaskToken" : ""))
        }
        let integration = TaskIntegration(
            resource: resource, parameters: parameters.isEmpty ? nil : .object(parameters), statements: [.invoke(function)],
            requirements: [function])
        var state = task(name, integration, outputPath: outputPath, resultPath: resultPath, comment: comment)
        if retryOnServiceExceptions { state.retries = [lambdaServiceRetry] }
        return state
    }

    /// Sends `messageBody` to `queue`.
    public static func sqsSendMessage(_ name: String, queue: Queue, messageBody: TaskInput, resultPath: String? = nil) -> State {
        var parameters: OrderedDictionary<String, Value> = ["QueueUrl": queue.url]
        messageBody.write(as: "MessageBody", into: &parameters)
        return task(
            name,
            TaskIntegration(
                resource: TaskIntegration.serviceResource("sqs:sendMessage"), parameters: .object(parameters),
                statements: [PolicyStatement(actions: ["sqs:SendMessage"], resources: [queue.arn])],
                requirements: [queue]), resultPath: resultPath)
    }

    /// Publishes `message` to `topic`.
    ///
    /// - Parameter subject: the subject of email deliveries (`Subject`), up to 100 printable ASCII characters;
    ///   `nil` (the default) for none.
    public static func snsPublish(_ name: String, topic: Topic, message: TaskInput, subject: String? = nil, resultPath: String? = nil) -> State {
        var parameters: OrderedDictionary<String, Value> = ["TopicArn": topic.arn]
        message.write(as: "Message", into: &parameters)
        parameters["Subject"] = subject.map { .string($0) }
        return task(
            name,
            TaskIntegration(
                resource: TaskIntegration.serviceResource("sns:publish"), parameters: .object(parameters),
                statements: [TopicGrant.publish.statement(for: topic)],
                requirements: [topic]), resultPath: resultPath)
    }

    /// Reads the item with `key` from `table` (`ConsistentRead` false, as CDK writes it).
    public static func dynamoGetItem(_ name: String, table: Table, key: Value, consistentRead: Bool = false, resultPath: String? = nil) -> State {
        dynamo(name, "getItem", table: table, key: "Key", key, after: ["ConsistentRead": .bool(consistentRead)], resultPath: resultPath)
    }

    /// Writes `item` to `table`.
    public static func dynamoPutItem(_ name: String, table: Table, item: Value, resultPath: String? = nil) -> State {
        dynamo(name, "putItem", table: table, key: "Item", item, after: [:], resultPath: resultPath)
    }

    /// Updates the item with `key` in `table` with `updateExpression`.
    public static func dynamoUpdateItem(
        _ name: String, table: Table, key: Value, updateExpression: String,
        expressionAttributeValues: Value? = nil, resultPath: String? = nil
    ) -> State {
        var after = OrderedDictionary<String, Value>()
        after["ExpressionAttributeValues"] = expressionAttributeValues
        after["UpdateExpression"] = .string(updateExpression)
        return dynamo(name, "updateItem", table: table, key: "Key", key, after: after, resultPath: resultPath)
    }

    /// A DynamoDB task as CDK renders it: the key or item, `TableName`, then the action's own parameters;
    /// the role may act on the table by its name's ARN.
    private static func dynamo(
        _ name: String, _ action: String, table: Table, key: String, _ value: Value,
        after: OrderedDictionary<String, Value>, resultPath: String?
    ) -> State {
        var parameters: OrderedDictionary<String, Value> = [key: value, "TableName": table.name]
        for (name, value) in after { parameters[name] = value }
        let iamAction = "dynamodb:" + action.prefix(1).uppercased() + action.dropFirst()
        let tableArn: Value = "arn:\(Aws.partition):dynamodb:\(Aws.region):\(Aws.accountId):table/\(table.name)"
        return task(
            name,
            TaskIntegration(
                resource: TaskIntegration.serviceResource("dynamodb:\(action)"),
                parameters: .object(parameters),
                statements: [PolicyStatement(actions: [iamAction], resources: [tableArn])],
                requirements: [table]), resultPath: resultPath)
    }

    /// Puts `entries` (each with `Detail`, `DetailType`, `Source`) on `bus`.
    public static func eventBridgePutEvents(_ name: String, bus: EventBus, entries: [Value], resultPath: String? = nil) -> State {
        // CDK writes each entry's keys in order: Detail, DetailType, EventBusName, Source.
        let withBus = entries.map { entry -> Value in
            guard case .object(var members) = entry else { return entry }
            members["EventBusName"] = bus.arn
            let order = ["Detail", "DetailType", "EventBusName", "Source"]
            let keys = order.filter { members[$0] != nil } + members.keys.filter { !order.contains($0) }
            return .object(OrderedDictionary(uniqueKeysWithValues: keys.map { ($0, members[$0]!) }))
        }
        return task(
            name,
            TaskIntegration(
                resource: TaskIntegration.serviceResource("events:putEvents"),
                parameters: ["Entries": .array(withBus)],
                statements: [bus.putEventsStatement],
                requirements: [bus]), resultPath: resultPath)
    }

    /// Starts an execution of `stateMachine` and, by default, waits for it to finish (`.sync`).
    public static func startExecution(
        _ name: String, stateMachine: StateMachine, input: Value? = nil,
        waitForCompletion: Bool = true, resultPath: String? = nil
    ) -> State {
        // CDK passes the state's input on when none is given.
        var parameters: OrderedDictionary<String, Value> = input.map { ["Input": $0] } ?? ["Input.$": "$"]
        parameters["StateMachineArn"] = stateMachine.arn
        var statements: [PolicyStatement] = [.startExecution(stateMachine)]
        if waitForCompletion {
            statements.append(
                PolicyStatement(
                    actions: ["states:DescribeExecution", "states:StopExecution"],
                    resources: ["arn:\(Aws.partition):states:\(Aws.region):\(Aws.accountId):execution:\(stateMachine.nameFromArn)*"]))
            statements.append(
                PolicyStatement(
                    actions: ["events:PutTargets", "events:PutRule", "events:DescribeRule"],
                    resources: ["arn:\(Aws.partition):events:\(Aws.region):\(Aws.accountId):rule/StepFunctionsGetEventsForStepFunctionsExecutionRule"]))
        }
        return task(
            name,
            TaskIntegration(
                resource: TaskIntegration.serviceResource("states:startExecution" + (waitForCompletion ? ".sync:2" : "")),
                parameters: .object(parameters), statements: statements,
                requirements: [stateMachine]), resultPath: resultPath)
    }
}
