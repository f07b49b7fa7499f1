import Formwork

/// A queue subscribed to a topic of another stack, and a function allowed to publish to it.
struct ConsumerPattern: Fragment {
    let topic: Topic

    var body: [any Construct] {
        let queue = Queue("ConsumerQueue")
        let publisher = PatternsApp.function("Publisher")
        queue
        topic.subscribe(queue)
        publisher
        topic.grant(.publish, to: publisher)
    }
}
