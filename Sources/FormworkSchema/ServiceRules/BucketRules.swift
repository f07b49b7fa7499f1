import FormworkTemplate

extension ValidationRun {
    /// Intelligent-Tiering moves objects to the archive tiers after 90 to 730 days (Archive Access) or 180 to
    /// 730 days (Deep Archive Access) without access (cfn-lint E3061).
    mutating func checkIntelligentTiering(_ bucket: Template.Resource, path: [String]) {
        let bounds = ["ARCHIVE_ACCESS": 90...730, "DEEP_ARCHIVE_ACCESS": 180...730]
        for (index, configuration) in (bucket.properties["IntelligentTieringConfigurations"]?.arrayValue ?? []).enumerated() {
            for (position, tiering) in (configuration["Tierings"]?.arrayValue ?? []).enumerated() {
                guard let tier = tiering["AccessTier"]?.stringValue, let range = bounds[tier], let days = tiering["Days"]?.literalInteger,
                    !range.contains(days)
                else { continue }
                error(
                    "range", path + ["IntelligentTieringConfigurations", String(index), "Tierings", String(position), "Days"],
                    "\(tier) takes \(range.lowerBound) to \(range.upperBound) days; found \(days)")
            }
        }
    }
}
