import FormworkCore

extension Duration {
    /// `minutes` minutes.
    public static func minutes(_ minutes: Int) -> Duration { .seconds(minutes * 60) }
    /// `hours` hours.
    public static func hours(_ hours: Int) -> Duration { .seconds(hours * 3_600) }
    /// `days` days.
    public static func days(_ days: Int) -> Duration { .seconds(days * 86_400) }

    /// The duration in whole seconds, rounded down, as CloudFormation properties take it.
    var wholeSeconds: Int { Int(components.seconds) }
}
