import FormworkTemplate

/// The `Rules` section, as CloudFormation reads it before it creates anything: each rule lists its
/// `Assertions` (each with an `Assert`), and may reference only parameters, through the rule functions.
extension ValidationRun {
    /// The functions a rule's `RuleCondition` and `Assert` may use.
    static let ruleFunctions: Set<String> = [
        "Fn::And", "Fn::Contains", "Fn::EachMemberEquals", "Fn::EachMemberIn", "Fn::Equals", "Fn::Not", "Fn::Or",
        "Fn::RefAll", "Fn::ValueOf", "Fn::ValueOfAll", "Ref",
    ]

    mutating func checkRules() {
        for (name, rule) in template.rules {
            let path = ["Rules", name]
            guard case .object(let members) = rule else {
                error("rules", path, "a rule is an object with Assertions (and an optional RuleCondition)")
                continue
            }
            for key in members.keys where key != "Assertions" && key != "RuleCondition" {
                error("rules", path + [key], "'\(key)' is not part of a rule; a rule has Assertions and an optional RuleCondition")
            }
            guard case .array(let assertions)? = members["Assertions"], !assertions.isEmpty else {
                error("rules", path + ["Assertions"], "a rule needs a list of Assertions, each with an Assert")
                continue
            }
            for (index, assertion) in assertions.enumerated() where assertion["Assert"] == nil {
                error("rules", path + ["Assertions", String(index)], "an assertion needs an Assert")
            }
            if let condition = members["RuleCondition"] { checkRuleExpression(condition, path: path + ["RuleCondition"], isCondition: true) }
            for (index, assertion) in assertions.enumerated() {
                if let expression = assertion["Assert"] {
                    checkRuleExpression(expression, path: path + ["Assertions", String(index), "Assert"], isCondition: true)
                }
            }
        }
    }

    /// The rule functions that yield a Boolean, which a `RuleCondition` or an `Assert` is written with.
    static let ruleConditionFunctions: Set<String> = [
        "Fn::And", "Fn::Contains", "Fn::EachMemberEquals", "Fn::EachMemberIn", "Fn::Equals", "Fn::Not", "Fn::Or",
    ]

    /// The functions of a rule expression are rule functions, and its references name parameters; a
    /// `RuleCondition` or `Assert` itself (`isCondition`) is a function that yields a Boolean.
    private mutating func checkRuleExpression(_ value: JSONValue, path: [String], isCondition: Bool = false) {
        if isCondition, value.objectValue.map({ $0.count == 1 && Self.ruleConditionFunctions.contains($0.keys[0]) }) != true {
            error("rules", path, "\(path.last ?? "") is a condition written with \(Self.ruleConditionFunctions.sorted().joined(separator: ", "))")
        }
        switch value {
        case .object(let members) where members.count == 1:
            let (function, argument) = (members.keys[0], members.values[0])
            if function == "Ref" || function.hasPrefix("Fn::") {
                if !Self.ruleFunctions.contains(function) {
                    error("rules", path, "\(function) cannot be used in Rules; use \(Self.ruleFunctions.sorted().joined(separator: ", "))")
                } else if function == "Ref", case .string(let target) = argument, !target.hasPrefix("AWS::"), template.parameters[target] == nil {
                    error("rules", path, "Rules may reference only parameters; '\(target)' is not a parameter")
                }
            }
            checkRuleExpression(argument, path: path + [function])
        case .object(let members):
            for (key, member) in members { checkRuleExpression(member, path: path + [key]) }
        case .array(let elements):
            for (index, element) in elements.enumerated() { checkRuleExpression(element, path: path + [String(index)]) }
        default:
            break
        }
    }
}
