import FormworkCore
import OrderedCollections

/// What a task passes to the service it calls (CDK's `sfn.TaskInput`): a fixed text, a JSON value (whose members
/// ending in `.$` are JSON paths into the state's input), or a JSON path whose value is taken from the input when
/// the state runs.
///
/// ```swift
/// State.snsPublish("Notify", topic: alerts, message: .jsonPath("$.detail.summary"))
/// State.sqsSendMessage("Forward", queue: jobs, messageBody: ["id.$": "$.id"])
/// ```
public enum TaskInput: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByDictionaryLiteral {
    /// Fixed text (`TaskInput.fromText`), written as it is.
    case text(String)
    /// A JSON value (`TaskInput.fromObject`), written as it is.
    case value(Value)
    /// The value at a JSON path of the state's input (`TaskInput.fromJsonPathAt`), such as `$.body`: the field is
    /// written as `Field.$`.
    case jsonPath(String)

    /// Fixed text.
    public init(stringLiteral value: String) {
        self = .text(value)
    }

    /// A JSON object; members whose names end in `.$` are JSON paths.
    public init(dictionaryLiteral elements: (String, Value)...) {
        self = .value(.object(OrderedDictionary(elements, uniquingKeysWith: { $1 })))
    }

    /// Writes the input as the parameter `field` of `parameters`: `field` for a text or value, `field.$` for a path.
    func write(as field: String, into parameters: inout OrderedDictionary<String, Value>) {
        switch self {
        case .text(let text): parameters[field] = .string(text)
        case .value(let value): parameters[field] = value
        case .jsonPath(let path): parameters[field + ".$"] = .string(path)
        }
    }
}
