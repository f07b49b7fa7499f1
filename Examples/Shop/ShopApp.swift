import Formwork

/// An order platform on AWS, written with Formwork.
///
/// Two stacks: `ShopShared` owns the order-events and alerts topics and the event bus; `ShopOrders` owns the
/// order intake (queue, dead-letter queue, worker, idempotency table, alarms) subscribed to that topic, and
/// the booking saga started from the bus. The subscription
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
                OrderIntake(topic: events.topic, alerts: events.alerts)
                Booking(bus: events.bus)
            }
        }
    }
}
