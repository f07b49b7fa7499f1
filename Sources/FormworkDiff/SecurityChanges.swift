import FormworkTemplate
import OrderedCollections

/// One IAM statement added or removed, as a reviewer reads it: references written `${LogicalId}` and
/// `${LogicalId.Attribute}`, the principal of identity policies as `AWS:${Role}`.
public struct StatementChange: Sendable, Equatable {
    /// Whether a statement, managed policy or rule is in the new template only or in the old one only.
    public enum Kind: String, Sendable {
        /// In the new template and not the old one (`+`).
        case added = "+"
        /// In the old template and not the new one (`-`).
        case removed = "-"
    }

    /// Whether the statement was added or removed.
    public var kind: Kind
    /// The statement's `Effect`, `Allow` or `Deny` (`Allow` when not written), followed by ` (Not)` when it
    /// uses `NotAction` or `NotResource`; `Allow` for a Lambda permission.
    public var effect: String
    /// The statement's `Action` (or `NotAction`) entries, sorted; for a Lambda permission, its `Action`.
    public var actions: [String]
    /// The statement's `Resource` (or `NotResource`) entries, sorted. Where a resource policy has none or `*`,
    /// what it is attached to: the role's ARN for a trust policy, the queues, topics or bucket of their policy.
    /// For a Lambda permission, its `FunctionName`.
    public var resources: [String]
    /// Who the statement applies to: its `Principal` entries as `kind:value` (`Service:lambda.amazonaws.com`),
    /// sorted, or `*`; for an identity policy, the roles it is attached to (`AWS:${Role}`); for a Lambda
    /// permission, its `Principal`. Empty when none is known.
    public var principals: [String]
    /// The statement's `Condition` as compact JSON, references as placeholders; for a Lambda permission with a
    /// `SourceArn`, `ArnLike aws:SourceArn <arn>`. `nil` when it has none.
    public var condition: String?
    /// The condition as written, to compare what it asks.
    var conditionValue: JSONValue?
    /// Whether the change gives more access: an `Allow` added that no removed `Allow` already granted (the
    /// same or broader actions, resources and principals, no stricter condition), or a `Deny` removed that no
    /// added `Deny` still covers.
    public var widens: Bool
    /// Whether the statement uses a wildcard action, resource or principal.
    public var hasWildcard: Bool
}

/// One security-group rule added or removed.
public struct SecurityGroupRuleChange: Sendable, Equatable {
    /// Whether the rule was added or removed.
    public var kind: StatementChange.Kind
    /// The security group the rule belongs to: `${Group.GroupId}` for a rule written in the group, else the
    /// `GroupId` of the `AWS::EC2::SecurityGroupIngress` or `AWS::EC2::SecurityGroupEgress` resource.
    public var group: String
    /// `in` for an ingress rule, `out` for an egress rule.
    public var direction: String
    /// The traffic the rule lets through: `Everything` for `IpProtocol` `-1` (the default), else the protocol
    /// and the port range, such as `tcp 443-443`.
    public var protocolName: String
    /// The other side: `CidrIp`, `CidrIpv6`, or the source or destination security group's ID, with
    /// `0.0.0.0/0` and `::/0` written `Everyone (IPv4)` and `Everyone (IPv6)`; empty when none is given.
    public var peer: String
    /// Every added rule widens access.
    public var widens: Bool { kind == .added }

    /// A change of the rule described by `group`, `direction`, `protocolName` and `peer`.
    public init(kind: StatementChange.Kind, group: String, direction: String, protocolName: String, peer: String) {
        self.kind = kind
        self.group = group
        self.direction = direction
        self.protocolName = protocolName
        self.peer = peer
    }
}

/// The security-relevant part of a diff: IAM statements (identity policies, role trust and inline policies,
/// managed policy attachments, queue/topic/bucket/bus policies, Lambda permissions) and security-group rules.
public struct SecurityChanges: Sendable, Equatable {
    /// The IAM statements removed, then those added, each as often as it is missing from the other template.
    public var statements: [StatementChange]
    /// The managed policies detached from (removed) or attached to (added) roles through `ManagedPolicyArns`:
    /// the role as `${Role}`, the policy's ARN with references as placeholders.
    public var managedPolicies: [(kind: StatementChange.Kind, role: String, arn: String)]
    /// The security-group rules removed, then those added.
    public var securityGroupRules: [SecurityGroupRuleChange]

    public static func == (lhs: SecurityChanges, rhs: SecurityChanges) -> Bool {
        lhs.statements == rhs.statements && lhs.securityGroupRules == rhs.securityGroupRules
            && lhs.managedPolicies.map { "\($0.kind.rawValue)\($0.role)\($0.arn)" } == rhs.managedPolicies.map { "\($0.kind.rawValue)\($0.role)\($0.arn)" }
    }

    /// Whether no statement, managed policy or security-group rule differs.
    public var isEmpty: Bool { statements.isEmpty && managedPolicies.isEmpty && securityGroupRules.isEmpty }

    /// Whether any change gives more access.
    public var widens: Bool {
        statements.contains(where: \.widens) || managedPolicies.contains { $0.kind == .added } || securityGroupRules.contains(where: \.widens)
    }

    /// The changes between two templates.
    public init(old: Template, new: Template) {
        let before = SecurityInventory(old), after = SecurityInventory(new)
        var changes = Self.difference(before.statements, after.statements) { row, kind in
            var change = row
            change.kind = kind
            return change
        }
        let removed = changes.filter { $0.kind == .removed }, added = changes.filter { $0.kind == .added }
        for index in changes.indices {
            let change = changes[index]
            switch (change.kind, change.effect) {
            case (.added, "Allow"): changes[index].widens = !removed.contains { StatementCoverage.covers($0, change) }
            case (.removed, "Deny"): changes[index].widens = !added.contains { StatementCoverage.covers($0, change) }
            case (.added, "Allow (Not)"), (.removed, "Deny (Not)"): changes[index].widens = true
            default: changes[index].widens = false
            }
        }
        statements = changes
        managedPolicies = Self.difference(before.managedPolicies, after.managedPolicies) { row, kind in (kind: kind, role: row.role, arn: row.arn) }
        securityGroupRules = Self.difference(before.rules, after.rules) { row, kind in
            var change = row
            change.kind = kind
            return change
        }
    }

    /// The rows only in `old` (removed) and only in `new` (added), each as often as it is missing.
    private static func difference<Row, Change>(_ old: [Row], _ new: [Row], _ make: (Row, StatementChange.Kind) -> Change) -> [Change] where Row: SecurityRow {
        var remaining = new.map(\.key)
        var removed: [Change] = []
        for row in old {
            if let index = remaining.firstIndex(of: row.key) { remaining.remove(at: index) } else { removed.append(make(row, .removed)) }
        }
        var unmatched = old.map(\.key)
        var added: [Change] = []
        for row in new {
            if let index = unmatched.firstIndex(of: row.key) { unmatched.remove(at: index) } else { added.append(make(row, .added)) }
        }
        return removed + added
    }
}

/// A row of a security table that compares by its text.
protocol SecurityRow {
    var key: String { get }
}

extension StatementChange: SecurityRow {
    var key: String { "\(effect)|\(actions)|\(resources)|\(principals)|\(condition ?? "")" }
}

extension SecurityGroupRuleChange: SecurityRow {
    var key: String { "\(group)|\(direction)|\(protocolName)|\(peer)" }
}

struct ManagedPolicyRow: SecurityRow {
    let role: String
    let arn: String
    var key: String { "\(role)|\(arn)" }
}

/// Every IAM statement and security-group rule of one template, normalized for comparison.
struct SecurityInventory {
    var statements: [StatementChange] = []
    var managedPolicies: [ManagedPolicyRow] = []
    var rules: [SecurityGroupRuleChange] = []

    init(_ template: Template) {
        for (logicalId, resource) in template.resources {
            let properties = resource.properties
            switch resource.type {
            case "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy":
                let principals = (properties["Roles"]?.arrayValue ?? []).map { "AWS:" + Self.text($0) }
                add(document: properties["PolicyDocument"], principals: principals, defaultResource: nil)
            case "AWS::IAM::Role":
                add(document: properties["AssumeRolePolicyDocument"], principals: nil, defaultResource: "${\(logicalId).Arn}")
                for policy in properties["Policies"]?.arrayValue ?? [] {
                    add(document: policy["PolicyDocument"], principals: ["AWS:${\(logicalId)}"], defaultResource: nil)
                }
                for arn in properties["ManagedPolicyArns"]?.arrayValue ?? [] {
                    managedPolicies.append(ManagedPolicyRow(role: "${\(logicalId)}", arn: Self.text(arn)))
                }
            case "AWS::SQS::QueuePolicy":
                add(
                    document: properties["PolicyDocument"], principals: nil,
                    defaultResource: (properties["Queues"]?.arrayValue ?? []).map(Self.text).joined(separator: ","))
            case "AWS::SNS::TopicPolicy":
                add(
                    document: properties["PolicyDocument"], principals: nil,
                    defaultResource: (properties["Topics"]?.arrayValue ?? []).map(Self.text).joined(separator: ","))
            case "AWS::S3::BucketPolicy":
                add(document: properties["PolicyDocument"], principals: nil, defaultResource: properties["Bucket"].map(Self.text))
            case "AWS::Lambda::Permission":
                var condition: String?
                var conditionValue: JSONValue?
                if let source = properties["SourceArn"].map(Self.text) {
                    condition = "ArnLike aws:SourceArn " + source
                    conditionValue = ["ArnLike": ["aws:SourceArn": .string(source)]]
                }
                statements.append(
                    StatementChange(
                        kind: .added, effect: "Allow", actions: [properties["Action"].map(Self.text) ?? ""],
                        resources: [properties["FunctionName"].map(Self.text) ?? ""],
                        principals: [properties["Principal"].map(Self.text) ?? ""], condition: condition,
                        conditionValue: conditionValue, widens: false, hasWildcard: properties["Principal"] == "*"))
            case "AWS::EC2::SecurityGroup":
                for (key, direction) in [("SecurityGroupIngress", "in"), ("SecurityGroupEgress", "out")] {
                    for rule in properties[key]?.arrayValue ?? [] { addRule(rule, group: "${\(logicalId).GroupId}", direction: direction) }
                }
            case "AWS::EC2::SecurityGroupIngress", "AWS::EC2::SecurityGroupEgress":
                addRule(.object(properties), group: properties["GroupId"].map(Self.text) ?? "", direction: resource.type.hasSuffix("Ingress") ? "in" : "out")
            default:
                break
            }
        }
    }

    private mutating func add(document: JSONValue?, principals: [String]?, defaultResource: String?) {
        for statement in document?["Statement"]?.arrayValue ?? [] {
            let actions = Self.strings(statement["Action"] ?? statement["NotAction"])
            var resources = Self.strings(statement["Resource"] ?? statement["NotResource"])
            if resources.isEmpty || resources == ["*"], let defaultResource { resources = [defaultResource] }
            let statementPrincipals = Self.principals(statement["Principal"])
            let rowPrincipals = statementPrincipals.isEmpty ? (principals ?? []) : statementPrincipals
            let conditionValue = statement["Condition"].map(Self.placeholders)
            let condition = conditionValue.map { JSONWriter(style: .compact).string(from: $0) }
            let effect = statement["Effect"]?.stringValue ?? "Allow"
            let negative = statement["NotAction"] != nil || statement["NotResource"] != nil
            statements.append(
                StatementChange(
                    kind: .added, effect: negative ? "\(effect) (Not)" : effect, actions: actions, resources: resources,
                    principals: rowPrincipals, condition: condition, conditionValue: conditionValue, widens: false,
                    hasWildcard: actions.contains { $0.hasSuffix("*") } || resources.contains("*") || rowPrincipals.contains { $0.hasSuffix(":*") || $0 == "*" }
                ))
        }
    }

    private mutating func addRule(_ rule: JSONValue, group: String, direction: String) {
        let protocolValue = rule["IpProtocol"].map(Self.text) ?? "-1"
        let ports = [rule["FromPort"], rule["ToPort"]].compactMap { $0.map(Self.text) }
        let protocolName = protocolValue == "-1" ? "Everything" : "\(protocolValue) \(ports.joined(separator: "-"))"
        let peer =
            [rule["CidrIp"], rule["CidrIpv6"], rule["SourceSecurityGroupId"], rule["DestinationSecurityGroupId"]]
            .compactMap { $0.map(Self.text) }.first ?? ""
        let friendly = peer == "0.0.0.0/0" ? "Everyone (IPv4)" : peer == "::/0" ? "Everyone (IPv6)" : peer
        rules.append(SecurityGroupRuleChange(kind: .added, group: group, direction: direction, protocolName: protocolName, peer: friendly))
    }

    private static func principals(_ value: JSONValue?) -> [String] {
        switch value {
        case nil: return []
        case .string(let all)?: return [all]
        case .object(let members)?:
            return members.flatMap { kind, entries in strings(entries).map { "\(kind):\($0)" } }.sorted()
        case let other?: return [text(other)]
        }
    }

    /// A string or a list of strings, sorted (order has no effect in IAM).
    static func strings(_ value: JSONValue?) -> [String] {
        switch value {
        case nil: []
        case .array(let elements)?: elements.map(text).sorted()
        case let single?: [text(single)]
        }
    }

    /// A value as text, references written as placeholders: `${Queue}`, `${Queue.Arn}`.
    static func text(_ value: JSONValue) -> String {
        switch placeholders(value) {
        case .string(let string): string
        case let other: JSONWriter(style: .compact).string(from: other)
        }
    }

    static func placeholders(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members) where members.count == 1:
            let (name, argument) = (members.keys[0], members.values[0])
            switch (name, argument) {
            case ("Ref", .string(let target)): return .string("${\(target)}")
            case ("Fn::GetAtt", .array(let parts)): return .string("${" + parts.map(text).joined(separator: ".") + "}")
            case ("Fn::GetAtt", .string(let dotted)): return .string("${\(dotted)}")
            case ("Fn::Join", .array(let parts)) where parts.count == 2:
                return .string((parts[1].arrayValue ?? []).map(text).joined(separator: parts[0].stringValue ?? ""))
            case ("Fn::ImportValue", let name): return .string("${Import:\(text(name))}")
            default: return .object(members.mapValues(placeholders))
            }
        case .object(let members): return .object(members.mapValues(placeholders))
        case .array(let elements): return .array(elements.map(placeholders))
        default: return value
        }
    }
}
