import FormworkCore

/// Range checks of construct settings, raising CDK's errors as synthesis errors at the construct's path.
enum PropertyChecks {
    /// Fails when `value` is set and outside `range`, naming the setting and the allowed range.
    static func check(_ value: Int?, in range: ClosedRange<Int>, _ setting: String, unit: String = "", at scope: ConstructScope) throws(SynthesisError) {
        guard let value, !range.contains(value) else { return }
        throw SynthesisError(
            .invalidSetting, paths: [scope.path],
            "\(setting) must be between \(range.lowerBound) and \(range.upperBound)\(unit); it is \(value)\(unit)")
    }
}
