import Formwork

/// Routing on the shop's event bus: customers are notified of placed orders, and the order workflow
/// (validate → charge → ship, on Step Functions) runs for each; a daily cleanup and a 5-minute reconciliation
/// run on schedules, and a weekly report runs on EventBridge Scheduler in the shop's time zone. Events a
/// target cannot take, and invocations a function fails, are kept in one failures queue.
struct Schedules: Component {
    let id = "Schedules"
    let bus: EventBus

    var body: [any Construct] {
        let failures = Handlers.failures("Failures")
        let placed = EventPattern(source: ["shop.orders"], detailType: ["OrderPlaced"])
        let notifyRule = Rule("NotifyCustomer", bus: bus, pattern: placed)
        let workflowRule = Rule("RunOrderWorkflow", bus: bus, pattern: placed)
        let workflow = Chain {
            State.lambdaInvoke("Validate", function: Handlers.function("ValidateOrder", "events", "validateOrder"), outputPath: "$.Payload")
            State.lambdaInvoke("Charge", function: Handlers.function("ChargeOrder", "events", "chargeOrder"), outputPath: "$.Payload")
            State.lambdaInvoke("Ship", function: Handlers.function("ShipOrder", "events", "shipOrder"), outputPath: "$.Payload")
        }
        let machine = StateMachine("OrderWorkflow", definition: workflow, timeout: .minutes(15), tracing: true)
        let daily = Rule("DailyCleanup", schedule: .cron(minute: "0", hour: "2"))
        let frequent = Rule("Reconcile", schedule: .rate(.minutes(5)))
        notifyRule
        notifyRule.target(
            Handlers.function("Notify", "events", "notify", asyncFailures: failures), retryAttempts: 2,
            maxEventAge: .hours(1), deadLetterQueue: failures)
        workflowRule
        workflowRule.target(machine, deadLetterQueue: failures)
        daily
        daily.target(
            Handlers.function("Cleanup", "events", "cleanup", timeout: .minutes(5), asyncFailures: failures),
            deadLetterQueue: failures)
        frequent
        frequent.target(Handlers.function("Reconciler", "events", "reconcile", asyncFailures: failures), deadLetterQueue: failures)
        EventBridgeSchedule(
            "WeeklyReport", schedule: .cron(minute: "0", hour: "7", weekDay: "MON"),
            target: .init(
                .function(Handlers.function("Reporter", "events", "weeklyReport", timeout: .minutes(5), asyncFailures: failures)),
                deadLetterQueue: failures, retryAttempts: 3),
            flexibleWindow: .minutes(30), timeZone: "Europe/Berlin")
        Handlers.calledSynchronously(by: "the order workflow")
    }
}
