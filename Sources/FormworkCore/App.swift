import FormworkSchema

/// A Formwork app: the stacks one program synthesizes.
///
/// An app moved from CDK says `App(defaults: .cdk)`, so that options it does not give get CDK's values
/// (see ``DefaultsProfile``).
///
/// ```swift
/// let app = App {
///     Stack("Shared") { ... }
///     Stack("Orders") { ... }
/// }
/// let assembly = try app.synthesize()
/// ```
public struct App: Sendable {
    /// The app's stacks, in the order they were written, each with its defaults profile set.
    public let stacks: [Stack]
    /// The defaults of the stacks that do not choose their own.
    public let defaults: DefaultsProfile
    /// The bootstrap of the stacks that do not choose their own: CDK's default qualifier `hnb659fds` unless
    /// given (CDK's `@aws-cdk/core:bootstrapQualifier`, `cdk bootstrap --qualifier`).
    public let bootstrap: BootstrapNames

    /// An app of the stacks `content` builds, with `defaults` and `bootstrap` for the stacks that do not choose.
    public init(defaults: DefaultsProfile = .formwork, bootstrap: BootstrapNames = .default, @StackBuilder content: () -> [Stack]) {
        self.init(defaults: defaults, bootstrap: bootstrap, stacks: content())
    }

    /// An app of `stacks`, with `defaults` and `bootstrap` for the stacks that do not choose.
    public init(defaults: DefaultsProfile = .formwork, bootstrap: BootstrapNames = .default, stacks: [Stack]) {
        self.defaults = defaults
        self.bootstrap = bootstrap
        self.stacks = stacks.map { stack in
            var stack = stack
            stack.defaults = stack.defaults ?? defaults
            stack.bootstrap = stack.bootstrap ?? bootstrap
            return stack
        }
    }

    /// Synthesizes every stack: collect, expand, resolve, validate, and the templates of the assembly.
    ///
    /// Every template is validated against the CloudFormation resource schemas (see `TemplateValidator`):
    /// what CloudFormation would reject stops the synthesis here, in milliseconds, not minutes into a
    /// deploy. Pass `validator: nil` only to measure what validation costs.
    ///
    /// - Throws: ``SynthesisError`` naming the construct paths of the problems found.
    public func synthesize(validator: TemplateValidator? = TemplateValidator()) throws(SynthesisError) -> CloudAssembly {
        try Synthesizer(stacks: stacks, validator: validator).run()
    }
}
