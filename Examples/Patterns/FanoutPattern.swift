import Formwork

/// A topic fanned out to three queues, each consumed by a function.
struct FanoutPattern: Fragment {
    var body: [any Construct] {
        let topic = Topic("OrderTopic", displayName: "Order Events")
        topic
        for name in ["Inventory", "Shipping", "Analytics"] {
            Consumer(topic: topic, name: name)
        }
    }

    /// One queue subscribed to the topic and the function consuming it.
    struct Consumer: Fragment {
        let topic: Topic
        let name: String

        var body: [any Construct] {
            let queue = Queue("\(name)Queue")
            let function = PatternsApp.function("\(name)Function")
            queue
            topic.subscribe(queue)
            function
            function.consumes(queue)
        }
    }
}
