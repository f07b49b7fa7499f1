import Formwork

/// The storefront's REST API — users and orders, each route to its own function, orders for signed-in
/// customers only (a Cognito user pool and authorizer) — the checkout function's configuration in SSM and its
/// published version behind a warm alias, and the webhook endpoint that answers 202 Accepted and leaves the
/// work to a queue and a worker.
struct Storefront: Component {
    let id = "Storefront"

    var body: [any Construct] {
        let customers = UserPool(
            "Customers", selfSignUpEnabled: true, signInAliases: [.email], mfa: .optional(otp: true),
            accountRecovery: .emailOnly, deletionProtection: true)
        let signedIn = CognitoAuthorizer("SignedIn", userPools: [customers])
        let paymentsEndpoint = StringParameter(
            "PaymentsEndpoint", value: "https://payments.example.com/v1", parameterName: "/shop/payments/endpoint",
            description: "Where checkout sends payments")
        let checkout = Handlers.function("CreateOrder", "api", "createOrder", environment: ["PAYMENTS_PARAMETER": paymentsEndpoint.name])
        customers
        customers.client(
            "Web", authFlows: [.userSrp],
            oAuth: .init(
                flows: [.authorizationCodeGrant], scopes: ["openid", "email"],
                callbackURLs: ["https://shop.example.com/signed-in"]))
        paymentsEndpoint
        paymentsEndpoint.grant(.read, to: checkout)
        checkout.currentVersion
        Alias("Live", aliasName: "live", version: checkout.currentVersion, provisionedConcurrentExecutions: 2)
        let api = RestApi(
            "Api", name: "shop-storefront",
            deploy: .init(
                throttlingRateLimit: 100, throttlingBurstLimit: 200, tracing: true, metrics: true,
                accessLog: (destination: LogGroup("AccessLogs", retention: .oneMonth), format: AccessLog.json)),
            cors: .init(allowOrigins: ["https://shop.example.com"])
        ) {
            Route(.get, "/users", to: Handlers.function("ListUsers", "api", "listUsers"))
            Route(.post, "/users", to: Handlers.function("CreateUser", "api", "createUser"))
            Route(.get, "/orders", to: Handlers.function("ListOrders", "api", "listOrders"), authorization: .cognito(signedIn))
            Route(.post, "/orders", to: checkout, authorization: .cognito(signedIn))
        }
        api
        Handlers.calledSynchronously(by: "API Gateway")
        api.suppress(.methodAuthorization, reason: "Visitors sign up and browse users before they have an account; /orders takes the Cognito authorizer")
        Webhooks()
    }
}

/// Webhooks: API → function → queue (202 Accepted), processed by a worker with a dead-letter queue.
struct Webhooks: Component {
    let id = "Webhooks"

    var body: [any Construct] {
        let dlq = Queue("DeadLetters", retention: .days(14), encryption: .sqsManaged, enforceSSL: true)
        let queue = Queue(
            "Inbox", visibilityTimeout: .seconds(60), deadLetter: .init(queue: dlq, maxReceiveCount: 3),
            encryption: .sqsManaged, enforceSSL: true)
        let receiver = Handlers.function("Receiver", "api", "webhook", timeout: .seconds(5), environment: ["QUEUE_URL": queue.url])
        let worker = Handlers.function("Worker", "events", "webhookWorker")
        queue
        queue.grant(.send, to: receiver)
        worker.consumes(queue, batchSize: 10, reportBatchItemFailures: true)
        let api = RestApi(
            "Api", name: "shop-webhooks",
            deploy: .init(
                throttlingRateLimit: 20, throttlingBurstLimit: 40, tracing: true,
                accessLog: (destination: LogGroup("AccessLogs", retention: .oneMonth), format: AccessLog.json))
        ) {
            Route(.post, "/webhook", to: receiver)
        }
        api
        api.suppress(.methodAuthorization, reason: "Payment providers call the webhook without AWS credentials; the receiver verifies their signature")
        Alarm(
            "DeadLetterAlarm", metric: dlq.metric(.approximateNumberOfMessagesVisible), threshold: 1,
            missingData: .notBreaching, description: "Webhooks failed three times")
        Handlers.calledSynchronously(by: "API Gateway and the queue's poller")
    }
}

/// The access log format of the Shop's APIs: one JSON object per request, with the fields CDK's
/// `AccessLogFormat.jsonWithStandardFields()` writes.
enum AccessLog {
    static let json =
        #"{"requestId":"$context.requestId","ip":"$context.identity.sourceIp","user":"$context.identity.user","caller":"$context.identity.caller","requestTime":"$context.requestTime","httpMethod":"$context.httpMethod","resourcePath":"$context.resourcePath","status":"$context.status","protocol":"$context.protocol","responseLength":"$context.responseLength"}"#
}
