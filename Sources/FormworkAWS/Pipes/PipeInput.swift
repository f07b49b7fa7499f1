import FormworkCore
import FormworkTemplate
import OrderedCollections

/// What a pipe passes on to its enrichment or target in place of the event (CDK's `InputTransformation`):
/// written as the `InputTemplate`, where `<$.path>` stands for a part of the event.
///
/// ```swift
/// .object(["orderId": .path("$.dynamodb.Keys.pk.S"), "kind": .value("order")])
/// // {"orderId":<$.dynamodb.Keys.pk.S>,"kind":"order"}
/// ```
public enum PipeInput: Sendable, Equatable {
    /// A fixed text, or a template written by hand.
    case text(String)
    /// One part of the event, selected by a JSON path such as `$.body`.
    case path(String)
    /// A JSON object of fixed values and parts of the event, in the order given.
    case object(OrderedDictionary<String, Field>)

    /// A member of an ``object(_:)`` input.
    public enum Field: Sendable, Equatable {
        /// The part of the event at a JSON path such as `$.body.orderId`.
        case path(String)
        /// A fixed JSON value; it cannot reference other resources.
        case value(Value)
    }

    /// The `InputTemplate` text, as CDK writes it.
    func template(at scope: ConstructScope) throws(SynthesisError) -> String {
        switch self {
        case .text(let text):
            return text
        case .path(let path):
            return "<\(path)>"
        case .object(let fields):
            let writer = JSONWriter(style: .compact)
            var members: [String] = []
            for (name, field) in fields {
                let text: String
                switch field {
                case .path(let path):
                    text = "<\(path)>"
                case .value(let value):
                    guard let json = value.json else {
                        throw SynthesisError(
                            .invalidSetting, paths: [scope.path],
                            "the pipe input field '\(name)' references another resource; an input template holds fixed values and event paths only")
                    }
                    text = writer.string(from: json)
                }
                members.append(writer.string(from: .string(name)) + ":" + text)
            }
            return "{" + members.joined(separator: ",") + "}"
        }
    }
}
