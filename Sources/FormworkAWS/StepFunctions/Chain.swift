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

    /// The states `content` lists, in order:
    ///
    /// ```swift
    /// Chain {
    ///     validate
    ///     charge
    ///     ship
    /// }
    /// ```
    ///
    /// An empty chain is a programming error in the app, reported when the state machine is synthesized.
    public init(@ChainBuilder _ content: () -> [State]) {
        states = content()
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

/// Builds a ``Chain`` from the states listed in a body.
@resultBuilder
public enum ChainBuilder {
    /// A state listed in the body: that one state.
    public static func buildExpression(_ state: State) -> [State] { [state] }
    /// A chain listed in the body: its states, in order.
    public static func buildExpression(_ chain: Chain) -> [State] { chain.states }
    /// The states of every line of the body, in order.
    public static func buildBlock(_ components: [State]...) -> [State] { components.flatMap { $0 } }
    /// The states of an `if` without `else`: none when the condition is false.
    public static func buildOptional(_ component: [State]?) -> [State] { component ?? [] }
    /// The states of the `if` branch of an `if`–`else` or the first case of a `switch`.
    public static func buildEither(first component: [State]) -> [State] { component }
    /// The states of the `else` branch of an `if`–`else` or a later case of a `switch`.
    public static func buildEither(second component: [State]) -> [State] { component }
    /// The states of a `for` loop, each pass's in order.
    public static func buildArray(_ components: [[State]]) -> [State] { components.flatMap { $0 } }
}
