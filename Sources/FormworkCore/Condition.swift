import FormworkTemplate

/// A template condition: a Boolean expression over parameters that decides whether resources and outputs
/// are created, and picks values with `Fn::If`.
///
/// ```swift
/// let isProd = Condition("IsProd", .equals(stage.value, "prod"))
/// Resource("Alarm", type: "AWS::CloudWatch::Alarm", properties: [...]).condition(isProd)
/// Resource("Queue", type: "AWS::SQS::Queue", properties: ["DelaySeconds": .if(isProd, 0, 5)])
/// ```
public struct Condition: IdentifiedConstruct {
    public let id: String
    public let identity = ConstructIdentity()
    /// The condition's expression: `Fn::Equals`, `Fn::And`, `Fn::Or`, `Fn::Not` or `Condition`.
    public let expression: Value

    /// A condition named by `id`'s logical ID, true when `expression` is.
    public init(_ id: String, _ expression: Value) {
        self.id = id
        self.expression = expression
    }

    /// A reference that resolves to the condition's name.
    var reference: Reference { Reference(to: self, form: .logicalId) }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        try scope.declare(.condition(expression))
    }
}

extension Value {
    /// `{"Fn::If": [condition, whenTrue, whenFalse]}`.
    public static func `if`(_ condition: Condition, _ whenTrue: Value, _ whenFalse: Value) -> Value {
        .intrinsic("Fn::If", [.reference(condition.reference), whenTrue, whenFalse])
    }

    /// `{"Condition": name}`: another condition, inside a condition's expression.
    public static func condition(_ condition: Condition) -> Value {
        .intrinsic("Condition", .reference(condition.reference))
    }
}
