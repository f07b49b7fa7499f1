import Foundation
import FormworkTemplate
import OrderedCollections

/// Compares a synthesized template with the one CDK wrote, by the project's parity rules (ARCHITECTURE.md,
/// "Tests and reference data"): same logical IDs and types; properties, removal policies, conditions and
/// outputs equal as CloudFormation sees them (`10` = `"10"`, key order ignored, IAM statement and action
/// lists and managed policy ARNs as multisets); every `DependsOn` edge of the reference that no reference
/// implies is present, and none beyond the reference's. API Gateway deployment IDs must be equal too, hash
/// included: Formwork hashes them as CDK does.
public enum ParityCheck {
    public static let unorderedKeys: Set<String> = ["Statement", "Action", "NotAction", "ManagedPolicyArns"]

    /// Functions Formwork writes with its own handler where CDK ships its code as an asset (CDK's code is not
    /// copied): by logical ID prefix, the properties that hold the code and its runtime, which are not compared,
    /// nor is the `aws:asset:*` metadata of CDK's asset. The log retention provider (`LogRetentionProvider`) runs
    /// Formwork's inline Python handler, CDK's runs Node.js from an asset. The S3 notifications handler
    /// (`BucketNotificationsHandler`) runs Formwork's inline Python handler where CDK inlines its own.
    public static let ownHandlers: [(logicalIdPrefix: String, properties: [String])] = [
        ("LogRetentionaae0aa3c5b4d4f87b02d85b201efdd8a", ["Code", "Runtime"]),
        ("BucketNotificationsHandler050a0587b7544547bf325f094a3db834", ["Code", "Runtime"]),
    ]

    /// `reference` with the ``ownHandlers`` properties of its functions taken from `ours`: what is left to compare
    /// (and to diff, for a migration) is everything else.
    public static func adoptingOwnHandlers(_ reference: Template, from ours: Template) -> Template {
        var adopted = reference
        for (logicalId, resource) in reference.resources where resource.type == "AWS::Lambda::Function" {
            guard let exemption = ownHandlers.first(where: { logicalId.hasPrefix($0.logicalIdPrefix) }), let mine = ours.resources[logicalId] else { continue }
            for property in exemption.properties { adopted.resources[logicalId]?.properties[property] = mine.properties[property] }
            adopted.resources[logicalId]?.metadata = mine.metadata
        }
        return adopted
    }

    public static func differences(reference: Template, ours: Template) -> [String] {
        let reference = adoptingOwnHandlers(reference, from: ours)
        var found: [String] = []
        let referenceIds = reference.resources.keys.filter { reference.resources[$0]?.type != "AWS::CDK::Metadata" }
        if Set(referenceIds) != Set(ours.resources.keys) {
            found.append(
                "logical IDs differ: missing \(Set(referenceIds).subtracting(ours.resources.keys).sorted()), extra \(Set(ours.resources.keys).subtracting(referenceIds).sorted())"
            )
        }
        for logicalId in referenceIds {
            guard let expected = reference.resources[logicalId], let actual = ours.resources[logicalId] else { continue }
            if expected.type != actual.type { found.append("\(logicalId): type \(actual.type), expected \(expected.type)") }
            if canonical(.object(expected.properties)) != canonical(.object(actual.properties)) {
                found.append(
                    "\(logicalId): properties differ:\n  ours: \(JSONWriter(style: .compact).string(from: .object(actual.properties)))\n  cdk:  \(JSONWriter(style: .compact).string(from: .object(expected.properties)))"
                )
            }
            if expected.deletionPolicy != actual.deletionPolicy || expected.updateReplacePolicy != actual.updateReplacePolicy {
                found.append("\(logicalId): removal policies differ")
            }
            if expected.condition != actual.condition { found.append("\(logicalId): condition differs") }
            let implied = expected.referencedLogicalIds
            let required = Set(expected.dependsOn).subtracting(implied)
            let actualEdges = Set(actual.dependsOn)
            if !required.isSubset(of: actualEdges) || !actualEdges.isSubset(of: Set(expected.dependsOn)) {
                found.append("\(logicalId): DependsOn \(actual.dependsOn), expected \(expected.dependsOn) (implied: \(implied.elements))")
            }
        }
        if canonical(.object(reference.outputs.mapValues(\.json))) != canonical(.object(ours.outputs.mapValues(\.json))) {
            found.append("outputs differ")
        }
        return found
    }

    /// The value as CloudFormation compares it: scalars as text, objects without key order, unordered lists
    /// sorted.
    static func canonical(_ value: JSONValue, key: String? = nil) -> JSONValue {
        switch value {
        case .null: return .null
        case .bool(let flag): return .string(flag ? "true" : "false")
        case .number, .numberText: return .string(JSONWriter(style: .compact).string(from: value))
        case .string: return value
        case .array(let elements):
            var canonicalElements = elements.map { canonical($0) }
            if let key, unorderedKeys.contains(key) {
                canonicalElements.sort { JSONWriter(style: .compact).string(from: $0) < JSONWriter(style: .compact).string(from: $1) }
            }
            return .array(canonicalElements)
        case .object(let members):
            var sorted = OrderedDictionary<String, JSONValue>()
            for name in members.keys.sorted() { sorted[name] = canonical(members[name]!, key: name) }
            return .object(sorted)
        }
    }
}
