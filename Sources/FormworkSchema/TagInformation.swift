/// How a resource type takes tags, as CDK's L1 constructs render them: which property, and in which shape.
///
/// ```swift
/// TagInformation.of("AWS::SSM::Parameter")   // TagInformation(format: .map, property: "Tags")
/// TagInformation.of("AWS::IAM::Policy")      // nil: not taggable
/// ```
public struct TagInformation: Sendable, Hashable {
    /// The shape of the tags property.
    public enum Format: String, Sendable, Hashable {
        /// `[{"Key": k, "Value": v}, ...]`.
        case standard
        /// `{"k": v, ...}`.
        case map
        /// `[{"Key": k, "PropagateAtLaunch": true, "Value": v}, ...]`, for Auto Scaling groups.
        case autoScalingGroup = "asg"
    }

    /// The shape of the tags property.
    public let format: Format
    /// The property that holds the tags (`Tags` for most types).
    public let property: String

    /// How resources of `type` take tags; `nil` when CDK does not tag the type.
    public static func of(_ type: String) -> TagInformation? {
        byType[type]
    }

    /// Parsed on first use from the generated table.
    private static let byType: [String: TagInformation] = {
        var entries: [String: TagInformation] = [:]
        for fields in table.tableRows() {
            guard fields.count == 3, let format = Format(rawValue: String(fields[1])) else { continue }
            entries[String(fields[0])] = TagInformation(format: format, property: String(fields[2]))
        }
        return entries
    }()
}
