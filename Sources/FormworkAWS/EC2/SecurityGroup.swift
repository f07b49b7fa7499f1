import FormworkCore
import FormworkL1
import OrderedCollections

/// A VPC security group (CDK's `ec2.SecurityGroup`) in an existing VPC, with inline ingress and egress
/// rules to CIDR ranges or other groups by id. All outbound traffic is allowed unless `allowAllOutbound` is
/// off; with it off and no egress rule, CDK's rule that matches nothing keeps the group closed.
///
/// ```swift
/// let database = SecurityGroup("Database", vpcId: "vpc-0abc1234", allowAllOutbound: false,
///                              ingress: [.init(.ipv4("10.0.0.0/16"), .tcp(5432), description: "from the VPC")])
/// ```
public struct SecurityGroup: IdentifiedConstruct {
    public let id: String
    public let identity = ConstructIdentity()
    /// The id of the existing VPC the group belongs to (`VpcId`), such as `vpc-0abc1234`; required.
    public var vpcId: String
    /// The group's description; its construct path unless given, as CDK.
    public var description: String?
    /// Whether the group lets all outbound traffic out (one `SecurityGroupEgress` rule to `0.0.0.0/0` for every
    /// protocol); `true` unless given, as in CDK. When `false`, ``egress`` lists what may go out, and with no
    /// egress rule the group writes CDK's rule that matches no traffic.
    public var allowAllOutbound: Bool
    /// The inbound rules (`SecurityGroupIngress`); none unless given, so nothing may come in.
    public var ingress: [Rule]
    /// The outbound rules (`SecurityGroupEgress`); only with ``allowAllOutbound`` off, as they would change nothing
    /// otherwise.
    public var egress: [Rule]

    /// Who a rule lets in or out.
    public enum Peer: Sendable, Hashable, CustomStringConvertible {
        /// An IPv4 CIDR range (`CidrIp`), such as `10.0.0.0/16`.
        case ipv4(String)
        /// An IPv6 CIDR range (`CidrIpv6`), such as `::/0`.
        case ipv6(String)
        /// Every IPv4 address (`CidrIp: 0.0.0.0/0`).
        case anyIPv4
        /// Another security group, by id (`sg-...`).
        case securityGroupId(String)

        public var description: String {
            switch self {
            case .ipv4(let cidr), .ipv6(let cidr): cidr
            case .anyIPv4: "0.0.0.0/0"
            case .securityGroupId(let id): id
            }
        }
    }

    /// Which traffic a rule covers.
    public enum Port: Sendable, Hashable, CustomStringConvertible {
        /// One TCP port, 0 to 65535 (`IpProtocol: tcp`, `FromPort` and `ToPort` both this port).
        case tcp(Int)
        /// TCP ports from the first to the second, both included, within 0 to 65535, low to high.
        case tcpRange(Int, Int)
        /// One UDP port, 0 to 65535 (`IpProtocol: udp`, `FromPort` and `ToPort` both this port).
        case udp(Int)
        /// Every TCP port (`IpProtocol: tcp`, ports 0 to 65535).
        case allTCP
        /// Every protocol and port (`IpProtocol: -1`).
        case allTraffic

        /// CDK's text of the port in generated rule descriptions.
        public var description: String {
            switch self {
            case .tcp(let port): "\(port)"
            case .tcpRange(let from, let to): "\(from)-\(to)"
            case .udp(let port): "UDP \(port)"
            case .allTCP: "ALL PORTS"
            case .allTraffic: "ALL TRAFFIC"
            }
        }

        /// A rule's `FromPort`; `nil` for all traffic.
        var fromPort: Value? {
            switch self {
            case .tcp(let port), .udp(let port): Value.number(Double(port))
            case .tcpRange(let from, _): Value.number(Double(from))
            case .allTCP: Value.number(0)
            case .allTraffic: nil
            }
        }

        /// A rule's `IpProtocol`.
        var ipProtocol: Value {
            switch self {
            case .tcp, .tcpRange, .allTCP: "tcp"
            case .udp: "udp"
            case .allTraffic: "-1"
            }
        }

        /// A rule's `ToPort`; `nil` for all traffic.
        var toPort: Value? {
            switch self {
            case .tcp(let port), .udp(let port): Value.number(Double(port))
            case .tcpRange(_, let to): Value.number(Double(to))
            case .allTCP: Value.number(65_535)
            case .allTraffic: nil
            }
        }
    }

    /// One rule; its description `from <peer>:<port>` unless given (for egress rules too), as CDK.
    public struct Rule: Sendable, Hashable {
        /// Who the rule lets in (ingress) or out (egress): a CIDR range or another group.
        public var peer: Peer
        /// Which protocol and ports the rule covers.
        public var port: Port
        /// The rule's `Description`, up to 255 characters; `from <peer>:<port>` when `nil`, as CDK writes it, for
        /// egress rules too.
        public var description: String?

        /// A rule for `peer` on `port`.
        public init(_ peer: Peer, _ port: Port, description: String? = nil) {
            self.peer = peer
            self.port = port
            self.description = description
        }

        /// The rule's `Description`; CDK writes "from" for egress rules too.
        private var descriptionValue: Value { .string(description ?? "from \(peer):\(port)") }

        /// The rule as an entry of `SecurityGroupIngress`.
        var ingressProperty: CfnEC2.SecurityGroup.Ingress {
            var rule = CfnEC2.SecurityGroup.Ingress(description: descriptionValue, fromPort: port.fromPort, ipProtocol: port.ipProtocol, toPort: port.toPort)
            switch peer {
            case .ipv4(let cidr): rule.cidrIp = .string(cidr)
            case .anyIPv4: rule.cidrIp = "0.0.0.0/0"
            case .ipv6(let cidr): rule.cidrIpv6 = .string(cidr)
            case .securityGroupId(let group): rule.sourceSecurityGroupId = .string(group)
            }
            return rule
        }

        /// The rule as an entry of `SecurityGroupEgress`.
        var egressProperty: CfnEC2.SecurityGroup.Egress {
            var rule = CfnEC2.SecurityGroup.Egress(description: descriptionValue, fromPort: port.fromPort, ipProtocol: port.ipProtocol, toPort: port.toPort)
            switch peer {
            case .ipv4(let cidr): rule.cidrIp = .string(cidr)
            case .anyIPv4: rule.cidrIp = "0.0.0.0/0"
            case .ipv6(let cidr): rule.cidrIpv6 = .string(cidr)
            case .securityGroupId(let group): rule.destinationSecurityGroupId = .string(group)
            }
            return rule
        }
    }

    /// A group in the VPC `vpcId`, letting all traffic out unless `allowAllOutbound` is `false`.
    public init(_ id: String, vpcId: String, description: String? = nil, allowAllOutbound: Bool = true, ingress: [Rule] = [], egress: [Rule] = []) {
        self.id = id
        self.vpcId = vpcId
        self.description = description
        self.allowAllOutbound = allowAllOutbound
        self.ingress = ingress
        self.egress = egress
    }

    /// The group's id (`Fn::GetAtt [Group, GroupId]`).
    public var groupId: Value { .reference(Reference(to: self, element: ["Resource"], form: .getAtt(CfnEC2.SecurityGroup.Attribute.groupId.rawValue))) }

    /// The egress CDK writes when everything may go out.
    static let allowAll = CfnEC2.SecurityGroup.Egress(cidrIp: "0.0.0.0/0", description: "Allow all outbound traffic by default", ipProtocol: "-1")
    /// The egress CDK writes to keep a group without egress rules closed: a rule no traffic matches.
    static let matchNothing = CfnEC2.SecurityGroup.Egress(
        cidrIp: "255.255.255.255/32", description: "Disallow all traffic", fromPort: 252, ipProtocol: "icmp", toPort: 86)

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        if allowAllOutbound, !egress.isEmpty {
            throw SynthesisError(
                .invalidSetting, paths: [scope.path], "egress rules on a group that allows all outbound traffic change nothing; set allowAllOutbound: false")
        }
        for rule in ingress + egress {
            if case .tcpRange(let from, let to) = rule.port, !(0...65_535).contains(from) || !(from...65_535).contains(to) {
                throw SynthesisError(.invalidSetting, paths: [scope.path], "the port range \(from)-\(to) is not within 0-65535, low to high")
            }
        }
        try declare(in: scope, description: description ?? scope.path)
    }

    /// Declares the group with `description` (an automatic group gets CDK's text for its function).
    func declare(in scope: ConstructScope, description: String) throws(SynthesisError) {
        let egressRules: [CfnEC2.SecurityGroup.Egress] =
            allowAllOutbound ? [Self.allowAll] : egress.isEmpty ? [Self.matchNothing] : egress.map(\.egressProperty)
        let group = CfnEC2.SecurityGroup(
            groupDescription: .string(description),
            securityGroupEgress: egressRules,
            securityGroupIngress: ingress.isEmpty ? nil : ingress.map(\.ingressProperty),
            vpcId: .string(vpcId))
        try scope.declareResource(group)
    }
}
