import FormworkAWS
import FormworkCore
import FormworkTemplate
import Testing

/// The README's first app, kept here so that it keeps compiling and doing what the README says.
private struct Orders: Component {
    let id = "Orders"
    let events: Topic

    var body: [any Construct] {
        let dlq = Queue("DLQ", retention: .days(14))
        let queue = Queue("Queue", visibilityTimeout: .seconds(300), deadLetter: .init(queue: dlq, maxReceiveCount: 3))
        let table = Table("Orders", partitionKey: .string("orderId"), billing: .onDemand)
        let worker = Function(
            "Worker", runtime: .nodejs22, handler: "index.handler",
            code: .inline("exports.handler = async () => ({});"),
            environment: ["TABLE_NAME": table.name], tracing: .active)
        queue
        events.subscribe(queue)
        worker.consumes(queue, batchSize: 10, reportBatchItemFailures: true)
        table.grant(.readWrite, to: worker)
        Alarm("DLQAlarm", metric: dlq.metric(.approximateNumberOfMessagesVisible), threshold: 1)
        Output("QueueUrl", value: queue.url)
    }
}

@Suite struct ReadmeExampleTests {
    @Test func theReadmeAppIncludesEveryReferencedConstructAndImportsTheTopic() throws {
        let events = Topic("OrderEvents")
        let assembly = try App {
            Stack("Shared") { events }
            Stack("Orders") { Orders(events: events) }
        }.synthesize()
        let orders = try #require(assembly.stack(named: "Orders"))
        #expect(orders.dependencies == ["Shared"])
        #expect(
            orders.template.resources.values.map(\.type) == [
                "AWS::SQS::Queue", "AWS::SQS::Queue", "AWS::SQS::QueuePolicy", "AWS::SNS::Subscription", "AWS::IAM::Role",
                "AWS::IAM::Policy", "AWS::Lambda::Function", "AWS::Lambda::EventSourceMapping", "AWS::DynamoDB::Table",
                "AWS::CloudWatch::Alarm",
            ])
    }
}
