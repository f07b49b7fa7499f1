import FormworkCloud
import FormworkDiff
import FormworkTemplate
import Foundation

/// What a hotswap deployment does to a deployed stack, read from the diff of its templates: the changes the
/// services can take directly (CDK's `cdk deploy --hotswap`), or why CloudFormation must make them.
///
/// Hotswapped: a Lambda function's code, environment and description; a new version of a function published,
/// and the aliases that follow it; a state machine's definition. Any other change — another property, another
/// type, another resource added, replaced or removed, an output — is a reason the stack cannot be hotswapped,
/// and so is a new value that only CloudFormation can evaluate. A version the new template no longer has is
/// left in place (CloudFormation removes it at the next deployment through it).
public struct HotswapPlan: Sendable, Equatable {
    /// One call that makes a change in place.
    public enum Operation: Sendable, Equatable {
        /// `UpdateFunctionCode` of `function` to the zip `key` in `bucket`.
        case functionCode(logicalId: String, function: String, bucket: String, key: String)
        /// `UpdateFunctionConfiguration` of `function`: the environment and description given (`nil`: unchanged).
        case functionConfiguration(logicalId: String, function: String, environment: [String: String]?, description: String?)
        /// `PublishVersion` of `function`: the version a new `AWS::Lambda::Version` stands for.
        case publishVersion(logicalId: String, function: String)
        /// `UpdateAlias` of the alias `alias` of `function` to the version `version` evaluates to once the
        /// new versions are published.
        case updateAlias(logicalId: String, function: String, alias: String, version: JSONValue)
        /// `UpdateStateMachine` of `arn` to `definition`.
        case stateMachineDefinition(logicalId: String, arn: String, definition: String)

        /// The resource it changes.
        public var logicalId: String {
            switch self {
            case .functionCode(let logicalId, _, _, _), .functionConfiguration(let logicalId, _, _, _), .publishVersion(let logicalId, _),
                .updateAlias(let logicalId, _, _, _), .stateMachineDefinition(let logicalId, _, _):
                logicalId
            }
        }

        /// Whether it leaves the resource other than CloudFormation's template says (a version it publishes
        /// is CloudFormation's to make at the next deployment, and leaves nothing to bring in line).
        var leavesDrift: Bool {
            if case .publishVersion = self { return false }
            return true
        }

        /// What it changes, in words: `code of OrdersWorker1A2B3C4D`.
        public var summary: String {
            switch self {
            case .functionCode(let logicalId, _, _, _): "code of \(logicalId)"
            case .functionConfiguration(let logicalId, _, let environment, let description):
                [environment == nil ? nil : "environment", description == nil ? nil : "description"].compactMap { $0 }.joined(separator: " and ")
                    + " of \(logicalId)"
            case .publishVersion(let logicalId, _): "version \(logicalId)"
            case .updateAlias(let logicalId, _, _, _): "alias \(logicalId)"
            case .stateMachineDefinition(let logicalId, _, _): "definition of \(logicalId)"
            }
        }
    }

    /// The calls, in template order.
    public var operations: [Operation] = []
    /// Why CloudFormation must make some change, one line each; empty when every change can be hotswapped.
    public var blockers: [String] = []

    /// Whether every change can be made in place.
    public var isHotswappable: Bool { blockers.isEmpty }

    /// The properties each hotswappable type may change.
    static let hotswappable: [String: Set<String>] = [
        "AWS::Lambda::Function": ["Code", "Environment", "Description"],
        "AWS::StepFunctions::StateMachine": ["DefinitionString", "Definition"],
        "AWS::Lambda::Alias": ["FunctionVersion"],
    ]

    /// The order operations run in: code and configuration, then the versions of the new code, the aliases
    /// that point at them, and the definitions that may name either.
    var ordered: [Operation] {
        func rank(_ operation: Operation) -> Int {
            switch operation {
            case .functionCode, .functionConfiguration: 0
            case .publishVersion: 1
            case .updateAlias: 2
            case .stateMachineDefinition: 3
            }
        }
        return operations.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
    }

    /// The plan that sets the resources `logicalIds`, changed by a hotswap, back to what `template` says: the
    /// code, environment and description of functions, the version of aliases, the definition of state machines.
    public init(restoring logicalIds: [String], template: Template, resources: [CloudFormationClient.StackResource], account: String, region: String) {
        let values = DeployedValues(
            resources: resources,
            account: account, region: region, template: template)
        for logicalId in logicalIds {
            guard let resource = template.resources[logicalId], let physicalId = values.resources[logicalId]?.physicalId else { continue }
            do throws(DeployedValues.Unknown) {
                operations += try Self.operations(setting: Self.hotswappable[resource.type] ?? [], of: logicalId, resource, physicalId: physicalId, values)
            } catch {
                blockers.append("\(logicalId) (\(resource.type)): \(error.reason)")
            }
        }
    }

    /// The operations that set the properties `changed` of `resource` (deployed as `physicalId`) to what the
    /// template says, its values evaluated with `values`.
    private static func operations(
        setting changed: Set<String>, of logicalId: String, _ resource: Template.Resource, physicalId: String,
        _ values: DeployedValues
    ) throws(DeployedValues.Unknown) -> [Operation] {
        switch resource.type {
        case "AWS::Lambda::Function":
            var operations: [Operation] = []
            let code = resource.properties["Code"] ?? .null
            if changed.contains("Code"), let bucket = code["S3Bucket"], let key = code["S3Key"] {
                operations.append(.functionCode(logicalId: logicalId, function: physicalId, bucket: try values.string(bucket), key: try values.string(key)))
            }
            if changed.contains("Environment") || changed.contains("Description") {
                var environment: [String: String]?
                if changed.contains("Environment") {
                    var variables: [String: String] = [:]
                    for (key, value) in resource.properties["Environment"]?["Variables"]?.objectValue ?? [:] { variables[key] = try values.string(value) }
                    environment = variables
                }
                let description = changed.contains("Description") ? try values.string(resource.properties["Description"] ?? "") : nil
                operations.append(.functionConfiguration(logicalId: logicalId, function: physicalId, environment: environment, description: description))
            }
            return operations
        case "AWS::Lambda::Alias":
            let version = resource.properties["FunctionVersion"] ?? .null
            _ = try values.string(version)
            return [
                .updateAlias(
                    logicalId: logicalId, function: try values.string(resource.properties["FunctionName"] ?? .null),
                    alias: try values.string(resource.properties["Name"] ?? .null), version: version)
            ]
        case "AWS::StepFunctions::StateMachine":
            return [.stateMachineDefinition(logicalId: logicalId, arn: physicalId, definition: try definition(of: resource, values))]
        default:
            return []
        }
    }

    /// A state machine's definition as text: `DefinitionString` evaluated, or `Definition` written as JSON.
    private static func definition(of resource: Template.Resource, _ values: DeployedValues) throws(DeployedValues.Unknown) -> String {
        if let text = resource.properties["DefinitionString"] { return try values.string(text) }
        return JSONWriter(style: .compact).string(from: try values.evaluate(resource.properties["Definition"] ?? .object([:])))
    }

    /// The plan that takes the stack from `deployed` to `new`, whose deployed resources are `resources`.
    public init(deployed: Template, new: Template, resources: [CloudFormationClient.StackResource], account: String, region: String) {
        let diff = TemplateDiffer().diff(old: deployed, new: new)
        var values = DeployedValues(
            resources: resources,
            account: account, region: region, template: new)
        let outside: [(String, [EntryChange])] = [
            ("output", diff.outputs), ("parameter", diff.parameters), ("condition", diff.conditions),
            ("mapping", diff.mappings), ("rule", diff.rules), ("template attribute", diff.header),
        ]
        for (kind, entries) in outside {
            for entry in entries { blockers.append("the \(kind) \(entry.name) changes") }
        }
        // New versions are evaluated as published, with a number known only then: a stand-in checks here that
        // what names them can be evaluated.
        for change in diff.resources where change.action == .add && change.newType == "AWS::Lambda::Version" {
            values.published[change.logicalId] = (function: "function", version: "1")
        }
        for change in diff.resources {
            plan(change, new: new, values: values)
        }
    }

    private mutating func plan(_ change: ResourceChange, new: Template, values: DeployedValues) {
        let name = "\(change.logicalId) (\(change.type))"
        if change.type == "AWS::Lambda::Version", change.action == .destroy || change.action == .orphan { return }
        if change.type == "AWS::Lambda::Version", change.action == .add, let resource = new.resources[change.logicalId] {
            do throws(DeployedValues.Unknown) {
                let function = try values.string(resource.properties["FunctionName"] ?? .null)
                return operations.append(.publishVersion(logicalId: change.logicalId, function: function))
            } catch {
                return blockers.append("\(name): its function cannot be known without CloudFormation (\(error.reason))")
            }
        }
        guard change.action == .update, let resource = new.resources[change.logicalId], let allowed = Self.hotswappable[change.type] else {
            let verb =
                switch change.action {
                case .add: "is added"
                case .destroy, .orphan: "is removed"
                case .replace, .mayReplace: "is replaced"
                case .update: "changes, and its type is not one a hotswap changes"
                }
            return blockers.append("\(name) \(verb)")
        }
        // Metadata and the order of operations (DependsOn, also implied by a new reference) do not change what runs.
        let attributes = change.attributeChanges.filter { $0 != "Metadata" && $0 != "DependsOn" }
        if !attributes.isEmpty { blockers.append("\(name): its \(attributes.joined(separator: ", ")) change\(attributes.count == 1 ? "s" : "")") }
        let changed = Set(change.changes.compactMap(\.path.first))
        let others = changed.subtracting(allowed).sorted()
        if !others.isEmpty {
            return blockers.append("\(name): \(others.joined(separator: ", ")) change\(others.count == 1 ? "s" : ""), which only CloudFormation changes")
        }
        guard let physicalId = values.resources[change.logicalId]?.physicalId, !physicalId.isEmpty else {
            return blockers.append("\(name) is in the template but not deployed")
        }
        let code = resource.properties["Code"]
        if change.type == "AWS::Lambda::Function", changed.contains("Code"), code?["S3Bucket"] == nil || code?["S3Key"] == nil {
            return blockers.append("\(name): its code is not an S3 object (inline code and images are CloudFormation's to change)")
        }
        do throws(DeployedValues.Unknown) {
            operations += try Self.operations(setting: changed, of: change.logicalId, resource, physicalId: physicalId, values)
        } catch {
            blockers.append("\(name): what it changes to cannot be known without CloudFormation (\(error.reason))")
        }
    }
}
