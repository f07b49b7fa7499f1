import FormworkChecks
import FormworkTemplate
import Testing

@Suite struct ServerlessRulesTests {
    func rules(_ resources: JSONValue) throws -> [String] {
        Checker().check(try Template(json: ["Resources": resources])).map { "\($0.rule) \($0.logicalId)" }
    }

    @Test func aQueueWithoutADeadLetterQueueIsFlaggedButTheDeadLetterQueueItselfIsNot() throws {
        let findings = try rules([
            "Dlq": ["Type": "AWS::SQS::Queue"],
            "Work": ["Type": "AWS::SQS::Queue", "Properties": ["RedrivePolicy": ["deadLetterTargetArn": .getAtt("Dlq", "Arn"), "maxReceiveCount": 3]]],
            "Lonely": ["Type": "AWS::SQS::Queue"],
        ])
        #expect(findings == ["sqs-dead-letter-queue Lonely"])
    }

    @Test func wildcardActionsAreErrorsAndWildcardResourcesWarningsExceptForActionsThatNeedThem() throws {
        let policy = { (statement: JSONValue) -> JSONValue in
            ["Type": "AWS::IAM::Policy", "Properties": ["PolicyName": "p", "Roles": ["r"], "PolicyDocument": ["Statement": [statement]]]]
        }
        let findings = Checker().check(
            try Template(json: [
                "Resources": [
                    "All": policy(["Action": "s3:*", "Effect": "Allow", "Resource": "arn:aws:s3:::b/*"]),
                    "Star": policy(["Action": "s3:GetObject", "Effect": "Allow", "Resource": "*"]),
                    "Xray": policy(["Action": ["xray:PutTraceSegments", "xray:PutTelemetryRecords"], "Effect": "Allow", "Resource": "*"]),
                    "StreamList": policy(["Action": "dynamodb:ListStreams", "Effect": "Allow", "Resource": "*"]),
                    "LogDelivery": policy(["Action": ["logs:CreateLogDelivery", "logs:DescribeLogGroups"], "Effect": "Allow", "Resource": "*"]),
                    // PutEvents takes event-bus ARNs: a `*` is wider than needed.
                    "AnyBus": policy(["Action": "events:PutEvents", "Effect": "Allow", "Resource": "*"]),
                ]
            ]))
        #expect(
            findings.map { "\($0.severity.rawValue) \($0.rule) \($0.logicalId)" }.sorted()
                == ["error iam-wildcard-action All", "warning iam-wildcard-resource AnyBus", "warning iam-wildcard-resource Star"])
    }

    @Test func functionsNeedTracingAndALogGroupWithRetention() throws {
        let function: JSONValue = ["Type": "AWS::Lambda::Function", "Properties": ["Role": "r", "Code": ["ZipFile": "x"]]]
        let traced: JSONValue = ["Type": "AWS::Lambda::Function", "Properties": ["Role": "r", "Code": ["ZipFile": "x"], "TracingConfig": ["Mode": "Active"]]]
        let logs: JSONValue = [
            "Type": "AWS::Logs::LogGroup", "Properties": ["LogGroupName": .join("", ["/aws/lambda/", .ref("Traced")]), "RetentionInDays": 30],
        ]
        let checker = Checker(rules: [.functionTracing, .functionLogRetention])
        let findings = checker.check(try Template(json: ["Resources": ["Plain": function, "Traced": traced, "Logs": logs]])).map {
            "\($0.rule) \($0.logicalId)"
        }
        #expect(findings == ["lambda-log-retention Plain", "lambda-tracing Plain"])
    }

    @Test func bucketsMustBlockPublicAccessAndRequireTLS() throws {
        let findings = try rules(["Open": ["Type": "AWS::S3::Bucket"]])
        #expect(findings == ["s3-public-access Open", "s3-tls Open", "s3-encryption Open"])
    }

    @Test func unencryptedQueuesStreamsAndTopicsAreFlagged() throws {
        let findings = try rules([
            "Q": [
                "Type": "AWS::SQS::Queue", "Properties": ["SqsManagedSseEnabled": false, "RedrivePolicy": ["deadLetterTargetArn": "x", "maxReceiveCount": 1]],
            ],
            "S": ["Type": "AWS::Kinesis::Stream", "Properties": ["ShardCount": 1]],
            "T": ["Type": "AWS::SNS::Topic"],
            "D": ["Type": "AWS::DynamoDB::Table", "Properties": ["KeySchema": []]],
        ])
        #expect(findings == ["sqs-encryption Q", "kinesis-encryption S", "dynamodb-point-in-time-recovery D", "sns-encryption T"])
    }
}
