import FormworkSchema

/// A Formwork app: the stacks one program synthesizes.
///
/// ```swift
/// let app = App {
///     Stack("Shared") { ... }
///     Stack("Orders") { ... }
/// }
/// let assembly = try app.synthesize()
/// ```
public struct App: Sendable {
    /// The app's stacks, in the order they were written.
    public let stacks: [Stack]

    /// An app of the stacks `content` builds.
    public init(@StackBuilder content: () -> [Stack]) {
        self.stacks = content()
    }

    /// An app of `stacks`.
    public init(stacks: [Stack]) {
        self.stacks = stacks
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
