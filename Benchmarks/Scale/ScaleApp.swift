import Formwork

/// The benchmark app: the construct set of `Service` in the CDK scale app, `services` per stack, in
/// `stacks` stacks `Service{s}`, so that its output can be compared with CDK's.
///
/// Per service `i`: `Dlq{i}` (14 days retention), `Queue{i}` (300 s visibility, redrive to `Dlq{i}` after 3
/// receives), `Table{i}` (string key `pk`, on demand), and `Worker{i}` (Node.js 22, inline code, 60 s timeout,
/// `TABLE_NAME`) consuming the queue in batches of 10 with partial batch failures, granted read/write on the
/// table. Seven resources per service.
enum ScaleApp {
    static func make(stacks: Int, services: Int) -> App {
        App {
            for stack in 0..<stacks {
                Stack("Service\(stack)") {
                    for index in 0..<services { Service(index: stack * services + index) }
                }
            }
        }
    }
}

/// The constructs of one service, listed directly in its stack as the CDK app creates them.
struct Service: Fragment {
    let index: Int

    var body: [any Construct] {
        let dlq = Queue("Dlq\(index)", retention: .days(14))
        let queue = Queue("Queue\(index)", visibilityTimeout: .seconds(300), deadLetter: .init(queue: dlq, maxReceiveCount: 3))
        let table = Table("Table\(index)", partitionKey: .string("pk"), billing: .onDemand)
        let worker = Function(
            "Worker\(index)", runtime: .nodejs22, handler: "index.handler",
            code: .inline("exports.handler = async () => ({});"),
            timeout: .seconds(60), environment: ["TABLE_NAME": table.name])
        dlq
        queue
        table
        worker
        worker.consumes(queue, batchSize: 10, reportBatchItemFailures: true)
        table.grant(.readWrite, to: worker)
    }
}
