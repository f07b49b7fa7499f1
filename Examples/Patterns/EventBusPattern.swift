import Formwork

/// A custom bus with two rules on order events, and two scheduled rules on the default bus.
struct EventBusPattern: Fragment {
    var body: [any Construct] {
        let bus = EventBus("AppEventBus", name: "application-events")
        let process = PatternsApp.function("ProcessOrder")
        let notify = PatternsApp.function("NotifyCustomer")
        let placed = EventPattern(source: ["orders"], detailType: ["OrderPlaced"])
        let processRule = Rule("ProcessOrderRule", bus: bus, pattern: placed)
        let notifyRule = Rule("NotifyCustomerRule", bus: bus, pattern: placed)
        bus
        process
        notify
        processRule
        processRule.target(process)
        notifyRule
        notifyRule.target(notify)
        let cleanup = PatternsApp.function("Cleanup")
        let daily = Rule("DailyCleanup", schedule: .cron(minute: "0", hour: "2"))
        let frequent = Rule("FrequentProcessing", schedule: .rate(.minutes(5)))
        cleanup
        daily
        daily.target(cleanup)
        frequent
        frequent.target(process)
    }
}
