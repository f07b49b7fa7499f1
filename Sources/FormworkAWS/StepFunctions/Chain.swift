/// States run one after the other: each gets `Next` to the following one, the last `End` (unless it ends
/// its branch by itself: `Choice`, `Succeed`, `Fail`).
///
/// ```swift
/// let workflow = validate.next(pay).next(ship)
/// ```
public struct Chain: Sendable {
    /// The states in order.
    public private(set) var states: [State]

    /// A chain of one state.
    public init(_ state: State) {
        states = [state]
    }

    /// The chain followed by `state`.
    public func next(_ state: State) -> Chain {
        var copy = self
        copy.states.append(state)
        return copy
    }

    /// The chain followed by `chain`.
    public func next(_ chain: Chain) -> Chain {
        var copy = self
        copy.states += chain.states
        return copy
    }
}
