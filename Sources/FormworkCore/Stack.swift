import OrderedCollections

/// A CloudFormation stack: a name, an optional environment, and the constructs in it.
///
/// ```swift
/// Stack("Orders", region: "eu-west-1", tags: ["team": "orders"]) {
///     OrdersService()
///     Output("QueueUrl", value: queue.ref)
/// }
/// ```
///
/// Tags are written to the cloud assembly as stack tags; CloudFormation applies them to every resource that
/// supports tags when the stack is deployed, as CDK's stack tags are.
public struct Stack: Sendable {
    /// The stack's name in CloudFormation and in the cloud assembly.
    public let name: String
    /// The AWS account the stack deploys to; any account when `nil`.
    public var account: String?
    /// The AWS region the stack deploys to; any region when `nil`.
    public var region: String?
    /// The template's `Description`.
    public var description: String?
    /// Stack tags.
    public var tags: OrderedDictionary<String, String>
    /// Whether CloudFormation refuses to delete the stack.
    public var terminationProtection: Bool
    /// The defaults the stack's constructs fill in; the app's when `nil`.
    public var defaults: DefaultsProfile?
    /// The bootstrap the stack deploys through (its qualifier names the assets bucket and the roles); the
    /// app's when `nil`.
    public var bootstrap: BootstrapNames?
    /// The constructs in the stack.
    public let body: [any Construct]

    /// A stack named `name` holding what `content` builds.
    public init(
        _ name: String,
        account: String? = nil,
        region: String? = nil,
        description: String? = nil,
        tags: OrderedDictionary<String, String> = [:],
        terminationProtection: Bool = false,
        defaults: DefaultsProfile? = nil,
        bootstrap: BootstrapNames? = nil,
        @ConstructBuilder content: () -> [any Construct]
    ) {
        self.name = name
        self.account = account
        self.region = region
        self.description = description
        self.tags = tags
        self.terminationProtection = terminationProtection
        self.defaults = defaults
        self.bootstrap = bootstrap
        self.body = content()
    }

    /// `aws://ACCOUNT/REGION`, with `unknown-account` and `unknown-region` for what is not set, as in a CDK
    /// cloud assembly.
    public var environment: String {
        "aws://\(account ?? "unknown-account")/\(region ?? "unknown-region")"
    }
}

/// Builds the list of stacks in an ``App``.
@resultBuilder
public enum StackBuilder {
    /// One statement of the body: the stack, as a list of one.
    public static func buildExpression(_ stack: Stack) -> [Stack] { [stack] }
    /// The statements of a block, stacks in the order they are written.
    public static func buildBlock(_ components: [Stack]...) -> [Stack] { components.flatMap { $0 } }
    /// An `if` without `else`: its stacks when the condition holds, none otherwise.
    public static func buildOptional(_ component: [Stack]?) -> [Stack] { component ?? [] }
    /// The stacks of the first branch of an `if`/`else` or `switch` that was taken.
    public static func buildEither(first component: [Stack]) -> [Stack] { component }
    /// The stacks of the second branch of an `if`/`else` or `switch` that was taken.
    public static func buildEither(second component: [Stack]) -> [Stack] { component }
    /// A `for` loop: the stacks of every iteration, in order.
    public static func buildArray(_ components: [[Stack]]) -> [Stack] { components.flatMap { $0 } }
}
