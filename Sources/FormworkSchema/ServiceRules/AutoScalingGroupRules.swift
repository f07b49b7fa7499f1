import Foundation
import FormworkTemplate

extension ValidationRun {
    /// A group's `MaxSize` is at least its `MinSize` (cfn-lint E3706), and its `HealthCheckType` names EC2
    /// alone or the other checks without it (E3056).
    mutating func checkAutoScalingGroup(_ group: Template.Resource, path: [String]) {
        if let minimum = group.properties["MinSize"]?.literalInteger, let maximum = group.properties["MaxSize"]?.literalInteger, maximum < minimum {
            error("range", path + ["MaxSize"], "MaxSize \(maximum) is below MinSize \(minimum)")
        }
        if let types = group.properties["HealthCheckType"]?.stringValue?.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }),
            types.count > 1, types.contains("EC2")
        {
            error(
                "enum", path + ["HealthCheckType"],
                "EC2 health checks are always on and cannot be listed with others; write \(types.filter { $0 != "EC2" }.joined(separator: ","))")
        }
    }
}
