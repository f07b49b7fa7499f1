import FormworkCore
import OrderedCollections

extension State {
    /// Calls an HTTP API (CDK's `tasks.HttpInvoke`): `method` on `<apiRoot>/<apiEndpoint>`, authorized by
    /// `connection`. The role may use the connection and call URLs under `apiRoot` only. `apiEndpoint` may be
    /// a JSON path (`$.path`), read from the state's input.
    public static func httpInvoke(_ name: String, connection: Connection, apiRoot: String, apiEndpoint: String, method: String,
                                  headers: Value? = nil, queryParameters: Value? = nil, body: Value? = nil,
                                  resultPath: String? = nil, comment: String? = nil) -> State {
        var parameters = OrderedDictionary<String, Value>()
        parameters["ApiEndpoint.$"] = .string("States.Format('{}/{}', \(formatArgument(apiRoot)), \(formatArgument(apiEndpoint)))")
        parameters["Authentication"] = ["ConnectionArn": connection.arn]
        parameters["Method"] = .string(method)
        parameters["Headers"] = headers
        parameters["RequestBody"] = body
        parameters["QueryParameters"] = queryParameters
        let statements = [
            PolicyStatement(actions: ["events:RetrieveConnectionCredentials"], resources: [connection.arn]),
            PolicyStatement(actions: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"], resources: [connection.secretArn]),
            PolicyStatement(actions: ["states:InvokeHTTPEndpoint"], resources: ["*"],
                            condition: ["StringLike": ["states:HTTPEndpoint": .string("\(apiRoot)*")]]),
        ]
        return task(name, TaskIntegration(resource: TaskIntegration.serviceResource("http:invoke"), parameters: .object(parameters),
                                          statements: statements, requirements: [connection]),
                    resultPath: resultPath, comment: comment)
    }

    /// An argument of `States.Format`: a JSON path as it is, text in single quotes with `'`, `{`, `}` and `\`
    /// escaped, as CDK's `JsonPath.format` writes it.
    private static func formatArgument(_ text: String) -> String {
        if text.hasPrefix("$") { return text }
        var escaped = ""
        for character in text {
            if "'{}\\".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return "'\(escaped)'"
    }
}
