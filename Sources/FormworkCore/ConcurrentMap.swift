import Dispatch
import Synchronization

/// Maps the elements of an array on every core, keeping their order: the parallel steps of synthesis
/// (one stack per task) produce the same results as a loop would.
package enum ConcurrentMap {
    /// `transform` applied to each element of `elements`, run concurrently, in the elements' order.
    package static func map<Element: Sendable, Mapped: Sendable>(_ elements: [Element], _ transform: @Sendable (Element) -> Mapped) -> [Mapped] {
        guard elements.count > 1 else { return elements.map(transform) }
        let results = Mutex<[Mapped?]>(Array(repeating: nil, count: elements.count))
        DispatchQueue.concurrentPerform(iterations: elements.count) { index in
            let mapped = transform(elements[index])
            results.withLock { $0[index] = mapped }
        }
        return results.withLock { $0.map { $0! } }
    }
}
