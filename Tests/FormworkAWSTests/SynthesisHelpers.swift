import FormworkAWS
import FormworkCore
import FormworkTemplate

/// Synthesizes one stack named `Test` and returns its template.
func synthesize(@ConstructBuilder _ content: () -> [any Construct]) throws -> Template {
    try App { Stack("Test", content: content) }.synthesize().stacks[0].template
}

/// The synthesis error one stack named `Test` raises, if any.
func synthesisError(@ConstructBuilder _ content: () -> [any Construct]) -> SynthesisError? {
    do {
        _ = try App { Stack("Test", content: content) }.synthesize()
        return nil
    } catch {
        return error
    }
}

/// The reference app's inline Node.js function.
func inlineFunction(_ id: String, tracing: Function.Tracing? = nil) -> Function {
    Function(id, runtime: .nodejs22, handler: "index.handler", code: .inline("exports.handler = async () => ({});"), tracing: tracing)
}

/// The logical ID CDK gives the element at `path` below the stack (`"Fn/ServiceRole/Resource"`).
func logicalId(_ path: String) -> String {
    LogicalId.make(path.split(separator: "/").map(String.init)) ?? ""
}
