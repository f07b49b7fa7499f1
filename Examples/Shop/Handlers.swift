import Formwork

/// The Shop's functions: Node.js 24 handlers from the asset folders under `handlers/`, traced, with a
/// month of logs.
enum Handlers {
    /// A function running `handler` of the asset folder `folder` (`api`, `events`, `booking`, ...).
    static func function(_ id: String, _ folder: String, _ handler: String, timeout: Duration = .seconds(10),
                         environment: OrderedDictionary<String, Value> = [:]) -> Function {
        Function(id, runtime: .nodejs24, handler: "index.\(handler)", code: .asset("Examples/Shop/handlers/\(folder)"),
                 timeout: timeout, environment: environment, tracing: .active, logRetention: .oneMonth)
    }
}
