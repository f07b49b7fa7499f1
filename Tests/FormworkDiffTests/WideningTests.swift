import FormworkDiff
import FormworkTemplate
import Testing

/// What widening means, per statement: each change is tested both ways, since a change that narrows access
/// one way widens it the other.
@Suite struct WideningTests {
    static func policy(_ statement: JSONValue) -> JSONValue {
        [
            "P": [
                "Type": "AWS::IAM::Policy",
                "Properties": [
                    "PolicyName": "p", "Roles": [.ref("Role")],
                    "PolicyDocument": ["Statement": [statement], "Version": "2012-10-17"],
                ],
            ]
        ]
    }

    static func statement(
        effect: String = "Allow", action: JSONValue = "s3:GetObject", resource: JSONValue = "arn:aws:s3:::b/*",
        condition: JSONValue? = nil
    ) -> JSONValue {
        var members: [String: JSONValue] = ["Action": action, "Effect": .string(effect), "Resource": resource]
        if let condition { members["Condition"] = condition }
        return .object(.init(uniqueKeysWithValues: members.sorted { $0.key < $1.key }))
    }

    /// Whether changing `old` into `new` widens, and whether changing it back does.
    func widening(_ old: JSONValue, _ new: JSONValue) throws -> (forward: Bool, backward: Bool) {
        let a = try Template(json: ["Resources": Self.policy(old)]), b = try Template(json: ["Resources": Self.policy(new)])
        return (SecurityChanges(old: a, new: b).widens, SecurityChanges(old: b, new: a).widens)
    }

    static let fromVpc: JSONValue = ["StringEquals": ["aws:SourceVpc": "vpc-1"]]

    @Test func addingAConditionNarrowsAndRemovingItWidens() throws {
        let result = try widening(Self.statement(), Self.statement(condition: Self.fromVpc))
        #expect(result.forward == false)
        #expect(result.backward == true)
    }

    @Test func anotherConditionKeyNarrowsFurther() throws {
        let both: JSONValue = ["StringEquals": ["aws:SourceVpc": "vpc-1", "aws:SourceAccount": "111122223333"]]
        let result = try widening(Self.statement(condition: Self.fromVpc), Self.statement(condition: both))
        #expect(result.forward == false)
        #expect(result.backward == true)
    }

    @Test func moreValuesInAConditionWiden() throws {
        let either: JSONValue = ["StringEquals": ["aws:SourceVpc": ["vpc-1", "vpc-2"]]]
        let result = try widening(Self.statement(condition: Self.fromVpc), Self.statement(condition: either))
        #expect(result.forward == true)
        #expect(result.backward == false)
    }

    @Test func broaderActionsWiden() throws {
        let result = try widening(Self.statement(), Self.statement(action: "s3:*"))
        #expect(result.forward == true)
        #expect(result.backward == false)
        let listed = try widening(Self.statement(), Self.statement(action: ["s3:GetObject", "s3:PutObject"]))
        #expect(listed.forward == true)
        #expect(listed.backward == false)
    }

    @Test func broaderResourcesWiden() throws {
        let result = try widening(Self.statement(), Self.statement(resource: "*"))
        #expect(result.forward == true)
        #expect(result.backward == false)
        let prefix = try widening(Self.statement(resource: "arn:aws:s3:::b/uploads/*"), Self.statement(resource: "arn:aws:s3:::b/*"))
        #expect(prefix.forward == true)
        #expect(prefix.backward == false)
    }

    @Test func broaderPrincipalsWiden() throws {
        func queuePolicy(_ principal: JSONValue) -> JSONValue {
            [
                "QP": [
                    "Type": "AWS::SQS::QueuePolicy",
                    "Properties": [
                        "Queues": [.ref("Q")],
                        "PolicyDocument": [
                            "Statement": [
                                ["Action": "sqs:SendMessage", "Effect": "Allow", "Principal": principal, "Resource": "*"]
                            ]
                        ],
                    ],
                ]
            ]
        }
        let one = try Template(json: ["Resources": queuePolicy(["AWS": "arn:aws:iam::111122223333:root"])])
        let anyone = try Template(json: ["Resources": queuePolicy(["AWS": "*"])])
        #expect(SecurityChanges(old: one, new: anyone).widens)
        #expect(!SecurityChanges(old: anyone, new: one).widens)
    }

    @Test func aNewAllowWidensAndARemovedOneDoesNot() throws {
        let none = try Template(json: ["Resources": [:]])
        let granted = try Template(json: ["Resources": Self.policy(Self.statement())])
        #expect(SecurityChanges(old: none, new: granted).widens)
        #expect(!SecurityChanges(old: granted, new: none).widens)
    }

    @Test func aRemovedDenyWidensUnlessABroaderDenyReplacesIt() throws {
        let narrowDeny = Self.statement(effect: "Deny", action: "s3:DeleteObject")
        let broadDeny = Self.statement(effect: "Deny", action: "s3:Delete*")
        let result = try widening(narrowDeny, broadDeny)
        #expect(result.forward == false)
        #expect(result.backward == true)
        let none = try Template(json: ["Resources": [:]])
        #expect(SecurityChanges(old: try Template(json: ["Resources": Self.policy(narrowDeny)]), new: none).widens)
    }

    @Test(arguments: [
        ("s3:*", "s3:GetObject", true), ("s3:Get*", "s3:GetObject", true), ("s3:Get?bject", "s3:GetObject", true),
        ("s3:Put*", "s3:GetObject", false), ("*", "sqs:SendMessage", true), ("S3:getobject", "s3:GetObject", true),
    ])
    func actionsMatchAsIAMMatchesThem(pattern: String, action: String, covered: Bool) throws {
        let result = try widening(Self.statement(action: .string(pattern)), Self.statement(action: .string(action)))
        #expect(result.forward == !covered)
    }
}
