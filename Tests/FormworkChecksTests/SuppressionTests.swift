import FormworkChecks
import FormworkCore
import FormworkTemplate
import OrderedCollections
import Testing

/// Suppressions: in Swift on a construct, and in template metadata written for Formwork, cfn-lint or cdk-nag.
@Suite struct SuppressionTests {
    static let untraced: JSONValue = ["Type": "AWS::Lambda::Function", "Properties": ["Role": "r", "Code": ["ZipFile": "x"]]]

    func findings(_ resources: JSONValue, metadata: JSONValue? = nil) throws -> [String] {
        var json: OrderedDictionary<String, JSONValue> = ["Resources": resources]
        if let metadata { json["Metadata"] = metadata }
        return Checker(rules: [.functionTracing, .functionDefaultMemory]).check(try Template(json: .object(json))).map { "\($0.rule) \($0.logicalId)" }
    }

    static func function(metadata: JSONValue) -> JSONValue {
        ["Type": "AWS::Lambda::Function", "Metadata": metadata, "Properties": ["Role": "r", "Code": ["ZipFile": "x"]]]
    }

    @Test func formworksOwnSuppressionSkipsTheRuleOnThatResource() throws {
        let suppressed = Self.function(metadata: ["formwork": ["suppress": [["rule": "lambda-tracing", "reason": "rarely called"]]]])
        #expect(
            try findings(["Fn": suppressed, "Other": Self.untraced]) == ["lambda-tracing Other", "lambda-default-memory Fn", "lambda-default-memory Other"])
    }

    @Test func cdkNagAndCfnLintSuppressionsOfEquivalentRulesKeepWorking() throws {
        let nag = Self.function(metadata: ["cdk_nag": ["rules_to_suppress": [["id": "Serverless-LambdaTracing", "reason": "rarely called"]]]])
        let lint = Self.function(metadata: ["cfn-lint": ["config": ["ignore_checks": ["WS1000", "ES1005"]]]])
        #expect(try findings(["Nag": nag, "Lint": lint]) == ["lambda-default-memory Nag"])
    }

    @Test func aTemplateWideCfnLintSuppressionCoversEveryResource() throws {
        #expect(
            try findings(["A": Self.untraced, "B": Self.untraced], metadata: ["cfn-lint": ["config": ["ignore_checks": ["WS1000"]]]])
                == ["lambda-default-memory A", "lambda-default-memory B"])
    }

    @Test func aSuppressionThatCoversNothingIsAWarning() throws {
        let traced: JSONValue = [
            "Type": "AWS::Lambda::Function", "Metadata": ["formwork": ["suppress": [["rule": "lambda-tracing", "reason": "old"]]]],
            "Properties": ["Role": "r", "Code": ["ZipFile": "x"], "TracingConfig": ["Mode": "Active"], "MemorySize": 256],
        ]
        #expect(try findings(["Fn": traced]) == ["unused-suppression Fn"])
    }

    @Test func oneSuppressionWrittenToSeveralResourcesIsUsedWhenAnyOfThemHasTheFinding() throws {
        let metadata: JSONValue = ["formwork": ["suppress": [["rule": "lambda-tracing", "reason": "rarely called"]]]]
        let role: JSONValue = ["Type": "AWS::IAM::Role", "Metadata": metadata, "Properties": ["AssumeRolePolicyDocument": [:]]]
        #expect(try findings(["Fn": Self.function(metadata: metadata), "FnRole": role]) == ["lambda-default-memory Fn"])
        let traced: JSONValue = [
            "Type": "AWS::Lambda::Function", "Metadata": metadata,
            "Properties": ["Role": "r", "Code": ["ZipFile": "x"], "TracingConfig": ["Mode": "Active"], "MemorySize": 256],
        ]
        #expect(try findings(["Fn": traced, "FnRole": role]) == ["unused-suppression Fn"])
    }

    @Test func aConstructSuppressionWritesItsRuleAndReasonIntoTheResourcesMetadata() throws {
        let queue = Resource("Queue", type: "AWS::SQS::Queue")
        let assembly = try App {
            Stack("S") {
                queue
                queue.suppress(.queueDeadLetterQueue, reason: "Messages are replayed from the source system")
            }
        }.synthesize()
        let template = assembly.stacks[0].template
        #expect(
            template.resources["Queue"]?.metadata == [
                "formwork": ["suppress": [["rule": "sqs-dead-letter-queue", "reason": "Messages are replayed from the source system"]]]
            ])
        #expect(!Checker().check(template).contains { $0.rule == "sqs-dead-letter-queue" })
    }

    @Test func aSuppressionNeedsAReason() {
        let queue = Resource("Queue", type: "AWS::SQS::Queue")
        #expect {
            _ = try App {
                Stack("S") {
                    queue
                    queue.suppress(.queueDeadLetterQueue, reason: "ok")
                }
            }.synthesize()
        } throws: { error in
            (error as? SynthesisError)?.message.contains("needs a reason") == true
        }
    }
}
