/// The `format` of a string property, as cfn-lint checks it (rules E1103 and E1150–E1164): network
/// addresses, and the identifiers and ARNs of the resources a property names (`AWS::EC2::VPC.Id`,
/// `AWS::IAM::Role.Arn`, …).
///
/// Formats Formwork does not check (`date-time`, `json`, `AWS::SQS::Queue.Arn`, …) compile to `nil`: every
/// value passes them.
enum StringFormat: Sendable {
    /// An identifier or ARN of the form cfn-lint's rule for `name` checks.
    case identifier(name: String)
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
            guard Self.identifierNames.contains(name) else { return nil }
            self = .identifier(name: name)
        }
    }

    /// The identifier formats cfn-lint checks.
    private static let identifierNames: Set<String> = [
        "AWS::EC2::Image.Id", "AWS::EC2::VPC.Id", "AWS::EC2::Subnet.Id", "AWS::EC2::SecurityGroup.Id", "AWS::EC2::SecurityGroup.Name",
        "AWS::Logs::LogGroup.Name", "AWS::S3::Bucket.Name", "AWS::KMS::Key.Id", "AWS::KMS::Alias.AliasName", "AWS::KMS::Key.Arn",
        "AWS::IAM::Role.Arn", "AWS::SNS::Topic.Arn", "AWS::Lambda::Function.Arn", "AWS::ACM::Certificate.Arn",
    ]

    /// Whether `text` is of this format, as cfn-lint's patterns (rules E1150–E1164) decide; written out rather
    /// than as regular expressions, which cost a validation more than all its other string checks. The exceptions
    /// are cfn-lint's: an empty bucket name (CloudFormation then generates one) and an image given as
    /// `resolve:ssm:…` (EC2 resolves the parameter itself).
    func accepts(_ text: String) -> Bool {
        switch self {
        case .identifier(let name): return Self.accepts(text, identifier: name)
        case .ipv4: return IPAddressText.ipv4(text) != nil
        case .ipv6: return IPAddressText.ipv6(text) != nil
        case .ipv4Network: return IPAddressText.network(text, bits: 32, address: IPAddressText.ipv4)
        case .ipv6Network: return IPAddressText.network(text, bits: 128, address: IPAddressText.ipv6)
        }
    }

    private static func accepts(_ text: String, identifier name: String) -> Bool {
        let bytes = Array(text.utf8)
        switch name {
        case "AWS::EC2::Image.Id":
            return text.hasPrefix("resolve:ssm:") || idWithSuffix(bytes, prefix: "ami-", isDigit: { isLowerAlphanumeric($0) })
        case "AWS::EC2::VPC.Id": return idWithSuffix(bytes, prefix: "vpc-", isDigit: isHexadecimal)
        case "AWS::EC2::Subnet.Id": return idWithSuffix(bytes, prefix: "subnet-", isDigit: isHexadecimal)
        case "AWS::EC2::SecurityGroup.Id": return idWithSuffix(bytes, prefix: "sg-", isDigit: isHexadecimal)
        case "AWS::EC2::SecurityGroup.Name":
            return !bytes.isEmpty && bytes.allSatisfy { isAlphanumeric($0) || Array(" ._-:/()#,@[]+=&;{}!$*".utf8).contains($0) }
        case "AWS::Logs::LogGroup.Name":
            return (1...512).contains(bytes.count) && bytes.allSatisfy { isAlphanumeric($0) || Array("._-/#".utf8).contains($0) }
        case "AWS::S3::Bucket.Name": return bytes.isEmpty || isBucketName(bytes)
        case "AWS::KMS::Key.Id":
            return isUUID(bytes) || (bytes.count == 36 && text.hasPrefix("mrk-") && bytes.dropFirst(4).allSatisfy(isLowerHexadecimal))
                || (text.hasPrefix("alias/") && bytes.count > 6 && bytes.dropFirst(6).allSatisfy { isAlphanumeric($0) || Array("/_-".utf8).contains($0) })
        case "AWS::KMS::Alias.AliasName":
            return text.hasPrefix("alias/") && bytes.count > 6 && bytes.dropFirst(6).allSatisfy { isAlphanumeric($0) || Array(":/_-".utf8).contains($0) }
        case "AWS::KMS::Key.Arn": return isARN(text, service: "kms", resourcePrefixes: ["key/", "alias/"])
        case "AWS::IAM::Role.Arn": return isARN(text, service: "iam", regional: false, resourcePrefixes: ["role/"])
        case "AWS::SNS::Topic.Arn": return isARN(text, service: "sns", resourcePrefixes: [""])
        case "AWS::Lambda::Function.Arn": return isARN(text, service: "lambda", resourcePrefixes: ["function:"])
        case "AWS::ACM::Certificate.Arn": return isARN(text, service: "acm", resourcePrefixes: ["certificate/"])
        default: return true
        }
    }

    /// `prefix` followed by 8 or 17 characters that pass `isDigit`.
    private static func idWithSuffix(_ bytes: [UInt8], prefix: String, isDigit: (UInt8) -> Bool) -> Bool {
        let head = Array(prefix.utf8)
        let rest = bytes.count - head.count
        return (rest == 8 || rest == 17) && bytes.starts(with: head) && bytes[head.count...].allSatisfy(isDigit)
    }

    /// `arn:aws…:SERVICE:REGION:ACCOUNT:RESOURCE`, with a region of lowercase letters, digits and dashes (empty for
    /// a global service), a 12-digit account and a resource that is one of `resourcePrefixes` and more.
    private static func isARN(_ text: String, service: String, regional: Bool = true, resourcePrefixes: [String]) -> Bool {
        let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[1].hasPrefix("aws"),
            parts[1].utf8.dropFirst(3).allSatisfy({ isLetter($0) || $0 == UInt8(ascii: "-") }), parts[2] == service,
            regional ? !parts[3].isEmpty && parts[3].utf8.allSatisfy({ isLowerAlphanumeric($0) || $0 == UInt8(ascii: "-") }) : parts[3].isEmpty,
            parts[4].utf8.count == 12, parts[4].utf8.allSatisfy(isDigit), !parts[5].isEmpty
        else { return false }
        return resourcePrefixes.contains { parts[5].hasPrefix($0) && parts[5].count > $0.count }
    }

    /// 3 to 63 of `a-z 0-9 . -`, starting and ending with a letter or digit, with no `..`, `.-` or `-.`.
    private static func isBucketName(_ bytes: [UInt8]) -> Bool {
        guard (3...63).contains(bytes.count), let first = bytes.first, let last = bytes.last,
            isLowerAlphanumeric(first), isLowerAlphanumeric(last)
        else { return false }
        var previous: UInt8 = 0
        for byte in bytes {
            let isPunctuation = byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
            guard isLowerAlphanumeric(byte) || isPunctuation else { return false }
            if isPunctuation, previous == UInt8(ascii: ".") || (previous == UInt8(ascii: "-") && byte == UInt8(ascii: ".")) { return false }
            previous = byte
        }
        return true
    }

    /// `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` in lowercase hexadecimal.
    private static func isUUID(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == 36 else { return false }
        return bytes.enumerated().allSatisfy { index, byte in [8, 13, 18, 23].contains(index) ? byte == UInt8(ascii: "-") : isLowerHexadecimal(byte) }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }
    private static func isAlphanumeric(_ byte: UInt8) -> Bool { isDigit(byte) || isLetter(byte) }
    private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool { isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) }
    private static func isLowerHexadecimal(_ byte: UInt8) -> Bool { isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte) }
    private static func isHexadecimal(_ byte: UInt8) -> Bool { isLowerHexadecimal(byte) || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte) }

    /// How the format is named in a message.
    var name: String {
        switch self {
        case .identifier(let name): name
        case .ipv4: "IPv4 address"
        case .ipv6: "IPv6 address"
        case .ipv4Network: "IPv4 CIDR block (such as 10.0.0.0/16, with no host bits set)"
        case .ipv6Network: "IPv6 CIDR block (such as 2001:db8::/32, with no host bits set)"
        }
    }
}
