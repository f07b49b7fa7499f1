import FormworkTemplate

/// What CloudFormation checks of `Parameters` before it creates anything: a known type, and a default that
/// meets the parameter's own constraints.
extension ValidationRun {
    /// The parameter types CloudFormation accepts (AWS-specific ones also as `List<...>`), beyond
    /// `AWS::SSM::Parameter::Value<...>`.
    static let parameterTypes: Set<String> = [
        "String", "Number", "List<Number>", "CommaDelimitedList", "AWS::SSM::Parameter::Name",
        "AWS::EC2::AvailabilityZone::Name", "AWS::EC2::Image::Id", "AWS::EC2::Instance::Id", "AWS::EC2::KeyPair::KeyName",
        "AWS::EC2::SecurityGroup::GroupName", "AWS::EC2::SecurityGroup::Id", "AWS::EC2::Subnet::Id", "AWS::EC2::Volume::Id",
        "AWS::EC2::VPC::Id", "AWS::Route53::HostedZone::Id",
    ]

    mutating func checkParameters() {
        for (name, parameter) in template.parameters {
            let path = ["Parameters", name]
            let type = parameter.type
            let listed = type.hasPrefix("List<") && type.hasSuffix(">") ? String(type.dropFirst(5).dropLast()) : type
            let known =
                Self.parameterTypes.contains(type) || Self.parameterTypes.contains(listed)
                || (type.hasPrefix("AWS::SSM::Parameter::Value<") && type.hasSuffix(">"))
            guard known else {
                let names = Self.parameterTypes.sorted()
                error("parameter-type", path + ["Type"], "'\(type)' is not a parameter type.\(suggestion(for: type, among: .names(names)))")
                continue
            }
            guard let value = parameter.defaultValue else { continue }
            checkDefault(value, of: parameter, path: path + ["Default"])
        }
    }

    /// The default value against the parameter's `AllowedValues`, `AllowedPattern`, lengths and bounds.
    private mutating func checkDefault(_ value: JSONValue, of parameter: Template.Parameter, path: [String]) {
        let text = value.stringValue ?? value.numberValue.map { JSONWriter(style: .compact).string(from: .number($0)) } ?? ""
        let items =
            parameter.type.hasPrefix("List<") || parameter.type == "CommaDelimitedList"
            ? text.split(separator: ",", omittingEmptySubsequences: false).map(String.init) : [text]
        if parameter.type == "Number" || parameter.type == "List<Number>", let bad = items.first(where: { Double($0.trimmed) == nil }) {
            error("parameter-default", path, "the default '\(bad)' is not a number, which the parameter's type \(parameter.type) asks for")
            return
        }
        if let allowed = parameter.allowedValues {
            let options = allowed.compactMap { $0.stringValue ?? $0.numberValue.map { JSONWriter(style: .compact).string(from: .number($0)) } }
            for item in items where !options.contains(item) && !options.contains(item.trimmed) {
                error("parameter-default", path, "the default '\(item)' is not one of the allowed values \(options.map { "'\($0)'" }.joined(separator: ", "))")
            }
        }
        // Matched in linear time: a pattern the bounded engine does not cover, or a match that would take more
        // than its budget of steps, is not checked.
        if let pattern = parameter.allowedPattern, let regex = BoundedRegex(pattern) {
            for item in items where regex.fitsBudget(item) && !regex.wholeMatch(item) {
                error("parameter-default", path, "the default '\(item)' does not match the allowed pattern \(pattern)")
            }
        }
        if let minimum = parameter.minLength?.numberValue, Double(text.count) < minimum {
            error("parameter-default", path, "the default is \(text.count) characters, fewer than the minimum length \(minimum.messageText)")
        }
        if let maximum = parameter.maxLength?.numberValue, Double(text.count) > maximum {
            error("parameter-default", path, "the default is \(text.count) characters, more than the maximum length \(maximum.messageText)")
        }
        for item in items {
            guard let number = Double(item.trimmed) else { continue }
            if let minimum = parameter.minValue?.numberValue, number < minimum {
                error("parameter-default", path, "the default \(item) is below the minimum value \(minimum.formatted)")
            }
            if let maximum = parameter.maxValue?.numberValue, number > maximum {
                error("parameter-default", path, "the default \(item) is above the maximum value \(maximum.formatted)")
            }
        }
    }
}

private extension String {
    var trimmed: String { String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()) }
}

private extension Double {
    var formatted: String { JSONWriter(style: .compact).string(from: .number(self)) }
}
