import FormworkDiff
import FormworkTemplate
import Testing

/// The behaviours of CDK's own diff tests, and where Formwork is deliberately stricter in comparing values
/// (ARCHITECTURE.md, "Diff").
@Suite struct CDKDiffBehaviourTests {
    func template(_ resources: JSONValue) throws -> Template {
        try Template(json: ["Resources": resources])
    }

    func diff(_ old: JSONValue, _ new: JSONValue) throws -> TemplateDiff {
        TemplateDiffer().diff(old: try template(old), new: try template(new))
    }

    func actions(_ old: JSONValue, _ new: JSONValue) throws -> [String: String] {
        try diff(old, new).resources.reduce(into: [:]) { $0[$1.logicalId] = $1.action.rawValue }
    }

    static let bucket: JSONValue = ["Type": "AWS::S3::Bucket", "Properties": ["BucketName": "a"]]

    @Test func createdDeletedAndRetainedResources() throws {
        #expect(try actions([:], ["B": Self.bucket]) == ["B": "add"])
        #expect(try actions(["B": Self.bucket], [:]) == ["B": "destroy"])
        #expect(try actions(["B": ["Type": "AWS::S3::Bucket", "DeletionPolicy": "Retain"]], [:]) == ["B": "orphan"])
        #expect(try actions(["B": ["Type": "AWS::S3::Bucket", "DeletionPolicy": "RetainExceptOnCreate"]], [:]) == ["B": "orphan"])
    }

    @Test func aBucketNameChangedRemovedOrAddedReplacesTheBucket() throws {
        let unnamed: JSONValue = ["Type": "AWS::S3::Bucket"]
        let renamed: JSONValue = ["Type": "AWS::S3::Bucket", "Properties": ["BucketName": "b"]]
        #expect(try actions(["B": Self.bucket], ["B": renamed]) == ["B": "replace"])
        #expect(try actions(["B": Self.bucket], ["B": unnamed]) == ["B": "replace"])
        #expect(try actions(["B": unnamed], ["B": Self.bucket]) == ["B": "replace"])
    }

    @Test func anAddedDependencyIsAnUpdateAndItsOrderDoesNotMatter() throws {
        let topic: JSONValue = ["Type": "AWS::SNS::Topic"]
        let a: JSONValue = ["Type": "AWS::SQS::Queue", "DependsOn": ["T1", "T2"]]
        let b: JSONValue = ["Type": "AWS::SQS::Queue", "DependsOn": ["T2", "T1"]]
        #expect(try actions(["Q": ["Type": "AWS::SQS::Queue"], "T1": topic, "T2": topic], ["Q": a, "T1": topic, "T2": topic]) == ["Q": "update"])
        #expect(try diff(["Q": a, "T1": topic, "T2": topic], ["Q": b, "T1": topic, "T2": topic]).isEmpty)
        #expect(
            try diff(
                ["Q": ["Type": "AWS::SQS::Queue", "DependsOn": "T1"], "T1": topic], ["Q": ["Type": "AWS::SQS::Queue", "DependsOn": ["T1"]], "T1": topic]
            ).isEmpty)
    }

    @Test func aDependsOnEdgeThatAReferenceImpliesIsNoChange() throws {
        let role: JSONValue = ["Type": "AWS::IAM::Role"]
        let function: JSONValue = ["Type": "AWS::Lambda::Function", "Properties": ["Role": .getAtt("R", "Arn")]]
        var withEdge = function.objectValue!
        withEdge["DependsOn"] = ["R"]
        #expect(try diff(["F": .object(withEdge), "R": role], ["F": function, "R": role]).isEmpty)
        #expect(try diff(["F": function, "R": role], ["F": .object(withEdge), "R": role]).isEmpty)
        let subbed: JSONValue = ["Type": "AWS::SQS::Queue", "Properties": ["QueueName": ["Fn::Sub": "${R}-q"]]]
        var subbedWithEdge = subbed.objectValue!
        subbedWithEdge["DependsOn"] = "R"
        #expect(try diff(["Q": .object(subbedWithEdge), "R": role], ["Q": subbed, "R": role]).isEmpty)
    }

    @Test func aDependsOnEdgeNoReferenceImpliesIsAnUpdateBothWays() throws {
        let role: JSONValue = ["Type": "AWS::IAM::Role"]
        let policy: JSONValue = ["Type": "AWS::IAM::Policy"]
        let function: JSONValue = ["Type": "AWS::Lambda::Function", "Properties": ["Role": .getAtt("R", "Arn")]]
        var withEdge = function.objectValue!
        withEdge["DependsOn"] = ["P", "R"]
        let before: JSONValue = ["F": .object(withEdge), "R": role, "P": policy]
        let after: JSONValue = ["F": function, "R": role, "P": policy]
        #expect(try diff(before, after).resources.map(\.attributeChanges) == [["DependsOn"]])
        #expect(try diff(after, before).resources.map(\.attributeChanges) == [["DependsOn"]])
    }

    @Test func aReplacementIsTrackedThroughReferences() throws {
        let old: JSONValue = [
            "B": Self.bucket,
            "Q": ["Type": "AWS::SQS::Queue", "Properties": ["QueueName": .ref("B")]],
            "T": ["Type": "AWS::SNS::Topic", "Properties": ["TopicName": .ref("Q")]],
        ]
        var new = old.objectValue!
        new["B"] = ["Type": "AWS::S3::Bucket", "Properties": ["BucketName": "b"]]
        #expect(try actions(old, .object(new)) == ["B": "replace", "Q": "replace", "T": "replace"])
    }

    @Test func quotedNumbersAndStringifiedBooleansAreNoChange() throws {
        let a: JSONValue = ["Type": "AWS::SQS::Queue", "Properties": ["DelaySeconds": 10, "FifoQueue": true]]
        let b: JSONValue = ["Type": "AWS::SQS::Queue", "Properties": ["DelaySeconds": "10", "FifoQueue": "true"]]
        #expect(try diff(["Q": a], ["Q": b]).isEmpty)
        #expect(try diff(["Q": b], ["Q": a]).isEmpty)
    }

    @Test(arguments: [("0.31.1-prod", "0.31.2-prod"), ("1.1.1.1", "1.1.1.2"), ("1.10", "1.1"), ("2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z")])
    func versionLikeStringsAreComparedAsStrings(old: String, new: String) throws {
        let tagged = { (value: String) -> JSONValue in ["Type": "AWS::SQS::Queue", "Properties": ["Tags": [["Key": "v", "Value": .string(value)]]]] }
        #expect(try actions(["Q": tagged(old)], ["Q": tagged(new)]) == ["Q": "update"])
    }

    @Test func aTypeChangeReplacesAndTheShortGetAttEqualsTheLongOne() throws {
        #expect(try actions(["X": ["Type": "AWS::SQS::Queue"]], ["X": ["Type": "AWS::SNS::Topic"]]) == ["X": "replace"])
        let long: JSONValue = ["Type": "AWS::SNS::Subscription", "Properties": ["Protocol": "sqs", "TopicArn": "t", "Endpoint": .getAtt("Q", "Arn")]]
        let short: JSONValue = ["Type": "AWS::SNS::Subscription", "Properties": ["Protocol": "sqs", "TopicArn": "t", "Endpoint": ["Fn::GetAtt": "Q.Arn"]]]
        #expect(try diff(["S": long], ["S": short]).isEmpty)
    }

    @Test func listsOutsideDependsOnAreOrdered() throws {
        let a: JSONValue = ["Type": "AWS::Lambda::Function", "Properties": ["Layers": ["a", "b"]]]
        let b: JSONValue = ["Type": "AWS::Lambda::Function", "Properties": ["Layers": ["b", "a"]]]
        #expect(try actions(["F": a], ["F": b]) == ["F": "update"])
    }

    @Test func customResourcesUpdateAndUnknownTypesMayBeReplacedWithANote() throws {
        #expect(
            try actions(["C": ["Type": "Custom::Thing", "Properties": ["A": 1]]], ["C": ["Type": "Custom::Thing", "Properties": ["A": 2]]]) == ["C": "update"])
        let change = try #require(
            try diff(["U": ["Type": "Acme::Widget::Thing", "Properties": ["A": 1]]], ["U": ["Type": "Acme::Widget::Thing", "Properties": ["A": 2]]]).resources
                .first)
        #expect(change.action == .mayReplace)
        #expect(change.notes.first?.contains("not a known resource type") == true)
    }

    @Test func aNestedCreateOnlyPathReplacesWhichCDKMisses() throws {
        let environment = { (role: String) -> JSONValue in
            [
                "Type": "AWS::Batch::ComputeEnvironment",
                "Properties": ["Type": "MANAGED", "ComputeResources": ["SpotIamFleetRole": .string(role), "MaxvCpus": 4]],
            ]
        }
        #expect(try actions(["E": environment("a")], ["E": environment("b")]) == ["E": "replace"])
    }
}

@Suite struct SecurityChangeTests {
    func security(_ old: JSONValue, _ new: JSONValue) throws -> SecurityChanges {
        SecurityChanges(old: try Template(json: ["Resources": old]), new: try Template(json: ["Resources": new]))
    }

    static func policy(_ statements: [JSONValue]) -> JSONValue {
        [
            "Type": "AWS::IAM::Policy",
            "Properties": [
                "PolicyName": "p", "Roles": [.ref("Role")],
                "PolicyDocument": ["Statement": .array(statements), "Version": "2012-10-17"],
            ],
        ]
    }

    static let read: JSONValue = ["Action": "s3:GetObject", "Effect": "Allow", "Resource": "arn:aws:s3:::b/*"]
    static let write: JSONValue = ["Action": "s3:PutObject", "Effect": "Allow", "Resource": "arn:aws:s3:::b/*"]

    @Test func onlyTheRemovedStatementIsReportedAndRemovingDoesNotWiden() throws {
        let changes = try security(["P": Self.policy([Self.read, Self.write])], ["P": Self.policy([Self.read])])
        #expect(changes.statements.map(\.actions) == [["s3:PutObject"]])
        #expect(changes.statements.first?.kind == .removed)
        #expect(!changes.widens)
    }

    @Test func addingAStatementWidensAndNamesTheRole() throws {
        let changes = try security(["P": Self.policy([Self.read])], ["P": Self.policy([Self.read, Self.write])])
        #expect(changes.widens)
        #expect(changes.statements.first?.principals == ["AWS:${Role}"])
    }

    @Test func aQueuePolicyWithAWildcardResourceNamesTheQueue() throws {
        let queuePolicy: JSONValue = [
            "Type": "AWS::SQS::QueuePolicy",
            "Properties": [
                "Queues": [.ref("MyQueue")],
                "PolicyDocument": [
                    "Statement": [["Action": "sqs:SendMessage", "Effect": "Allow", "Principal": ["Service": "sns.amazonaws.com"], "Resource": "*"]]
                ],
            ],
        ]
        let changes = try security([:], ["QP": queuePolicy])
        #expect(changes.statements.first?.resources == ["${MyQueue}"])
        #expect(changes.statements.first?.principals == ["Service:sns.amazonaws.com"])
    }

    @Test func removingADenyWidensAndAttachingAManagedPolicyWidens() throws {
        let deny: JSONValue = ["Action": "s3:*", "Effect": "Deny", "Resource": "*"]
        #expect(try security(["P": Self.policy([Self.read, deny])], ["P": Self.policy([Self.read])]).widens)
        let role = { (arns: [JSONValue]) -> JSONValue in
            ["Type": "AWS::IAM::Role", "Properties": ["AssumeRolePolicyDocument": ["Statement": []], "ManagedPolicyArns": .array(arns)]]
        }
        let attached = try security(["R": role([])], ["R": role(["arn:aws:iam::aws:policy/AdministratorAccess"])])
        #expect(attached.managedPolicies.map(\.arn) == ["arn:aws:iam::aws:policy/AdministratorAccess"])
        #expect(attached.widens)
    }

    @Test func everyAddedSecurityGroupRuleWidens() throws {
        let group = { (rules: [JSONValue]) -> JSONValue in
            ["Type": "AWS::EC2::SecurityGroup", "Properties": ["GroupDescription": "g", "SecurityGroupIngress": .array(rules)]]
        }
        let changes = try security(["G": group([])], ["G": group([["IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "CidrIp": "0.0.0.0/0"]])])
        #expect(
            changes.securityGroupRules == [
                SecurityGroupRuleChange(kind: .added, group: "${G.GroupId}", direction: "in", protocolName: "tcp 443-443", peer: "Everyone (IPv4)")
            ])
        #expect(changes.widens)
    }
}

@Suite struct MangledNonASCIITests {
    @Test func aDeployedStringWithNonASCIIWrittenAsQuestionMarksIsUnchangedUnlessStrict() throws {
        let deployed = try Template(json: ["Resources": ["T": ["Type": "AWS::SNS::Topic", "Properties": ["DisplayName": "Caf? orders"]]]])
        let synthesized = try Template(json: ["Resources": ["T": ["Type": "AWS::SNS::Topic", "Properties": ["DisplayName": "Café orders"]]]])
        #expect(TemplateDiffer().diff(old: deployed, new: synthesized).isEmpty)
        #expect(TemplateDiffer(ignoresMangledNonASCII: false).diff(old: deployed, new: synthesized).resources.map(\.action) == [.update])
    }
}
