import Formwork
import FormworkTesting
import Testing

/// `Annotations`: the checks' findings and validation warnings of a stack, by construct path.
@Suite struct AnnotationTests {
    struct Team: Component {
        let id = "Team"
        var body: [any Construct] {
            Queue("Lonely")
        }
    }

    static func annotations() throws -> Annotations {
        try StackTemplate(of: Stack("S") { Team() }).annotations
    }

    @Test func aFindingIsFoundByItsConstructPathOrAnAncestorsAndItsRule() throws {
        let annotations = try Self.annotations()
        let found = annotations.findWarning(at: "S/Team/Lonely", rule: "sqs-dead-letter-queue")
        #expect(found.count == 1)
        #expect(found.first?.constructPath == "S/Team/Lonely/Resource")
        #expect(annotations.findWarning(at: "S/Team").count == annotations.findWarning(at: "S/*").count)
        #expect(annotations.findWarning(at: "S/Other").isEmpty)
        #expect(
            failures {
                annotations.hasWarning(at: "S/Team/Lonely", rule: "sqs-dead-letter-queue", .stringLike("dead-letter"))
                annotations.hasNoError()
                annotations.hasNoInfo(at: "S/Team", rule: "sqs-dead-letter-queue")
            }.isEmpty)
    }

    @Test func aMissingMessageListsTheStacksMessagesOfThatLevel() throws {
        let annotations = try Self.annotations()
        let text = try #require(failureText { annotations.hasWarning(at: "S/Team/Lonely", rule: "lambda-tracing") })
        #expect(
            text.hasPrefix(
                "Expected a warning[lambda-tracing] at S/Team/Lonely matching the text given, found none. The stack's warnings:\n  warning[sqs-dead-letter-queue]: S/Team/Lonely/Resource (TeamLonely"
            ))
        #expect(
            failureText { annotations.hasError() } == "Expected an error at any construct matching the text given, found none; the stack has no error at all.")
    }

    @Test func anUnexpectedMessageIsShownWithItsPath() throws {
        let annotations = try Self.annotations()
        let text = try #require(failureText { annotations.hasNoWarning(at: "S/Team", rule: "sqs-dead-letter-queue") })
        #expect(
            text.hasPrefix(
                "Expected no warning[sqs-dead-letter-queue] at S/Team matching the text given, found 1:\n  warning[sqs-dead-letter-queue]: S/Team/Lonely/Resource (TeamLonely"
            ))
    }
}
