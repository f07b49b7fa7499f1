import Formwork
import FormworkTesting
import Testing

/// `StackTemplate`'s assertions, each passing and failing with the message a reviewer reads.
@Suite struct TemplateAssertionTests {
    static let deadLetters = Queue("DeadLetters", retention: .days(14))
    static let orders = Queue("Orders", visibilityTimeout: .seconds(180), deadLetter: .init(queue: deadLetters, maxReceiveCount: 3))

    static func template() throws -> StackTemplate {
        try StackTemplate(
            of: Stack("S", tags: ["team": "orders"]) {
                deadLetters
                orders
                Output("OrdersUrl", value: orders.url, description: "Where orders arrive")
            })
    }

    @Test func hasResourcePropertiesPassesOnAPartialMatchAndRecordsAtTheCallersLine() throws {
        let template = try Self.template()
        #expect(failures { template.hasResourceProperties("AWS::SQS::Queue", ["VisibilityTimeout": 180]) }.isEmpty)
        let line = #line + 1
        let found = failures { template.hasResourceProperties("AWS::SQS::Queue", ["VisibilityTimeout": 30]) }
        #expect(found.map(\.line) == [line])
    }

    @Test func aNearMissNamesTheClosestResourceItsPathAndHowItDiffers() throws {
        let template = try Self.template()
        let logicalId = try #require(template.logicalId(of: Self.orders))
        let text = failureText {
            template.hasResourceProperties("AWS::SQS::Queue", ["VisibilityTimeout": 30, "RedrivePolicy": ["maxReceiveCount": 3], "FifoQueue": true])
        }
        #expect(
            text == """
                The template has 2 resources of type AWS::SQS::Queue, but none matches.
                The closest is \(logicalId) (S/Orders/Resource), which differs in 2 places:
                 ├─ [~] Properties.VisibilityTimeout: expected 30, found 180
                 └─ [~] Properties.FifoQueue: expected true, found none
                """)
    }

    @Test func aMissingTypeListsTheTypesTheTemplateHas() throws {
        let text = failureText { try? Self.template().hasResource("AWS::SQS::Queues") }
        #expect(text == "The template has no resources of type AWS::SQS::Queues. Its resource types are AWS::SQS::Queue.")
    }

    @Test func resourceCountIsSaysHowManyThereAreAndWhich() throws {
        let template = try Self.template()
        #expect(failures { template.resourceCountIs("AWS::SQS::Queue", 2) }.isEmpty)
        let text = failureText { template.resourceCountIs("AWS::SQS::Queue", 1) }
        #expect(text?.hasPrefix("Expected 1 resource of type AWS::SQS::Queue, found 2: ") == true)
        #expect(text?.contains("(S/Orders/Resource)") == true)
    }

    @Test func resourcePropertiesCountIsCountsOnlyTheMatches() throws {
        let template = try Self.template()
        #expect(failures { template.resourcePropertiesCountIs("AWS::SQS::Queue", ["MessageRetentionPeriod": 1_209_600], 1) }.isEmpty)
        #expect(
            failureText { template.resourcePropertiesCountIs("AWS::SQS::Queue", ["MessageRetentionPeriod": .anyValue], 2) }?
                .hasPrefix("Expected 2 resources of type AWS::SQS::Queue with the properties given, found 1: ") == true)
    }

    @Test func findResourcesAndAllResourcesReadEveryResourceOfTheType() throws {
        let template = try Self.template()
        #expect(template.findResources("AWS::SQS::Queue").count == 2)
        #expect(template.findResources("AWS::SQS::Queue", ["Properties": ["VisibilityTimeout": 180]]).count == 1)
        #expect(failures { template.allResources("AWS::SQS::Queue", ["Type": "AWS::SQS::Queue"]) }.isEmpty)
        let text = failureText { template.allResourcesProperties("AWS::SQS::Queue", ["VisibilityTimeout": 180]) }
        #expect(text?.hasPrefix("1 of 2 resources of type AWS::SQS::Queue do not match: ") == true)
        #expect(text?.hasSuffix("differs in 1 place:\n └─ [~] Properties.VisibilityTimeout: expected 180, found none") == true)
    }

    @Test func resourceIdFindsTheOneMatchAndRefusesSeveral() throws {
        let template = try Self.template()
        #expect(template.resourceId("AWS::SQS::Queue", properties: ["VisibilityTimeout": 180]) == template.logicalId(of: Self.orders))
        var several: String?
        let text = failureText { several = template.resourceId("AWS::SQS::Queue") }
        #expect(several == nil)
        #expect(text?.hasPrefix("Expected one resource of type AWS::SQS::Queue to match, found 2: ") == true)
    }

    @Test func aConstructFindsItsOwnResource() throws {
        let template = try Self.template()
        #expect(failures { template.hasResource(of: Self.orders, properties: ["VisibilityTimeout": 180]) }.isEmpty)
        let other = Queue("Elsewhere")
        #expect(
            failureText { template.hasResource(of: other, properties: [:]) } == "No resource of 'Elsewhere': the construct 'Elsewhere' is not in the stack S")
        let text = failureText { template.hasResource(of: Self.deadLetters, properties: ["VisibilityTimeout": 180]) }
        #expect(text?.hasSuffix("(S/DeadLetters/Resource) differs in 1 place:\n └─ [~] Properties.VisibilityTimeout: expected 180, found none") == true)
    }

    @Test func outputsAreMatchedByNameAndContent() throws {
        let template = try Self.template()
        #expect(failures { template.hasOutput("OrdersUrl", ["Description": "Where orders arrive", "Value": .reference(.ref(Self.orders))]) }.isEmpty)
        #expect(template.findOutputs().keys.elements == ["OrdersUrl"])
        #expect(failureText { template.hasOutput("Missing", [:]) } == "The template has no outputs named 'Missing'.")
        #expect(
            failureText { template.hasOutput("*", ["Description": "Elsewhere"]) } == """
                The template has 1 output, but none matches.
                The closest is OrdersUrl (S/OrdersUrl), which differs in 1 place:
                 └─ [~] Description: expected "Elsewhere", found "Where orders arrive"
                """)
    }

    @Test func parametersMappingsAndConditionsOfATemplateReadFromText() throws {
        let template = try StackTemplate(
            text: """
                Parameters:
                  Stage: {Type: String, Default: dev}
                Mappings:
                  Sizes: {dev: {memory: 128}}
                Conditions:
                  IsProd: {"Fn::Equals": [{Ref: Stage}, prod]}
                Resources:
                  Topic: {Type: AWS::SNS::Topic}
                """)
        #expect(
            failures {
                template.hasParameter("Stage", ["Type": "String", "Default": "dev"])
                template.hasMapping("Sizes", ["dev": ["memory": 128]])
                template.hasCondition("IsProd", ["Fn::Equals": [["Ref": "Stage"], "prod"]])
            }.isEmpty)
        #expect(template.findParameters().count == 1 && template.findMappings("Siz*").count == 1 && template.findConditions("Is*").count == 1)
        #expect(failureText { template.hasParameter("Stage", ["Default": "prod"]) }?.hasSuffix("└─ [~] Default: expected \"prod\", found \"dev\"") == true)
        #expect(failureText { template.hasMapping("Sizes", ["dev": ["memory": 256]]) }?.hasSuffix("└─ [~] dev.memory: expected 256, found 128") == true)
        #expect(failureText { template.hasCondition("IsProd", ["Fn::Not": .anyValue]) }?.hasSuffix("└─ [~] Fn::Not: expected a value, found none") == true)
        #expect(
            failureText { template.hasResource(of: Queue("Q")) }
                == "No resource of 'Q': this template was read from text and knows no constructs; use hasResourceProperties with its type")
    }

    @Test func templateMatchesMatchesTheWholeTemplatePartially() throws {
        let template = try Self.template()
        #expect(failures { template.templateMatches(["Outputs": ["OrdersUrl": ["Description": .anyValue]]]) }.isEmpty)
        #expect(
            failureText { template.templateMatches(["Description": "Orders"]) } == """
                The template does not match; it differs in 1 place:
                 └─ [~] Description: expected "Orders", found none
                """)
    }

    @Test func tagsAreTheStacksTags() throws {
        let template = try Self.template()
        #expect(template.tags.all == ["team": "orders"])
        #expect(failures { template.tags.hasValues(["team": "orders"]) }.isEmpty)
        #expect(
            failureText { template.tags.hasValues(.objectEquals(["team": "billing"])) } == """
                The stack's tags do not match; they differ in 1 place:
                 └─ [~] team: expected "billing", found "orders"
                """)
        #expect(failureText { template.tags.hasNone() } == "Expected no stack tags, found team=orders")
        #expect(failures { try? StackTemplate(of: Stack("Untagged") { Queue("Q") }).tags.hasNone() }.isEmpty)
    }
}
