import Formwork
import FormworkTesting
import Testing

@testable import Shop

/// The Shop's stacks, tested as a team tests its own: what each stack must declare, what the checks say of
/// it, and a snapshot of every template that shows a change as `formwork diff` would.
@Suite struct ShopStackTests {
    /// The app synthesized once for the suite.
    static let stacks: [String: StackTemplate] = {
        let app = ShopApp.app
        guard let assembly = try? app.synthesize() else { return [:] }
        return Dictionary(uniqueKeysWithValues: assembly.stacks.map { ($0.name, StackTemplate(artifact: $0)) })
    }()

    static func stack(_ name: String) throws -> StackTemplate {
        try #require(stacks[name], "the Shop does not synthesize, or has no stack \(name)")
    }

    @Test func theSharedTopicsAreEncryptedWithTheManagedSNSKey() throws {
        let events = OrderEvents()
        let shared = try StackTemplate(of: Stack("ShopShared") { events })
        shared.hasResource(of: events.topic, properties: ["DisplayName": "Order events", "KmsMasterKeyId": "alias/aws/sns"])
        shared.hasResource(of: events.alerts, properties: ["KmsMasterKeyId": "alias/aws/sns"])
        shared.hasResourceProperties("AWS::SNS::Subscription", ["Protocol": "email", "TopicArn": .reference(.ref(events.alerts))])
    }

    @Test func ordersWaitThreeMinutesAndMoveToTheDeadLetterQueueAfterThreeReceives() throws {
        let orders = try Self.stack("ShopOrders")
        let deadLetters = Capture()
        orders.hasResourceProperties(
            "AWS::SQS::Queue",
            [
                "VisibilityTimeout": 180,
                "RedrivePolicy": ["maxReceiveCount": 3, "deadLetterTargetArn": ["Fn::GetAtt": [.capture(deadLetters), "Arn"]]],
            ])
        let queue = try deadLetters.asString()
        orders.hasResource("AWS::SQS::Queue", ["Properties": ["MessageRetentionPeriod": 1_209_600]])
        #expect(orders.findResources("AWS::SQS::Queue").keys.contains(queue))
    }

    @Test func everyQueueIsEncryptedAndEveryFunctionSizedAndTraced() throws {
        for name in ["ShopOrders", "ShopFront", "ShopData"] {
            let stack = try Self.stack(name)
            stack.allResourcesProperties("AWS::SQS::Queue", ["SqsManagedSseEnabled": true])
            stack.allResourcesProperties("AWS::Lambda::Function", ["MemorySize": 256, "TracingConfig": ["Mode": "Active"], "Runtime": .stringLike("^nodejs")])
        }
    }

    @Test func everyRuleTargetKeepsWhatItCannotDeliver() throws {
        let orders = try Self.stack("ShopOrders")
        orders.allResourcesProperties("AWS::Events::Rule", ["Targets": .arrayWith([["DeadLetterConfig": ["Arn": .anyValue]]])])
        orders.resourceCountIs("AWS::Events::Rule", 5)
    }

    @Test func theStorefrontAPIIsThrottledAndLogsEveryRequest() throws {
        let front = try Self.stack("ShopFront")
        front.allResourcesProperties(
            "AWS::ApiGateway::Stage",
            [
                "AccessLogSetting": ["DestinationArn": .anyValue, "Format": .serializedJSON(["requestId": "$context.requestId"])],
                "MethodSettings": .arrayWith([["HttpMethod": "*", "ResourcePath": "/*", "ThrottlingRateLimit": .anyValue]]),
            ])
        front.hasOutput("*", ["Value": .anyValue])
    }

    @Test func theChecksFindNothingToWarnAbout() throws {
        for name in ["ShopShared", "ShopOrders", "ShopFront", "ShopData"] {
            let annotations = try Self.stack(name).annotations
            annotations.hasNoError()
            annotations.hasNoWarning()
        }
    }

    @Test func everyStackIsTaggedWithTheApp() throws {
        for name in ["ShopShared", "ShopOrders", "ShopFront", "ShopData"] {
            try Self.stack(name).tags.hasValues(.objectEquals(["app": "shop"]))
        }
    }

    @Test(arguments: ["ShopShared", "ShopOrders", "ShopFront", "ShopData"])
    func theTemplateIsTheReviewedOne(stack: String) throws {
        try Self.stack(stack).matchesSnapshot()
    }
}
