import FormworkCloud
import FormworkDeploy
import FormworkTemplate
import Testing

/// What a hotswap may change in place, and the reason it gives for each change it leaves to CloudFormation.
@Suite struct HotswapPlanTests {
    static let resources: [CloudFormationClient.StackResource] = [
        .init(logicalId: "Fn", physicalId: "stack-Fn-1", type: "AWS::Lambda::Function", status: "UPDATE_COMPLETE"),
        .init(
            logicalId: "Jobs", physicalId: "https://sqs.eu-west-3.amazonaws.com/123456789012/stack-Jobs-1", type: "AWS::SQS::Queue", status: "CREATE_COMPLETE"),
        .init(logicalId: "Table", physicalId: "stack-Table-1", type: "AWS::DynamoDB::Table", status: "CREATE_COMPLETE"),
    ]

    static func template(_ function: JSONValue, extra: JSONValue? = nil) throws -> Template {
        var resources: JSONValue = [
            "Fn": ["Type": "AWS::Lambda::Function", "Properties": function],
            "Jobs": ["Type": "AWS::SQS::Queue"], "Table": ["Type": "AWS::DynamoDB::Table"],
        ]
        if let extra, case .object(var members) = resources {
            members["Extra"] = extra
            resources = .object(members)
        }
        return try Template(json: ["Resources": resources])
    }

    static let deployed: JSONValue = [
        "Code": ["S3Bucket": ["Fn::Sub": "cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}"], "S3Key": "old.zip"],
        "Environment": ["Variables": ["QUEUE": ["Ref": "Jobs"]]], "MemorySize": 128,
    ]

    func plan(_ new: JSONValue, extra: JSONValue? = nil) throws -> HotswapPlan {
        HotswapPlan(
            deployed: try Self.template(Self.deployed), new: try Self.template(new, extra: extra), resources: Self.resources,
            account: "123456789012", region: "eu-west-3")
    }

    @Test func newCodeAndEnvironmentAreEvaluatedFromThePhysicalIds() throws {
        let plan = try plan([
            "Code": ["S3Bucket": ["Fn::Sub": "cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}"], "S3Key": "new.zip"],
            "Environment": ["Variables": ["QUEUE": ["Fn::GetAtt": ["Jobs", "Arn"]], "TABLE": ["Fn::Join": ["/", [["Ref": "Table"], "x"]]]]],
            "MemorySize": 128,
        ])
        #expect(plan.blockers == [])
        #expect(
            plan.operations == [
                .functionCode(logicalId: "Fn", function: "stack-Fn-1", bucket: "cdk-hnb659fds-assets-123456789012-eu-west-3", key: "new.zip"),
                .functionConfiguration(
                    logicalId: "Fn", function: "stack-Fn-1",
                    environment: ["QUEUE": "arn:aws:sqs:eu-west-3:123456789012:stack-Jobs-1", "TABLE": "stack-Table-1/x"], description: nil),
            ])
    }

    @Test func anotherPropertyAResourceAddedOrAValueOnlyCloudFormationKnowsIsAReason() throws {
        var changed = Self.deployed
        if case .object(var members) = changed {
            members["MemorySize"] = 256
            changed = .object(members)
        }
        #expect(try plan(changed).blockers == ["Fn (AWS::Lambda::Function): MemorySize changes, which only CloudFormation changes"])
        #expect(try plan(Self.deployed, extra: ["Type": "AWS::SNS::Topic"]).blockers == ["Extra (AWS::SNS::Topic) is added"])
        let stream: JSONValue = [
            "Code": Self.deployed["Code"] ?? nil, "MemorySize": 128,
            "Environment": ["Variables": ["STREAM": ["Fn::GetAtt": ["Table", "StreamArn"]]]],
        ]
        #expect(
            try plan(stream).blockers == [
                "Fn (AWS::Lambda::Function): what it changes to cannot be known without CloudFormation (StreamArn of Table (AWS::DynamoDB::Table) is read by CloudFormation from the service)"
            ])
        let inline: JSONValue = ["Code": ["ZipFile": "exports.handler = 1"], "MemorySize": 128, "Environment": Self.deployed["Environment"] ?? nil]
        #expect(
            try plan(inline).blockers == ["Fn (AWS::Lambda::Function): its code is not an S3 object (inline code and images are CloudFormation's to change)"])
    }

    @Test func aNewVersionIsPublishedAndItsAliasFollowsTheOldVersionStaying() throws {
        func template(version: String) throws -> Template {
            try Template(json: [
                "Resources": [
                    "Fn": ["Type": "AWS::Lambda::Function", "Properties": Self.deployed],
                    .init(stringLiteral: version): ["Type": "AWS::Lambda::Version", "Properties": ["FunctionName": ["Ref": "Fn"]]],
                    "Live": [
                        "Type": "AWS::Lambda::Alias",
                        "Properties": [
                            "FunctionName": ["Ref": "Fn"], "Name": "live", "FunctionVersion": ["Fn::GetAtt": [.string(version), "Version"]],
                        ],
                    ],
                ]
            ])
        }
        let resources =
            Self.resources + [
                .init(
                    logicalId: "FnVersionOld", physicalId: "arn:aws:lambda:eu-west-3:123456789012:function:stack-Fn-1:3", type: "AWS::Lambda::Version",
                    status: "CREATE_COMPLETE"),
                .init(
                    logicalId: "Live", physicalId: "arn:aws:lambda:eu-west-3:123456789012:function:stack-Fn-1:live", type: "AWS::Lambda::Alias",
                    status: "CREATE_COMPLETE"),
            ]
        let plan = HotswapPlan(
            deployed: try template(version: "FnVersionOld"), new: try template(version: "FnVersionNew"), resources: resources,
            account: "123456789012", region: "eu-west-3")
        #expect(plan.blockers == [])
        #expect(
            plan.operations == [
                .publishVersion(logicalId: "FnVersionNew", function: "stack-Fn-1"),
                .updateAlias(logicalId: "Live", function: "stack-Fn-1", alias: "live", version: ["Fn::GetAtt": ["FnVersionNew", "Version"]]),
            ])
    }

    @Test func nothingChangedIsNothingToDo() throws {
        let plan = try plan(Self.deployed)
        #expect(plan.operations.isEmpty && plan.isHotswappable)
    }
}
