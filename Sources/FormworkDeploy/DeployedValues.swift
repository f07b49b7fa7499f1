import FormworkCloud
import FormworkTemplate
import Foundation

/// What a template's values evaluate to in a deployed stack, without CloudFormation: `Ref` and `Fn::GetAtt`
/// of its resources from their physical IDs, pseudo parameters, `Fn::Join` and `Fn::Sub`. A hotswap writes
/// these values to the services directly, so what cannot be known here (an attribute only CloudFormation
/// reads from the service, an import) makes the change one CloudFormation must make.
struct DeployedValues: Sendable {
    /// The deployed resources, by logical ID.
    let resources: [String: CloudFormationClient.StackResource]
    let account: String
    let region: String
    /// The template being deployed: its parameters' defaults stand for their values.
    let template: Template
    /// The versions a hotswap publishes, by logical ID: the function's name and the version's number.
    var published: [String: (function: String, version: String)] = [:]

    /// The values of `template` in the stack whose deployed resources are `resources`.
    init(resources: [CloudFormationClient.StackResource], account: String, region: String, template: Template) {
        self.resources = Dictionary(resources.map { ($0.logicalId, $0) }, uniquingKeysWith: { first, _ in first })
        self.account = account
        self.region = region
        self.template = template
    }

    /// Why a value cannot be evaluated.
    struct Unknown: Error, Sendable {
        let reason: String
    }

    var partition: String {
        region.hasPrefix("cn-") ? "aws-cn" : region.hasPrefix("us-gov-") ? "aws-us-gov" : "aws"
    }

    /// `value` with every intrinsic function evaluated.
    func evaluate(_ value: JSONValue) throws(Unknown) -> JSONValue {
        switch value {
        case .array(let elements):
            var evaluated: [JSONValue] = []
            for element in elements { evaluated.append(try evaluate(element)) }
            return .array(evaluated)
        case .object(let members):
            if members.count == 1, let name = members.keys.first, let argument = members.values.first, name == "Ref" || name.hasPrefix("Fn::") {
                return try function(name, argument)
            }
            var evaluated = members
            for (key, member) in members { evaluated[key] = try evaluate(member) }
            return .object(evaluated)
        default:
            return value
        }
    }

    /// `value` evaluated to a string.
    func string(_ value: JSONValue) throws(Unknown) -> String {
        switch try evaluate(value) {
        case .string(let text): return text
        case .number(let number): return number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .numberText(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case let other: throw Unknown(reason: "a \(other.kindName) stands where a string is needed")
        }
    }

    private func function(_ name: String, _ argument: JSONValue) throws(Unknown) -> JSONValue {
        switch name {
        case "Ref":
            guard let target = argument.stringValue else { throw Unknown(reason: "a Ref of something other than a name") }
            return .string(try ref(target))
        case "Fn::GetAtt":
            let parts: [String]
            if let text = argument.stringValue {
                parts = text.split(separator: ".", maxSplits: 1).map(String.init)
            } else {
                parts = (argument.arrayValue ?? []).compactMap(\.stringValue)
            }
            guard parts.count == 2 else { throw Unknown(reason: "an Fn::GetAtt that is not [resource, attribute]") }
            return .string(try attribute(parts[1], of: parts[0]))
        case "Fn::Join":
            guard let arguments = argument.arrayValue, arguments.count == 2, let separator = arguments[0].stringValue,
                case .array(let elements) = try evaluate(arguments[1])
            else {
                throw Unknown(reason: "an Fn::Join that is not [separator, list]")
            }
            var texts: [String] = []
            for element in elements { texts.append(try string(element)) }
            return .string(texts.joined(separator: separator))
        case "Fn::Sub":
            return .string(try substitute(argument))
        case "Fn::Select":
            guard let arguments = argument.arrayValue, arguments.count == 2, let index = Int(try string(arguments[0])),
                case .array(let elements) = try evaluate(arguments[1]), elements.indices.contains(index)
            else {
                throw Unknown(reason: "an Fn::Select out of its list")
            }
            return elements[index]
        case "Fn::Split":
            guard let arguments = argument.arrayValue, arguments.count == 2, let separator = arguments[0].stringValue, !separator.isEmpty else {
                throw Unknown(reason: "an Fn::Split that is not [separator, text]")
            }
            return .array(try string(arguments[1]).components(separatedBy: separator).map(JSONValue.string))
        default:
            throw Unknown(reason: "\(name) is evaluated by CloudFormation only")
        }
    }

    private func ref(_ target: String) throws(Unknown) -> String {
        switch target {
        case "AWS::AccountId": return account
        case "AWS::Region": return region
        case "AWS::Partition": return partition
        case "AWS::URLSuffix": return region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
        case "AWS::NoValue": throw Unknown(reason: "AWS::NoValue")
        default: break
        }
        if let resource = resources[target] { return resource.physicalId }
        if let version = published[target] { return "arn:\(partition):lambda:\(region):\(account):function:\(version.function):\(version.version)" }
        if let parameter = template.parameters[target], let value = parameter.json["Default"], !target.hasPrefix("AWS::") {
            guard let text = value.stringValue ?? value.numberValue.map({ String($0) }) else {
                throw Unknown(reason: "the parameter \(target) has no default a hotswap can use")
            }
            return text
        }
        throw Unknown(reason: "\(target) is not a deployed resource (or its value is CloudFormation's to give)")
    }

    /// The attributes whose value follows from a resource's physical ID, by type; others are CloudFormation's.
    private func attribute(_ name: String, of logicalId: String) throws(Unknown) -> String {
        if let version = published[logicalId], name == "Version" { return version.version }
        guard let resource = resources[logicalId] else { throw Unknown(reason: "\(logicalId) is not a deployed resource") }
        let id = resource.physicalId
        let last = String(id.split(separator: "/").last ?? Substring(id))
        let arn = { (service: String, resource: String) in "arn:\(partition):\(service):\(region):\(account):\(resource)" }
        switch (resource.type, name) {
        case ("AWS::Lambda::Function", "Arn"): return arn("lambda", "function:\(id)")
        case ("AWS::Lambda::Version", "Version"): return String(id.split(separator: ":").last ?? Substring(id))
        case ("AWS::SQS::Queue", "Arn"): return arn("sqs", last)
        case ("AWS::SQS::Queue", "QueueName"): return last
        case ("AWS::SQS::Queue", "QueueUrl"): return id
        case ("AWS::SNS::Topic", "TopicArn"): return id
        case ("AWS::SNS::Topic", "TopicName"): return String(id.split(separator: ":").last ?? Substring(id))
        case ("AWS::DynamoDB::Table", "Arn"): return arn("dynamodb", "table/\(id)")
        case ("AWS::S3::Bucket", "Arn"): return "arn:\(partition):s3:::\(id)"
        case ("AWS::IAM::Role", "Arn"): return "arn:\(partition):iam::\(account):role/\(id)"
        case ("AWS::StepFunctions::StateMachine", "Arn"): return id
        case ("AWS::StepFunctions::StateMachine", "Name"): return String(id.split(separator: ":").last ?? Substring(id))
        case ("AWS::Events::EventBus", "Arn"): return arn("events", "event-bus/\(id)")
        case ("AWS::Events::EventBus", "Name"): return id
        case ("AWS::Kinesis::Stream", "Arn"): return arn("kinesis", "stream/\(id)")
        case ("AWS::Logs::LogGroup", "Arn"): return arn("logs", "log-group:\(id):*")
        default: throw Unknown(reason: "\(name) of \(logicalId) (\(resource.type)) is read by CloudFormation from the service")
        }
    }

    /// `Fn::Sub`'s text with its `${Name}`, `${Name.Attribute}` and `${!Literal}` replaced.
    private func substitute(_ argument: JSONValue) throws(Unknown) -> String {
        let text: String
        var variables: [String: String] = [:]
        if let plain = argument.stringValue {
            text = plain
        } else if let parts = argument.arrayValue, parts.count == 2, let body = parts[0].stringValue, let map = parts[1].objectValue {
            text = body
            for (key, value) in map { variables[key] = try string(value) }
        } else {
            throw Unknown(reason: "an Fn::Sub that is not a text or [text, variables]")
        }
        var result = ""
        var rest = Substring(text)
        while let open = rest.range(of: "${") {
            result += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else {
                result += rest[open.lowerBound...]
                return result
            }
            let name = String(rest[open.upperBound..<close])
            if name.hasPrefix("!") {
                result += "${" + name.dropFirst() + "}"
            } else if let value = variables[name] {
                result += value
            } else if let dot = name.firstIndex(of: "."), !name.hasPrefix("AWS::") {
                result += try attribute(String(name[name.index(after: dot)...]), of: String(name[..<dot]))
            } else {
                result += try ref(name)
            }
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
