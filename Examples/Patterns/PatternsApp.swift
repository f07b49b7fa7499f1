import Formwork

/// The pattern stacks, in the order of the reference app, with CDK's defaults (they are what a CDK app moves
/// over with).
enum PatternsApp {
    static var app: App {
        let sharedTopic = Topic("SharedTopic")
        return App(defaults: .cdk) {
            Stack("QueueStack") { QueuePattern() }
            Stack("FanoutStack") { FanoutPattern() }
            Stack("WorkerStack") { WorkerPattern() }
            Stack("TableStack") { TablePattern() }
            Stack("EventBusStack") { EventBusPattern() }
            Stack("WorkflowStack") { WorkflowPattern() }
            Stack("SagaStack") { SagaPattern() }
            Stack("RestApiStack") { RestApiPattern() }
            Stack("WebhookStack") { WebhookPattern() }
            Stack("StreamStack") { StreamPattern() }
            Stack("UploadStack") { UploadPattern() }
            Stack("SharedStack") { sharedTopic }
            Stack("ConsumerStack") { ConsumerPattern(topic: sharedTopic) }
        }
    }

    /// The reference app's inline handler.
    static func function(
        _ id: String, timeout: Duration? = nil, environment: OrderedDictionary<String, Value> = [:],
        tracing: Function.Tracing? = nil, reservedConcurrentExecutions: Int? = nil
    ) -> Function {
        Function(
            id, runtime: .nodejs22, handler: "index.handler", code: .inline("exports.handler = async () => ({});"),
            timeout: timeout, environment: environment, tracing: tracing,
            reservedConcurrentExecutions: reservedConcurrentExecutions)
    }
}
