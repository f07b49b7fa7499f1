import Foundation

/// The `format` of a string property, as cfn-lint checks it (rules E1103 and E1150–E1164): network
/// addresses, and the identifiers and ARNs of the resources a property names (`AWS::EC2::VPC.Id`,
/// `AWS::IAM::Role.Arn`, …).
///
/// Formats Formwork does not check (`date-time`, `json`, `AWS::SQS::Queue.Arn`, …) compile to `nil`: every
/// value passes them.
enum StringFormat: Sendable {
    /// An identifier or ARN that must match `pattern`.
    case identifier(name: String, pattern: SchemaPattern)
    /// An IPv4 address, `10.0.0.1`.
    case ipv4
    /// An IPv4 network, `10.0.0.0/16`, without host bits set.
    case ipv4Network
    /// An IPv6 address, `2001:db8::1`.
    case ipv6
    /// An IPv6 network, `2001:db8::/32`, without host bits set.
    case ipv6Network

    /// The format named `name` in a schema, or `nil` when Formwork does not check it.
    init?(name: String) {
        switch name {
        case "ipv4": self = .ipv4
        case "ipv4-network": self = .ipv4Network
        case "ipv6": self = .ipv6
        case "ipv6-network": self = .ipv6Network
        default:
            guard let pattern = Self.identifierPatterns[name] else { return nil }
            self = .identifier(name: name, pattern: pattern)
        }
    }

    /// The ARN prefix of every partition (`arn:aws:`, `arn:aws-cn:`, `arn:aws-us-gov:`).
    private static let arn = "^arn:aws[a-zA-Z-]*:"

    /// The identifier formats cfn-lint checks, with its patterns.
    private static let identifierPatterns: [String: SchemaPattern] = [
        "AWS::EC2::Image.Id": #"^ami-([0-9a-z]{8}|[0-9a-z]{17})$"#,
        "AWS::EC2::VPC.Id": #"^vpc-(([0-9A-Fa-f]{8})|([0-9A-Fa-f]{17}))$"#,
        "AWS::EC2::Subnet.Id": #"^subnet-(([0-9A-Fa-f]{8})|([0-9A-Fa-f]{17}))$"#,
        "AWS::EC2::SecurityGroup.Id": #"^sg-([a-fA-F0-9]{8}|[a-fA-F0-9]{17})$"#,
        "AWS::EC2::SecurityGroup.Name": #"^[a-zA-Z0-9 \._\-:\/()#\,@\[\]+=&;\{\}!\$\*]+$"#,
        "AWS::Logs::LogGroup.Name": #"^[\.\-_\/#A-Za-z0-9]{1,512}\z"#,
        "AWS::S3::Bucket.Name": #"^(?![.\-])(?!.*\.\.)(?!.*\-\.)(?!.*\.\-)[a-z0-9.\-]{3,63}(?<![.\-])$"#,
        "AWS::KMS::Key.Id": #"^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32}|alias/[a-zA-Z0-9/_-]+)$"#,
        "AWS::KMS::Alias.AliasName": #"^alias/[a-zA-Z0-9:/_-]+$"#,
        "AWS::KMS::Key.Arn": arn + #"kms:[a-z0-9-]+:\d{12}:(key|alias)/.+$"#,
        "AWS::IAM::Role.Arn": arn + #"iam::\d{12}:role/.+$"#,
        "AWS::SNS::Topic.Arn": arn + #"sns:[a-z0-9-]+:\d{12}:.+$"#,
        "AWS::Lambda::Function.Arn": arn + #"lambda:[a-z0-9-]+:\d{12}:function:.+(:.+)?$"#,
        "AWS::ACM::Certificate.Arn": arn + #"acm:[a-z0-9-]+:\d{12}:certificate/.+$"#,
    ].mapValues(SchemaPattern.init(source:))

    /// Whether `text` is of this format. The exceptions are cfn-lint's: an empty bucket name (CloudFormation
    /// then generates one) and an image given as `resolve:ssm:…` (EC2 resolves the parameter itself).
    func accepts(_ text: String) -> Bool {
        switch self {
        case .identifier(let name, let pattern):
            if name == "AWS::S3::Bucket.Name", text.isEmpty { return true }
            if name == "AWS::EC2::Image.Id", text.hasPrefix("resolve:ssm:") { return true }
            return pattern.matches(text)
        case .ipv4: return IPAddressText.ipv4(text) != nil
        case .ipv6: return IPAddressText.ipv6(text) != nil
        case .ipv4Network: return IPAddressText.network(text, bits: 32, address: IPAddressText.ipv4)
        case .ipv6Network: return IPAddressText.network(text, bits: 128, address: IPAddressText.ipv6)
        }
    }

    /// How the format is named in a message.
    var name: String {
        switch self {
        case .identifier(let name, _): name
        case .ipv4: "IPv4 address"
        case .ipv6: "IPv6 address"
        case .ipv4Network: "IPv4 CIDR block (such as 10.0.0.0/16, with no host bits set)"
        case .ipv6Network: "IPv6 CIDR block (such as 2001:db8::/32, with no host bits set)"
        }
    }
}
