import FormworkCore
import FormworkL1
import OrderedCollections

/// A Systems Manager parameter holding a string (CDK's `ssm.StringParameter`): configuration kept outside the
/// code, read by functions at run time or resolved into templates.
///
/// ```swift
/// let endpoint = StringParameter("PaymentsEndpoint", value: "https://payments.example.com", parameterName: "/shop/payments/endpoint")
/// let checkout = Function("Checkout", ..., environment: ["PAYMENTS_PARAMETER": endpoint.name])
/// endpoint
/// endpoint.grant(.read, to: checkout)
/// ```
public struct StringParameter: IdentifiedConstruct {
    public let id: String
    public let identity = ConstructIdentity()
    /// The parameter's value.
    public var value: Value
    /// The parameter's name; CloudFormation generates one when not given.
    public var parameterName: String?
    /// The parameter's `Description`, up to 1,024 characters; `nil`: none.
    public var description: String?
    /// A regular expression the value must match.
    public var allowedPattern: String?
    /// The parameter's tier (`Tier`); `nil`: not written, so Systems Manager's ``Tier/standard``, as in CDK.
    public var tier: Tier?
    /// What the value is (`DataType`); `nil`: not written, so ``DataType/text``, as in CDK.
    public var dataType: DataType?

    /// Systems Manager's parameter tiers.
    public enum Tier: String, Sendable {
        /// Values up to 4 KB, no parameter policies, no charge (`Standard`).
        case standard = "Standard"
        /// Values up to 8 KB and parameter policies, charged per parameter (`Advanced`); cannot go back to standard.
        case advanced = "Advanced"
        /// Standard unless the value or a policy needs advanced, chosen by Systems Manager (`Intelligent-Tiering`).
        case intelligentTiering = "Intelligent-Tiering"
    }

    /// What the value is: text, or an EC2 image id Systems Manager checks.
    public enum DataType: String, Sendable {
        /// Any text (`text`).
        case text
        /// An AMI id (`ami-...`) that Systems Manager checks exists before storing it (`aws:ec2:image`).
        case awsEC2Image = "aws:ec2:image"
    }

    /// A string parameter holding `value`.
    public init(
        _ id: String, value: Value, parameterName: String? = nil, description: String? = nil, allowedPattern: String? = nil,
        tier: Tier? = nil, dataType: DataType? = nil
    ) {
        self.id = id
        self.value = value
        self.parameterName = parameterName
        self.description = description
        self.allowedPattern = allowedPattern
        self.tier = tier
        self.dataType = dataType
    }

    /// `{"Ref": parameter}`: the parameter's name.
    public var name: Value { .reference(Reference(to: self, element: ["Resource"], form: .ref)) }
    /// The value as CloudFormation reads it back (`Fn::GetAtt [Parameter, Value]`).
    public var stringValue: Value { .reference(Reference(to: self, element: ["Resource"], form: .getAtt(CfnSSM.Parameter.Attribute.value.rawValue))) }
    /// The parameter's ARN, as CDK writes it: a name given with a leading `/` joins `parameter` directly,
    /// any other `parameter/`.
    public var arn: Value {
        if parameterName?.hasPrefix("/") == true {
            return "arn:\(Aws.partition):ssm:\(Aws.region):\(Aws.accountId):parameter\(name)"
        }
        return "arn:\(Aws.partition):ssm:\(Aws.region):\(Aws.accountId):parameter/\(name)"
    }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        if let parameterName, !Self.isValidName(parameterName) {
            throw SynthesisError(
                .invalidSetting, paths: [scope.path],
                "the parameter name '\(parameterName)' is not valid: use letters, digits and . - _ / (at most 1,011 characters, no 'aws' or 'ssm' prefix)")
        }
        var parameter = CfnSSM.Parameter(type: "String", value: value)
        parameter.allowedPattern = allowedPattern.map { .string($0) }
        parameter.dataType = dataType.map { .string($0.rawValue) }
        parameter.description = description.map { .string($0) }
        parameter.name = parameterName.map { .string($0) }
        parameter.tier = tier.map { .string($0.rawValue) }
        try scope.declareResource(parameter)
    }

    /// Systems Manager's rule for names: `[a-zA-Z0-9_.\-/]`, at most 1,011 characters, no reserved prefix.
    static func isValidName(_ name: String) -> Bool {
        let lowered = name.lowercased().drop { $0 == "/" }
        return !name.isEmpty && name.count <= 1_011 && !lowered.hasPrefix("aws") && !lowered.hasPrefix("ssm")
            && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_.-/".contains($0)) }
    }
}
