import FormworkTemplate
import OrderedCollections

/// A template as the rules read it: indexed once by resource type and by function name, with what
/// CloudFormation will see across resources (a function's log group, the queues that are dead-letter
/// queues). Built once per template, so that every rule finds its resources without scanning them all.
public struct CheckedTemplate: Sendable {
    /// The template.
    public let template: Template
    private let byType: [String: [(logicalId: String, resource: Template.Resource)]]
    private let functionsByName: [String: [String]]

    /// The index of `template`.
    public init(_ template: Template) {
        self.template = template
        var byType: [String: [(logicalId: String, resource: Template.Resource)]] = [:]
        var functionsByName: [String: [String]] = [:]
        for (logicalId, resource) in template.resources {
            byType[resource.type, default: []].append((logicalId, resource))
            if resource.type == "AWS::Lambda::Function", let name = resource.properties["FunctionName"]?.stringValue {
                functionsByName[name, default: []].append(logicalId)
            }
        }
        self.byType = byType
        self.functionsByName = functionsByName
    }

    /// Every resource, by logical ID.
    public var resources: OrderedDictionary<String, Template.Resource> { template.resources }

    /// The resources of `type`, in template order, with their logical IDs.
    func resources(ofType type: String) -> [(logicalId: String, resource: Template.Resource)] {
        byType[type] ?? []
    }

    /// The statements of identity policies and inline role policies, with the logical ID holding them.
    var identityStatements: [(logicalId: String, statement: JSONValue)] {
        resources.flatMap { logicalId, resource -> [(logicalId: String, statement: JSONValue)] in
            let documents: [JSONValue] =
                switch resource.type {
                case "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy": [resource.properties["PolicyDocument"]].compactMap { $0 }
                case "AWS::IAM::Role": (resource.properties["Policies"]?.arrayValue ?? []).compactMap { $0["PolicyDocument"] }
                default: []
                }
            return documents.flatMap { document in document["Statement"].map(JSONValue.list)?.map { (logicalId, $0) } ?? [] }
        }
    }

    /// The functions whose logs have a retention: a log group with `RetentionInDays` named after the
    /// function, by a reference to it (`Fn::Sub`, `Fn::Join`, `Ref`) or by the literal
    /// `/aws/lambda/<FunctionName>`.
    var functionsWithLogRetention: Set<String> {
        var retained = Set<String>()
        var namedGroups = Set<String>()
        for (_, group) in resources(ofType: "AWS::Logs::LogGroup") where group.properties["RetentionInDays"] != nil {
            guard let name = group.properties["LogGroupName"] else { continue }
            if case .string(let literal) = name, literal.hasPrefix("/aws/lambda/") {
                namedGroups.insert(String(literal.dropFirst("/aws/lambda/".count)))
            } else {
                retained.formUnion(name.referencedLogicalIds)
            }
        }
        for (logicalId, function) in resources(ofType: "AWS::Lambda::Function") {
            if let name = function.properties["FunctionName"]?.stringValue, namedGroups.contains(name) { retained.insert(logicalId) }
            // A function's own LoggingConfig naming a group with retention counts too.
            if let group = function.properties["LoggingConfig"]?["LogGroup"], !group.referencedLogicalIds.isDisjoint(with: retentionGroups) {
                retained.insert(logicalId)
            }
        }
        return retained
    }

    /// The log groups that set a retention.
    private var retentionGroups: Set<String> {
        Set(resources(ofType: "AWS::Logs::LogGroup").filter { $0.resource.properties["RetentionInDays"] != nil }.map(\.logicalId))
    }

    /// The queues some resource uses as a dead-letter queue or failure destination: named in a queue's
    /// `RedrivePolicy`, a subscription's or rule target's dead-letter config, an event source mapping's or
    /// event invoke config's destination.
    var deadLetterQueues: Set<String> {
        var found = Set<String>()
        for resource in resources.values {
            for key in ["RedrivePolicy", "DestinationConfig", "DeadLetterConfig"] {
                resource.properties[key].map { found.formUnion($0.referencedLogicalIds) }
            }
            for target in resource.properties["Targets"].map(JSONValue.list) ?? [] {
                target["DeadLetterConfig"].map { found.formUnion($0.referencedLogicalIds) }
            }
        }
        return found
    }

    /// The logical IDs `value` names, by reference or as a function name or ARN written out: what a
    /// `FunctionName` of a permission or an event source mapping points at.
    func functionLogicalIds(in value: JSONValue?) -> Set<String> {
        guard let value else { return [] }
        let references = Set(value.referencedLogicalIds).filter { resources[$0]?.type == "AWS::Lambda::Function" }
        if !references.isEmpty { return references }
        guard let text = value.stringValue else { return [] }
        let parts = text.split(separator: ":")
        let name = parts.count >= 7 ? String(parts[6]) : text
        return Set(functionsByName[name] ?? [])
    }
}

extension JSONValue {
    /// The value as a list: its elements, or itself alone (IAM allows either for `Statement`, `Action`...).
    static func list(_ value: JSONValue) -> [JSONValue] {
        value.arrayValue ?? [value]
    }

    /// The strings of a string or list of strings.
    var strings: [String] {
        switch self {
        case .string(let string): [string]
        case .array(let elements): elements.compactMap(\.stringValue)
        default: []
        }
    }
}
