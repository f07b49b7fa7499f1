import FormworkCore
import OrderedCollections

/// What a `Task` state calls: the service integration's resource and parameters, and the permissions
/// the state machine's role needs for it.
public struct TaskIntegration: Sendable {
    let resource: Value
    let parameters: Value?
    let statements: [PolicyStatement]
    let requirements: [any IdentifiedConstruct]

    /// `arn:${Partition}:states:::<service>:<action>`.
    static func serviceResource(_ action: String) -> Value { "arn:\(Aws.partition):states:::\(action)" }
}

extension State {
    /// The retry CDK adds to every Lambda invocation, for Lambda's transient service errors.
    public static let lambdaServiceRetry = Retry(
        errors: ["Lambda.ClientExecutionTimeoutException", "Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException"],
        interval: .seconds(2), maxAttempts: 6, backoffRate: 2)

    /// A `Task` calling `integration`.
    public static func task(_ name: String, _ integration: TaskIntegration, outputPath: String? = nil,
                            resultPath: String? = nil, comment: String? = nil) -> State {
        State(name, .task(integration), comment: comment, outputPath: outputPath, resultPath: resultPath)
    }

    /// Invokes `function` with the state's input (or `payload`), retrying Lambda's transient errors as CDK
    /// does; `waitForTaskToken` waits until the function reports back with the task token.
    public static func lambdaInvoke(_ name: String, function: Function, payload: Value? = nil, outputPath: String? = nil,
                                    resultPath: String? = nil, waitForTaskToken: Bool = false,
                                    retryOnServiceExceptions: Bool = true, comment: String? = nil) -> State {
        var parameters: OrderedDictionary<String, Value> = ["FunctionName": function.arn]
        if let payload { parameters["Payload"] = payload } else { parameters["Payload.$"] = "$" }
        let integration = TaskIntegration(
            resource: TaskIntegration.serviceResource("lambda:invoke" + (waitForTaskToken ? ".waitForTaskToken" : "")),
            parameters: .object(parameters),
            statements: [PolicyStatement(actions: ["lambda:InvokeFunction"], resources: [function.arn, "\(function.arn):*"])],
            requirements: [function])
        var state = task(name, integration, outputPath: outputPath, resultPath: resultPath, comment: comment)
        if retryOnServiceExceptions { state.retries = [lambdaServiceRetry] }
        return state
    }

    /// Sends `messageBody` to `queue`.
    public static func sqsSendMessage(_ name: String, queue: Queue, messageBody: Value, resultPath: String? = nil) -> State {
        task(name, TaskIntegration(resource: TaskIntegration.serviceResource("sqs:sendMessage"),
                                   parameters: ["MessageBody": messageBody, "QueueUrl": queue.url],
                                   statements: [PolicyStatement(actions: ["sqs:SendMessage"], resources: [queue.arn])],
                                   requirements: [queue]), resultPath: resultPath)
    }

    /// Publishes `message` to `topic`.
    public static func snsPublish(_ name: String, topic: Topic, message: Value, resultPath: String? = nil) -> State {
        task(name, TaskIntegration(resource: TaskIntegration.serviceResource("sns:publish"),
                                   parameters: ["Message": message, "TopicArn": topic.arn],
                                   statements: [PolicyStatement(actions: ["sns:Publish"], resources: [topic.arn])],
                                   requirements: [topic]), resultPath: resultPath)
    }

    /// Reads the item with `key` from `table`.
    public static func dynamoGetItem(_ name: String, table: Table, key: Value, resultPath: String? = nil) -> State {
        dynamo(name, "getItem", table: table, parameters: ["Key": key], resultPath: resultPath)
    }

    /// Writes `item` to `table`.
    public static func dynamoPutItem(_ name: String, table: Table, item: Value, resultPath: String? = nil) -> State {
        dynamo(name, "putItem", table: table, parameters: ["Item": item], resultPath: resultPath)
    }

    /// Updates the item with `key` in `table` with `updateExpression`.
    public static func dynamoUpdateItem(_ name: String, table: Table, key: Value, updateExpression: String,
                                        expressionAttributeValues: Value? = nil, resultPath: String? = nil) -> State {
        var parameters: OrderedDictionary<String, Value> = ["Key": key, "UpdateExpression": .string(updateExpression)]
        parameters["ExpressionAttributeValues"] = expressionAttributeValues
        return dynamo(name, "updateItem", table: table, parameters: parameters, resultPath: resultPath)
    }

    private static func dynamo(_ name: String, _ action: String, table: Table, parameters: OrderedDictionary<String, Value>, resultPath: String?) -> State {
        var parameters = parameters
        parameters["TableName"] = table.name
        let iamAction = "dynamodb:" + action.prefix(1).uppercased() + action.dropFirst()
        return task(name, TaskIntegration(resource: TaskIntegration.serviceResource("dynamodb:\(action)"),
                                          parameters: .object(parameters),
                                          statements: [PolicyStatement(actions: [iamAction], resources: [table.arn])],
                                          requirements: [table]), resultPath: resultPath)
    }

    /// Puts `entries` (each with `Detail`, `DetailType`, `Source`) on `bus`.
    public static func eventBridgePutEvents(_ name: String, bus: EventBus, entries: [Value], resultPath: String? = nil) -> State {
        let withBus = entries.map { entry -> Value in
            guard case .object(var members) = entry else { return entry }
            members["EventBusName"] = bus.arn
            return .object(members)
        }
        return task(name, TaskIntegration(resource: TaskIntegration.serviceResource("events:putEvents"),
                                          parameters: ["Entries": .array(withBus)],
                                          statements: [PolicyStatement(actions: ["events:PutEvents"], resources: [bus.arn])],
                                          requirements: [bus]), resultPath: resultPath)
    }

    /// Starts an execution of `stateMachine` and, by default, waits for it to finish (`.sync`).
    public static func startExecution(_ name: String, stateMachine: StateMachine, input: Value? = nil,
                                      waitForCompletion: Bool = true, resultPath: String? = nil) -> State {
        var parameters: OrderedDictionary<String, Value> = ["StateMachineArn": stateMachine.arn]
        parameters["Input"] = input
        var statements = [PolicyStatement(actions: ["states:StartExecution"], resources: [stateMachine.arn])]
        if waitForCompletion {
            statements.append(PolicyStatement(actions: ["states:DescribeExecution", "states:StopExecution"],
                                              resources: ["arn:\(Aws.partition):states:\(Aws.region):\(Aws.accountId):execution:\(stateMachine.name):*"]))
            statements.append(PolicyStatement(actions: ["events:PutTargets", "events:PutRule", "events:DescribeRule"],
                                              resources: ["arn:\(Aws.partition):events:\(Aws.region):\(Aws.accountId):rule/StepFunctionsGetEventsForStepFunctionsExecutionRule"]))
        }
        return task(name, TaskIntegration(resource: TaskIntegration.serviceResource("states:startExecution" + (waitForCompletion ? ".sync:2" : "")),
                                          parameters: .object(parameters), statements: statements,
                                          requirements: [stateMachine]), resultPath: resultPath)
    }
}
