import Formwork

/// The booking saga, orchestrated by Step Functions: reserve a flight, then a hotel, then take the payment;
/// when the payment fails, cancel the hotel and then the flight — compensations in reverse order. A rule on
/// the shop's event bus starts a booking for every `BookingRequested` event.
struct Booking: Component {
    let id = "Booking"
    let bus: EventBus

    var body: [any Construct] {
        let compensation = step("CancelHotel", handler: "cancelHotel").next(step("CancelFlight", handler: "cancelFlight"))
        let saga = step("ReserveFlight", handler: "reserveFlight")
            .next(step("ReserveHotel", handler: "reserveHotel"))
            .next(step("ProcessPayment", handler: "processPayment").catching(compensation, resultPath: "$.error"))
        let logs = LogGroup("SagaLogs", retention: .oneMonth)
        let machine = StateMachine(
            "BookingSaga", definition: saga, timeout: .minutes(5), tracing: true,
            logging: .init(destination: logs, level: .error))
        let undelivered = Handlers.failures("Undelivered")
        let requested = Rule(
            "BookingRequested", bus: bus,
            pattern: EventPattern(source: ["shop.booking"], detailType: ["BookingRequested"]))
        machine
        requested
        requested.target(machine, retryAttempts: 3, deadLetterQueue: undelivered)
        Handlers.calledSynchronously(by: "the booking saga")
        Output("SagaArn", value: machine.arn, description: "The booking saga")
    }

    /// One step of the saga: a function of the booking handlers, invoked with its result as the output.
    private func step(_ name: String, handler: String) -> State {
        let function = Function(
            "\(name)Fn", runtime: .nodejs24, handler: "index.\(handler)",
            code: .asset("Examples/Shop/handlers/booking"), memorySize: Handlers.memorySize, timeout: .seconds(10), tracing: .active,
            logRetention: .oneMonth)
        return .lambdaInvoke(name, function: function, outputPath: "$.Payload")
    }
}
