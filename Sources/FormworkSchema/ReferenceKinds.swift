import FormworkTemplate

/// What a `Ref` yields, by the name it names: a list for a list parameter (`List<…>`, `CommaDelimitedList`,
/// and their SSM forms) and for `AWS::NotificationARNs`; a string for any other parameter, pseudo parameter
/// and resource. A name the template does not declare has no entry (its error is reported apart).
struct ReferenceKinds: Sendable {
    private var lists: Set<String> = []
    private var scalars: Set<String> = []

    /// No names: every `Ref` may yield anything.
    init() {}

    /// The names `template` declares.
    init(_ template: Template) {
        for (name, parameter) in template.parameters {
            if Self.isList(parameterType: parameter.type) { lists.insert(name) } else { scalars.insert(name) }
        }
        scalars.formUnion(template.resources.keys)
    }

    /// Whether a parameter of `type` holds a list.
    static func isList(parameterType type: String) -> Bool {
        type.hasPrefix("List<") || type == "CommaDelimitedList"
            || type.hasPrefix("AWS::SSM::Parameter::Value<List<") || type == "AWS::SSM::Parameter::Value<CommaDelimitedList>"
    }

    /// What a `Ref` to `name` yields, when it is known.
    subscript(name: String) -> IntrinsicFunction.Yield? {
        if name == PseudoParameter.notificationARNs.rawValue || lists.contains(name) { return .list }
        if scalars.contains(name) || PseudoParameter(rawValue: name) != nil { return .string }
        return nil
    }
}
