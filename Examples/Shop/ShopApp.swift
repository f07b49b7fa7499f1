import Formwork

/// An order platform on AWS, written with Formwork.
///
/// Four stacks: `ShopShared` owns the order-events and alerts topics and the event bus; `ShopOrders` the order
/// intake (queue, dead-letter queue, worker, idempotency table, alarms), the fan-out to fulfilment queues,
/// the booking saga and the order workflow started from the bus, and the schedules; `ShopFront` the REST API
/// and the webhooks (202 Accepted); `ShopData` the event store with its projection, the clickstream and the
/// uploads. The subscription
/// references the topic across stacks, so Formwork exports it from `ShopShared` and imports it in
/// `ShopOrders`, as CDK does.
enum ShopApp {
    static var app: App {
        let events = OrderEvents()
        return App {
            Stack("ShopShared", description: "Shop: shared messaging", tags: ["app": "shop"]) {
                events
            }
            Stack("ShopOrders", description: "Shop: order intake", tags: ["app": "shop"]) {
                OrderIntake(topic: events.topic, alerts: events.alerts, bus: events.bus)
                Fulfilment(topic: events.topic, alerts: events.alerts)
                Booking(bus: events.bus)
                Schedules(bus: events.bus)
            }
            Stack("ShopFront", description: "Shop: storefront API and webhooks", tags: ["app": "shop"]) {
                Storefront()
            }
            Stack("ShopData", description: "Shop: event store, clickstream and uploads", tags: ["app": "shop"]) {
                DataPipelines()
            }
        }
    }
}
