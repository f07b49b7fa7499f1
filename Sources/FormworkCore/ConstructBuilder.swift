/// The result builder of stack and component bodies.
///
/// Every statement is one construct; `if`, `if`/`else`, `switch` and `for` work as in any builder. The
/// builder has a single, non-generic `buildExpression`, which keeps type-checking fast and makes a line that
/// is not a construct read "does not conform to expected type 'Construct'".
@resultBuilder
public enum ConstructBuilder {
    /// One statement of the body: the construct, as a list of one.
    public static func buildExpression(_ construct: any Construct) -> [any Construct] {
        [construct]
    }

    /// The statements of a block, constructs in the order they are written.
    public static func buildBlock(_ components: [any Construct]...) -> [any Construct] {
        components.flatMap { $0 }
    }

    /// An `if` without `else`: its constructs when the condition holds, none otherwise.
    public static func buildOptional(_ component: [any Construct]?) -> [any Construct] {
        component ?? []
    }

    /// The constructs of the first branch of an `if`/`else` or `switch` that was taken.
    public static func buildEither(first component: [any Construct]) -> [any Construct] {
        component
    }

    /// The constructs of the second branch of an `if`/`else` or `switch` that was taken.
    public static func buildEither(second component: [any Construct]) -> [any Construct] {
        component
    }

    /// A `for` loop: the constructs of every iteration, in order.
    public static func buildArray(_ components: [[any Construct]]) -> [any Construct] {
        components.flatMap { $0 }
    }
}
