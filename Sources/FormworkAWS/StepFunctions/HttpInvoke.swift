import FormworkCore
import OrderedCollections

/// How an HTTP task encodes its request body as a form (`application/x-www-form-urlencoded`), and how arrays
/// are written in it.
public enum UrlEncoding: Sendable {
    /// Step Functions' default array format.
    case `default`
    /// `a[]=1&a[]=2`.
    case brackets
    /// `a=1,2`.
    case commas
    /// `a[0]=1&a[1]=2`.
    case indices
    /// `a=1&a=2`.
    case `repeat`

    var arrayFormat: String? {
        switch self {
        case .default: nil
        case .brackets: "BRACKETS"
        case .commas: "COMMAS"
        case .indices: "INDICES"
        case .repeat: "REPEAT"
        }
    }
}

extension State {
    /// Calls an HTTP API (CDK's `tasks.HttpInvoke`): `method` on `<apiRoot>/<apiEndpoint>`, authorized by
    /// `connection`. The role may use the connection and call URLs under `apiRoot` only. `apiEndpoint` may be
    /// a JSON path (`$.path`), read from the state's input.
    public static func httpInvoke(
        _ name: String, connection: Connection, apiRoot: String, apiEndpoint: String, method: String,
        headers: Value? = nil, queryParameters: Value? = nil, body: Value? = nil, urlEncoding: UrlEncoding? = nil,
        resultPath: String? = nil, comment: String? = nil
    ) -> State {
        // A form's content type joins the headers, in their place, as CDK writes it.
        var formHeaders: OrderedDictionary<String, Value> = if case .object(let given)? = headers { given } else { [:] }
        formHeaders["Content-Type"] = "application/x-www-form-urlencoded"
        var parameters = OrderedDictionary<String, Value>()
        parameters["ApiEndpoint.$"] = .string("States.Format('{}/{}', \(formatArgument(apiRoot)), \(formatArgument(apiEndpoint)))")
        parameters["Authentication"] = ["ConnectionArn": connection.arn]
        parameters["Method"] = .string(method)
        parameters["Headers"] = urlEncoding == nil ? headers : .object(formHeaders)
        parameters["RequestBody"] = body
        parameters["QueryParameters"] = queryParameters
        if let urlEncoding {
            var transform: OrderedDictionary<String, Value> = ["RequestBodyEncoding": "URL_ENCODED"]
            transform["RequestEncodingOptions"] = urlEncoding.arrayFormat.map { ["ArrayFormat": .string($0)] }
            parameters["Transform"] = .object(transform)
        }
        let statements = [
            PolicyStatement(actions: ["events:RetrieveConnectionCredentials"], resources: [connection.arn]),
            PolicyStatement(actions: ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"], resources: [connection.secretArn]),
            PolicyStatement(
                actions: ["states:InvokeHTTPEndpoint"], resources: ["*"],
                condition: ["StringLike": ["states:HTTPEndpoint": .string("\(apiRoot)*")]]),
        ]
        return task(
            name,
            TaskIntegration(
                resource: TaskIntegration.serviceResource("http:invoke"), parameters: .object(parameters),
                statements: statements, requirements: [connection], staticApiEndpoint: "\(apiRoot)/\(apiEndpoint)"),
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
