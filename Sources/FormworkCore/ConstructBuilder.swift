/// The result builder of stack and component bodies.
///
/// Every statement is one construct; `if`, `if`/`else`, `switch` and `for` work as in any builder. The
/// builder has a single, non-generic `buildExpression`, which keeps type-checking fast and makes a line that
/// is not a construct read "does not conform to expected type 'Construct'".
@resultBuilder
public enum ConstructBuilder {
    public static func buildExpression(_ construct: any Construct) -> [any Construct] {
        [construct]
    }

    public static func buildBlock(_ components: [any Construct]...) -> [any Construct] {
        components.flatMap { $0 }
    }

    public static func buildOptional(_ component: [any Construct]?) -> [any Construct] {
        component ?? []
    }

    public static func buildEither(first component: [any Construct]) -> [any Construct] {
        component
    }

    public static func buildEither(second component: [any Construct]) -> [any Construct] {
        component
    }

    public static func buildArray(_ components: [[any Construct]]) -> [any Construct] {
        components.flatMap { $0 }
    }
}
