import FormworkTemplate

/// A template parameter: a value chosen when the stack is deployed.
///
/// ```swift
/// let stage = Parameter("Stage", type: "String", default: "dev", allowedValues: ["dev", "prod"])
/// Resource("Queue", type: "AWS::SQS::Queue", properties: ["QueueName": "orders-\(stage.value)"])
/// ```
public struct Parameter: IdentifiedConstruct {
    public let id: String
    public let identity = ConstructIdentity()
    /// The parameter as the template declares it.
    public let definition: Template.Parameter

    /// A parameter of `type` (`String`, `Number`, `CommaDelimitedList`, `AWS::SSM::Parameter::Value<String>`, ...).
    public init(
        _ id: String,
        type: String = "String",
        default defaultValue: JSONValue? = nil,
        description: String? = nil,
        allowedValues: [JSONValue]? = nil,
        allowedPattern: String? = nil,
        constraintDescription: String? = nil,
        minLength: Int? = nil,
        maxLength: Int? = nil,
        minValue: Double? = nil,
        maxValue: Double? = nil,
        noEcho: Bool? = nil
    ) {
        self.id = id
        self.definition = Template.Parameter(
            type: type, defaultValue: defaultValue, allowedPattern: allowedPattern, allowedValues: allowedValues,
            constraintDescription: constraintDescription, description: description,
            maxLength: maxLength.map { .number(Double($0)) }, maxValue: maxValue.map(JSONValue.number),
            minLength: minLength.map { .number(Double($0)) }, minValue: minValue.map(JSONValue.number), noEcho: noEcho)
    }

    /// `{"Ref": logicalId}`: the value given at deploy time.
    public var value: Value { .reference(Reference(to: self, form: .ref)) }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        try scope.declare(.parameter(definition))
    }
}
