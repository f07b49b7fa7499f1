import Formwork

/// A REST API of users and orders, each route to its own function, throttled and traced.
struct RestApiPattern: Fragment {
    var body: [any Construct] {
        let getUsers = PatternsApp.function("GetUsers")
        let createUser = PatternsApp.function("CreateUser")
        let getOrders = PatternsApp.function("GetOrders")
        let createOrder = PatternsApp.function("CreateOrder")
        RestApi(
            "Api", name: "microservices-api",
            deploy: .init(throttlingRateLimit: 1000, throttlingBurstLimit: 2000, tracing: true)
        ) {
            Route(.get, "/users", to: getUsers)
            Route(.post, "/users", to: createUser)
            Route(.get, "/orders", to: getOrders)
            Route(.post, "/orders", to: createOrder)
        }
    }
}

/// A webhook: the API accepts the call, the function puts it on a queue and answers 202 Accepted.
struct WebhookPattern: Fragment {
    var body: [any Construct] {
        let queue = Queue("WebhookQueue")
        let handler = PatternsApp.function("WebhookFunction", timeout: .seconds(29), environment: ["QUEUE_URL": queue.url])
        queue
        handler
        queue.grant(.send, to: handler)
        RestApi("WebhookApi", name: "webhooks") {
            Route(.post, "/webhook", to: handler)
        }
    }
}
