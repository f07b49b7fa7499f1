import FormworkCloud
import FormworkDiff
import FormworkTemplate
import Foundation

/// What a hotswap deployment does to a deployed stack, read from the diff of its templates: the changes the
/// services can take directly (CDK's `cdk deploy --hotswap`), or why CloudFormation must make them.
///
/// Hotswapped: a Lambda function's code, environment and description; a state machine's definition. Any
/// other change — another property, another type, a resource added, replaced or removed, an output — is a
/// reason the stack cannot be hotswapped, and so is a new value that only CloudFormation can evaluate.
public struct HotswapPlan: Sendable, Equatable {
    /// One call that makes a change in place.
    public enum Operation: Sendable, Equatable {
        /// `UpdateFunctionCode` of `function` to the zip `key` in `bucket`.
        case functionCode(logicalId: String, function: String, bucket: String, key: String)
        /// `UpdateFunctionConfiguration` of `function`: the environment and description given (`nil`: unchanged).
        case functionConfiguration(logicalId: String, function: String, environment: [String: String]?, description: String?)
        /// `UpdateStateMachine` of `arn` to `definition`.
        case stateMachineDefinition(logicalId: String, arn: String, definition: String)

        /// The resource it changes.
        public var logicalId: String {
            switch self {
            case .functionCode(let logicalId, _, _, _), .functionConfiguration(let logicalId, _, _, _),
                 .stateMachineDefinition(let logicalId, _, _): logicalId
            }
        }

        /// What it changes, in words: `code of OrdersWorker1A2B3C4D`.
        public var summary: String {
            switch self {
            case .functionCode(let logicalId, _, _, _): "code of \(logicalId)"
            case .functionConfiguration(let logicalId, _, let environment, let description):
                [environment == nil ? nil : "environment", description == nil ? nil : "description"].compactMap { $0 }.joined(separator: " and ") + " of \(logicalId)"
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
    ]

    /// The plan that takes the stack from `deployed` to `new`, whose deployed resources are `resources`.
    public init(deployed: Template, new: Template, resources: [CloudFormationClient.StackResource], account: String, region: String) {
        let diff = TemplateDiffer().diff(old: deployed, new: new)
        let values = DeployedValues(resources: Dictionary(resources.map { ($0.logicalId, $0) }, uniquingKeysWith: { first, _ in first }),
                                    account: account, region: region, template: new)
        let outside: [(String, [EntryChange])] = [("output", diff.outputs), ("parameter", diff.parameters), ("condition", diff.conditions),
                                                  ("mapping", diff.mappings), ("rule", diff.rules), ("template attribute", diff.header)]
        for (kind, entries) in outside {
            for entry in entries { blockers.append("the \(kind) \(entry.name) changes") }
        }
        for change in diff.resources {
            plan(change, new: new, values: values)
        }
    }

    private mutating func plan(_ change: ResourceChange, new: Template, values: DeployedValues) {
        let name = "\(change.logicalId) (\(change.type))"
        guard change.action == .update, let resource = new.resources[change.logicalId], let allowed = Self.hotswappable[change.type] else {
            let verb = switch change.action {
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
        do throws(DeployedValues.Unknown) {
            switch change.type {
            case "AWS::Lambda::Function":
                if changed.contains("Code") {
                    let code = resource.properties["Code"] ?? .null
                    guard let bucket = code["S3Bucket"], let key = code["S3Key"] else {
                        return blockers.append("\(name): its code is not an S3 object (inline code and images are CloudFormation's to change)")
                    }
                    operations.append(.functionCode(logicalId: change.logicalId, function: physicalId, bucket: try values.string(bucket), key: try values.string(key)))
                }
                if changed.contains("Environment") || changed.contains("Description") {
                    var environment: [String: String]?
                    if changed.contains("Environment") {
                        var variables: [String: String] = [:]
                        for (key, value) in resource.properties["Environment"]?["Variables"]?.objectValue ?? [:] {
                            variables[key] = try values.string(value)
                        }
                        environment = variables
                    }
                    let description = changed.contains("Description") ? try values.string(resource.properties["Description"] ?? "") : nil
                    operations.append(.functionConfiguration(logicalId: change.logicalId, function: physicalId, environment: environment, description: description))
                }
            default:
                let definition: String
                if let text = resource.properties["DefinitionString"] {
                    definition = try values.string(text)
                } else {
                    definition = JSONWriter(style: .compact).string(from: try values.evaluate(resource.properties["Definition"] ?? .object([:])))
                }
                operations.append(.stateMachineDefinition(logicalId: change.logicalId, arn: physicalId, definition: definition))
            }
        } catch {
            blockers.append("\(name): what it changes to cannot be known without CloudFormation (\(error.reason))")
        }
    }
}
