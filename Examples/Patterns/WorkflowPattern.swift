import Formwork

/// An order workflow: four Lambda steps in a row, orchestrated by Step Functions instead of Lambdas
/// calling Lambdas.
struct WorkflowPattern: Fragment {
    var body: [any Construct] {
        let steps = ["ValidateOrder", "ProcessPayment", "ShipOrder", "SendConfirmation"].map { name in
            State.lambdaInvoke(name, function: PatternsApp.function("\(name)Fn"), outputPath: "$.Payload")
        }
        StateMachine("OrderWorkflow", definition: steps[0].next(steps[1]).next(steps[2]).next(steps[3]))
    }
}

/// The booking saga: reserve a flight, a hotel, take the payment; when the payment fails, cancel the hotel
/// and the flight, in reverse order.
struct SagaPattern: Fragment {
    var body: [any Construct] {
        let reserveFlight = State.lambdaInvoke("ReserveFlight", function: PatternsApp.function("ReserveFlightFn"), outputPath: "$.Payload")
        let reserveHotel = State.lambdaInvoke("ReserveHotel", function: PatternsApp.function("ReserveHotelFn"), outputPath: "$.Payload")
        let processPayment = State.lambdaInvoke("ProcessPayment", function: PatternsApp.function("ProcessPaymentFn"), outputPath: "$.Payload")
        let cancelFlight = State.lambdaInvoke("CancelFlight", function: PatternsApp.function("CancelFlightFn"))
        let cancelHotel = State.lambdaInvoke("CancelHotel", function: PatternsApp.function("CancelHotelFn"))
        let compensate = cancelHotel.next(cancelFlight)
        StateMachine(
            "BookingStateMachine",
            definition: reserveFlight.next(reserveHotel).next(processPayment.catching(compensate, resultPath: "$.error")),
            timeout: .minutes(5))
    }
}
