import Formwork

/// The topic every order event is published to, encrypted with the AWS managed SNS key.
struct OrderEvents: Component {
    let id = "OrderEvents"
    let topic = Resource("Resource", type: "AWS::SNS::Topic", properties: [
        "DisplayName": "Order events",
        "KmsMasterKeyId": "alias/aws/sns",
    ])

    var body: [any Construct] {
        topic
        Output("TopicArn", value: topic.ref, description: "Publish order events here")
    }
}
