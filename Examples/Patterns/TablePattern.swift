import Formwork

/// A provisioned table with auto scaling, and an event store whose stream feeds a projection.
struct TablePattern: Fragment {
    var body: [any Construct] {
        let scaling = Table.Scaling(minCapacity: 5, maxCapacity: 100, targetUtilizationPercent: 70)
        Table(
            "Table", partitionKey: .string("pk"), billing: .provisioned(read: 5, write: 5),
            readScaling: scaling, writeScaling: scaling)
        let eventStore = Table(
            "EventStore", partitionKey: .string("aggregateId"), sortKey: .number("version"),
            billing: .onDemand, stream: .newImage)
        let projection = PatternsApp.function("Projection")
        eventStore
        projection
        eventStore.grant(.streamRead, to: projection)
        projection.consumesStream(of: eventStore, .init(startingPosition: .trimHorizon, batchSize: 100, retryAttempts: 3))
    }
}
