import FormworkCore
import FormworkTemplate
import OrderedCollections
import Testing

/// The synthesized template of one stack, to assert on in a test (CDK's `assertions.Template`).
///
/// Synthesize a stack (or one stack of an app) in memory, then assert: each assertion that fails records a
/// Swift Testing issue at the line that called it, saying where in the template the closest candidate
/// differs, and goes on, so one test run shows every failure.
///
/// ```swift
/// import FormworkTesting
/// import Testing
///
/// @Test func ordersWaitThreeMinutesBeforeRetry() throws {
///     let orders = try StackTemplate(of: "ShopOrders", in: ShopApp.app)
///     orders.hasResourceProperties("AWS::SQS::Queue", ["VisibilityTimeout": 180, "FifoQueue": .absent])
///     orders.resourceCountIs("AWS::Lambda::Function", 12)
/// }
/// ```
public struct StackTemplate: Sendable {
    /// The template.
    public let template: Template
    /// The stack as synthesized — construct paths, tags, the construct of each resource; `nil` for a
    /// template read from text.
    public let artifact: CloudAssembly.StackArtifact?

    /// The template as JSON, as it is written to the cloud assembly (CDK's `toJSON()`); made once, as every
    /// assertion reads it.
    public let json: JSONValue
    /// How the stack's constructs find their resources; `nil` for a template read from text.
    let references: ConstructReferences?

    /// The template of `stack`, synthesized alone in an app of `defaults` (CDK's `Template.fromStack`).
    ///
    /// - Throws: ``SynthesisError`` when the stack does not synthesize, as `synth` would report it.
    public init(of stack: Stack, defaults: DefaultsProfile = .formwork) throws(SynthesisError) {
        try self.init(of: stack.name, in: App(defaults: defaults, stacks: [stack]))
    }

    /// The template of the stack named `name` of `app`, synthesized with the whole app, so that references
    /// between its stacks resolve as they do in `synth`.
    ///
    /// - Throws: ``SynthesisError`` when the app does not synthesize or has no stack of that name.
    public init(of name: String, in app: App) throws(SynthesisError) {
        let assembly = try app.synthesize()
        guard let artifact = assembly.stack(named: name) else {
            throw SynthesisError(
                .unknownStack, paths: [name], "the app has no stack named '\(name)'; its stacks are \(assembly.stacks.map(\.name).joined(separator: ", "))")
        }
        self.init(artifact: artifact)
    }

    /// The template of a stack of a synthesized assembly.
    public init(artifact: CloudAssembly.StackArtifact) {
        self.template = artifact.template
        self.artifact = artifact
        self.json = artifact.template.json
        self.references = ConstructReferences(artifact)
    }

    /// A template given as a value (CDK's `Template.fromJSON`); it knows no constructs.
    public init(_ template: Template) {
        self.template = template
        self.artifact = nil
        self.json = template.json
        self.references = nil
    }

    /// A template read from JSON or YAML text (CDK's `Template.fromString`), the format told by its first
    /// character unless given.
    ///
    /// - Throws: `TemplateReadError` with the line and column of what cannot be read.
    public init(text: String, format: TemplateFormat? = nil) throws(TemplateReadError) {
        self.init(try Template.parse(text, format: format, file: "template"))
    }

    // MARK: Construct paths

    /// The construct path of the element `logicalId` (`ShopOrders/OrderIntake/Queue/Resource`), when the
    /// template was synthesized here.
    public func constructPath(of logicalId: String) -> String? {
        artifact?.constructPath(ofLogicalId: logicalId)
    }

    /// `logicalId`, with its construct path when known: `OrderIntakeQueue1A2B3C4D (ShopOrders/OrderIntake/Queue/Resource)`.
    func describe(_ logicalId: String) -> String {
        constructPath(of: logicalId).map { "\(logicalId) (\($0))" } ?? logicalId
    }
}
