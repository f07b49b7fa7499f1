import FormworkTemplate

extension ValidationRun {
    /// The subscription filters CloudWatch Logs allows on one log group.
    static let subscriptionFiltersPerGroup = 5

    /// An alarm notifies at most 5 distinct actions per state (cfn-lint E3065).
    mutating func checkAlarmActions(_ alarm: Template.Resource, path: [String]) {
        for name in ["AlarmActions", "OKActions", "InsufficientDataActions"] {
            guard let actions = alarm.properties[name]?.arrayValue else { continue }
            let distinct = Set(actions)
            if distinct.count > 5 {
                error("limit", path + [name], "\(distinct.count) distinct actions; an alarm takes at most 5 per state")
            }
        }
    }

    /// At most 5 subscription filters per log group, counting the filters of this template that name the same
    /// group (cfn-lint E2529).
    mutating func checkSubscriptionFilterCounts() {
        var filters: [JSONValue: [String]] = [:]
        for index in positions(of: "AWS::Logs::SubscriptionFilter") where template.resources.values[index].condition == nil {
            if let group = template.resources.values[index].properties["LogGroupName"] { filters[group, default: []].append(template.resources.keys[index]) }
        }
        for (_, ids) in filters.sorted(by: { $0.value[0] < $1.value[0] }) where ids.count > Self.subscriptionFiltersPerGroup {
            error(
                "limit", ["Resources", ids[Self.subscriptionFiltersPerGroup], "Properties", "LogGroupName"],
                "\(ids.count) subscription filters (\(ids.joined(separator: ", "))) on one log group; CloudWatch Logs allows \(Self.subscriptionFiltersPerGroup)"
            )
        }
    }
}
