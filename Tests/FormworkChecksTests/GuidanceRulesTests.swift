import FormworkChecks
import FormworkTemplate
import Testing

/// The rules beyond serverless-rules, each shown failing and passing.
@Suite struct GuidanceRulesTests {
    func flagged(_ rule: CheckRule, _ resources: JSONValue) throws -> [String] {
        Checker(rules: [rule]).check(try Template(json: ["Resources": resources])).map(\.logicalId)
    }

    static func function(timeout: Int? = nil, environment: JSONValue? = nil, runtime: String = "nodejs24.x") -> JSONValue {
        var properties: [String: JSONValue] = ["Role": "r", "Code": ["ZipFile": "x"], "Runtime": .string(runtime), "Handler": "index.handler"]
        if let timeout { properties["Timeout"] = .number(Double(timeout)) }
        if let environment { properties["Environment"] = ["Variables": environment] }
        return ["Type": "AWS::Lambda::Function", "Properties": .object(.init(uniqueKeysWithValues: properties.sorted { $0.key < $1.key }))]
    }

    static func mapping(from source: String, startingPosition: Bool = false, extra: [String: JSONValue] = [:]) -> JSONValue {
        var properties: [String: JSONValue] = ["FunctionName": .ref("Fn"), "EventSourceArn": .getAtt(source, "Arn")]
        if startingPosition { properties["StartingPosition"] = "LATEST" }
        for (key, value) in extra { properties[key] = value }
        return ["Type": "AWS::Lambda::EventSourceMapping", "Properties": .object(.init(uniqueKeysWithValues: properties.sorted { $0.key < $1.key }))]
    }

    @Test func aQueueReadByAFunctionHidesMessagesForSixTimesItsTimeout() throws {
        let short: JSONValue = ["Type": "AWS::SQS::Queue", "Properties": ["VisibilityTimeout": 60]]
        let long: JSONValue = ["Type": "AWS::SQS::Queue", "Properties": ["VisibilityTimeout": 180]]
        #expect(try flagged(.visibilityTimeout, ["Fn": Self.function(timeout: 30), "Q": short, "M": Self.mapping(from: "Q")]) == ["Q"])
        #expect(try flagged(.visibilityTimeout, ["Fn": Self.function(timeout: 30), "Q": long, "M": Self.mapping(from: "Q")]) == [])
        // The defaults: 30 s visibility, 3 s timeout.
        #expect(try flagged(.visibilityTimeout, ["Fn": Self.function(), "Q": ["Type": "AWS::SQS::Queue"], "M": Self.mapping(from: "Q")]) == [])
    }

    @Test func secretsWrittenIntoAnEnvironmentAreErrorsAndNamesOfSecretsAreNot() throws {
        #expect(try flagged(.plaintextSecret, ["Fn": Self.function(environment: ["DB_PASSWORD": "hunter2hunter2"])]) == ["Fn"])
        #expect(try flagged(.plaintextSecret, ["Fn": Self.function(environment: ["API_TOKEN_PARAMETER": "/orders/api-token"])]) == [])
        #expect(try flagged(.plaintextSecret, ["Fn": Self.function(environment: ["DB_SECRET_ARN": .ref("Secret")])]) == [])
        #expect(try flagged(.plaintextSecret, ["Fn": Self.function(environment: ["TABLE": "orders-table-prod"])]) == [])
    }

    @Test func pipesReadingAStreamWithoutADeadLetterTargetAreFlaggedAndQueueSourcesAreNot() throws {
        let pipe = { (parameters: JSONValue) -> JSONValue in
            ["Type": "AWS::Pipes::Pipe", "Properties": ["RoleArn": "r", "Source": "s", "Target": "t", "SourceParameters": parameters]]
        }
        #expect(
            try flagged(
                .pipeStreamDeadLetter,
                [
                    "Lossy": pipe(["DynamoDBStreamParameters": ["StartingPosition": "LATEST"]]),
                    "LossyKinesis": pipe(["KinesisStreamParameters": ["StartingPosition": "LATEST"]]),
                    "Kept": pipe(["DynamoDBStreamParameters": ["StartingPosition": "LATEST", "DeadLetterConfig": ["Arn": .getAtt("Dlq", "Arn")]]]),
                    "Queue": pipe(["SqsQueueParameters": [:]]),
                ]
            ).sorted() == ["Lossy", "LossyKinesis"])
    }

    @Test func connectionCredentialsWrittenInTheTemplateAreErrorsAndDynamicReferencesAreNot() throws {
        let connection = { (parameters: JSONValue, type: String) -> JSONValue in
            ["Type": "AWS::Events::Connection", "Properties": ["AuthParameters": parameters, "AuthorizationType": .string(type)]]
        }
        #expect(
            try flagged(
                .connectionPlaintextCredential,
                [
                    "Key": connection(["ApiKeyAuthParameters": ["ApiKeyName": "x-api-key", "ApiKeyValue": "k-123"]], "API_KEY"),
                    "Basic": connection(["BasicAuthParameters": ["Username": "shop", "Password": "hunter2"]], "BASIC"),
                    "Resolved": connection(
                        ["ApiKeyAuthParameters": ["ApiKeyName": "x-api-key", "ApiKeyValue": "{{resolve:secretsmanager:partner:SecretString:key::}}"]], "API_KEY"
                    ),
                    "Joined": connection(
                        ["BasicAuthParameters": ["Username": "shop", "Password": .join("", ["{{resolve:secretsmanager:", .ref("S"), ":SecretString:::}}"])]],
                        "BASIC"),
                ]
            ).sorted() == ["Basic", "Key"])
    }

    @Test func provisionedTablesScaleOrBillOnDemand() throws {
        let provisioned: JSONValue = [
            "Type": "AWS::DynamoDB::Table", "Properties": ["ProvisionedThroughput": ["ReadCapacityUnits": 5, "WriteCapacityUnits": 5]],
        ]
        let onDemand: JSONValue = ["Type": "AWS::DynamoDB::Table", "Properties": ["BillingMode": "PAY_PER_REQUEST"]]
        let target: JSONValue = ["Type": "AWS::ApplicationAutoScaling::ScalableTarget", "Properties": ["ResourceId": .join("", ["table/", .ref("T")])]]
        #expect(try flagged(.provisionedTableScaling, ["T": provisioned]) == ["T"])
        #expect(try flagged(.provisionedTableScaling, ["T": provisioned, "S": target]) == [])
        #expect(try flagged(.provisionedTableScaling, ["T": onDemand]) == [])
    }

    @Test func aBusOpenToEveryoneIsAnErrorAndOneScopedToAnOrganizationIsNot() throws {
        let open: JSONValue = [
            "Type": "AWS::Events::EventBusPolicy",
            "Properties": [
                "StatementId": "all",
                "Statement": [
                    "Effect": "Allow", "Principal": "*", "Action": "events:PutEvents", "Resource": "*",
                ],
            ],
        ]
        let organization: JSONValue = [
            "Type": "AWS::Events::EventBusPolicy",
            "Properties": [
                "StatementId": "org",
                "Statement": [
                    "Effect": "Allow", "Principal": "*", "Action": "events:PutEvents", "Resource": "*",
                    "Condition": ["StringEquals": ["aws:PrincipalOrgID": "o-123"]],
                ],
            ],
        ]
        #expect(try flagged(.openEventBus, ["P": open]) == ["P"])
        #expect(try flagged(.openEventBus, ["P": organization]) == [])
    }

    @Test func streamSourcesBoundTheirRetries() throws {
        let stream: JSONValue = ["Type": "AWS::Kinesis::Stream", "Properties": ["ShardCount": 1]]
        #expect(try flagged(.streamSourceRetry, ["S": stream, "M": Self.mapping(from: "S", startingPosition: true)]) == ["M"])
        #expect(
            try flagged(.streamSourceRetry, ["S": stream, "M": Self.mapping(from: "S", startingPosition: true, extra: ["BisectBatchOnFunctionError": true])])
                == [])
        #expect(try flagged(.streamSourceRetry, ["S": stream, "M": Self.mapping(from: "S", startingPosition: true, extra: ["MaximumRetryAttempts": 3])]) == [])
        #expect(try flagged(.streamSourceRetry, ["Q": ["Type": "AWS::SQS::Queue"], "M": Self.mapping(from: "Q")]) == [])
    }

    @Test func methodsWithoutAuthorizationAreWarningsButCORSPreflightsAreNot() throws {
        let method = { (type: JSONValue, verb: JSONValue) -> JSONValue in
            ["Type": "AWS::ApiGateway::Method", "Properties": ["AuthorizationType": type, "HttpMethod": verb, "ResourceId": "r", "RestApiId": "a"]]
        }
        #expect(
            try flagged(.methodAuthorization, ["Open": method("NONE", "GET"), "Iam": method("AWS_IAM", "GET"), "Preflight": method("NONE", "OPTIONS")]) == [
                "Open"
            ])
    }

    @Test func deprecatedRuntimesAreErrorsAndOlderVersionsWarnings() throws {
        let findings = Checker(rules: [.functionRuntime]).check(
            try Template(json: [
                "Resources": [
                    "Old": Self.function(runtime: "nodejs16.x"), "Older": Self.function(runtime: "python3.12"), "New": Self.function(runtime: "nodejs24.x"),
                ]
            ]))
        #expect(findings.map { "\($0.severity.rawValue) \($0.logicalId)" } == ["error Old", "warning Older"])
    }

    @Test func aLogGroupWithoutRetentionIsFlaggedWhateverItIsFor() throws {
        #expect(
            try flagged(
                .logGroupRetention, ["L": ["Type": "AWS::Logs::LogGroup"], "K": ["Type": "AWS::Logs::LogGroup", "Properties": ["RetentionInDays": 7]]]) == ["L"]
        )
    }

    @Test func aFunctionWithAnOnFailureDestinationNeedsNoDeadLetterQueue() throws {
        let config: JSONValue = [
            "Type": "AWS::Lambda::EventInvokeConfig",
            "Properties": [
                "FunctionName": .ref("Fn"), "Qualifier": "$LATEST", "DestinationConfig": ["OnFailure": ["Destination": .getAtt("Q", "Arn")]],
            ],
        ]
        #expect(try flagged(.functionDeadLetter, ["Fn": Self.function()]) == ["Fn"])
        #expect(try flagged(.functionDeadLetter, ["Fn": Self.function(), "C": config, "Q": ["Type": "AWS::SQS::Queue"]]) == [])
    }

    @Test func aQueueThatIsTheDeadLetterQueueOfSeveralQueuesNeedsNoneItself() throws {
        let redrive = { (maximum: Int) -> JSONValue in
            [
                "Type": "AWS::SQS::Queue",
                "Properties": ["RedrivePolicy": ["deadLetterTargetArn": .getAtt("Dlq", "Arn"), "maxReceiveCount": .number(Double(maximum))]],
            ]
        }
        #expect(try flagged(.queueDeadLetterQueue, ["Dlq": ["Type": "AWS::SQS::Queue"], "A": redrive(3), "B": redrive(5)]) == [])
    }

    @Test func everyRuleIdIsUniqueAndEveryRuleIsDocumented() {
        #expect(Set(ServerlessRules.all.map(\.id)).count == ServerlessRules.all.count)
        for rule in ServerlessRules.all {
            #expect(rule.documentation.contains(rule.rationale) && rule.documentation.contains(".\(rule.handle)"), "\(rule.id)")
        }
    }
}
