import Formwork

/// The topic every order event is published to, encrypted with the AWS managed SNS key, the topic operators
/// are alerted on, and the shop's event bus (with an archive for replays).
struct OrderEvents: Component {
    let id = "Messaging"
    let topic = Topic("OrderEvents", displayName: "Order events", masterKey: "alias/aws/sns")
    let alerts = Topic("Alerts", displayName: "Shop alerts", masterKey: "alias/aws/sns")
    let bus = EventBus("ShopEvents", archiveRetention: .days(30))

    var body: [any Construct] {
        topic
        alerts
        bus
        alerts.subscribe(.email("shop-oncall@example.com"))
        alerts.suppress(
            .subscriptionRedrive, reason: "An email that cannot be delivered is not worth keeping: the alarm behind it stays in ALARM on the dashboard")
        Output("TopicArn", value: topic.arn, description: "Publish order events here")
    }
}
