import FormworkTemplate

extension ValidationRun {
    /// Every cache behavior of a distribution targets an origin or origin group the distribution declares
    /// (cfn-lint E3057).
    mutating func checkCacheBehaviorOrigins(of distribution: Template.Resource, path: [String]) {
        guard let config = distribution.properties["DistributionConfig"], config.objectValue != nil else { return }
        var ids: [String] = []
        let origins = (config["Origins"]?.arrayValue ?? []) + (config["OriginGroups"]?["Items"]?.arrayValue ?? [])
        for origin in origins {
            guard let id = origin["Id"]?.stringValue else { return }
            ids.append(id)
        }
        guard config["Origins"]?.arrayValue != nil else { return }
        let configPath = path + ["DistributionConfig"]
        var behaviors: [(JSONValue, [String])] = []
        if let behavior = config["DefaultCacheBehavior"] { behaviors.append((behavior, configPath + ["DefaultCacheBehavior"])) }
        for (index, behavior) in (config["CacheBehaviors"]?.arrayValue ?? []).enumerated() {
            behaviors.append((behavior, configPath + ["CacheBehaviors", String(index)]))
        }
        for (behavior, behaviorPath) in behaviors {
            guard let target = behavior["TargetOriginId"]?.stringValue, !ids.contains(target) else { continue }
            error(
                "cache-behavior-origin", behaviorPath + ["TargetOriginId"],
                "'\(target)' is not the Id of an origin or origin group of this distribution (\(ids.map { "'\($0)'" }.joined(separator: ", "))).\(suggestion(for: target, among: .names(ids)))"
            )
        }
    }
}
