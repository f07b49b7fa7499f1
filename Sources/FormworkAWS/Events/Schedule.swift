import FormworkCore

/// When a scheduled rule runs: a rate or a cron expression, written as CloudFormation expects.
///
/// ```swift
/// .rate(.minutes(5))                     // rate(5 minutes)
/// .cron(minute: "0", hour: "2")          // cron(0 2 * * ? *)
/// ```
public struct Schedule: Sendable, Hashable {
    /// The fields of a cron expression; each `*` unless given (the week day `?`).
    public struct Cron: Sendable, Hashable {
        /// The six fields of the expression, in UTC, each taking values, ranges (`1-5`), lists (`1,15`), steps (`0/15`) and
        /// wildcards: `minute` 0–59, `hour` 0–23, `day` of the month 1–31, `month` 1–12 or `JAN`–`DEC`, `weekDay` 1–7 or
        /// `SUN`–`SAT`, `year` 1970–2199. Each not given is written `*`, except `weekDay`, written `?`, and `day`, written `?`
        /// when `weekDay` is given.
        public var minute, hour, day, month, weekDay, year: String?
    }

    enum Kind: Sendable, Hashable {
        case rate(Duration)
        case cron(Cron)
        case expression(String)
    }

    let kind: Kind

    /// Every `interval`, in whole minutes, hours or days.
    public static func rate(_ interval: Duration) -> Schedule { Schedule(kind: .rate(interval)) }

    /// A cron schedule; `day` and `weekDay` cannot both be set.
    public static func cron(
        minute: String? = nil, hour: String? = nil, day: String? = nil, month: String? = nil,
        weekDay: String? = nil, year: String? = nil
    ) -> Schedule {
        Schedule(kind: .cron(Cron(minute: minute, hour: hour, day: day, month: month, weekDay: weekDay, year: year)))
    }

    /// A schedule expression written out (`rate(1 hour)`, `cron(...)`).
    public static func expression(_ expression: String) -> Schedule { Schedule(kind: .expression(expression)) }

    /// The `ScheduleExpression`, or a message saying why the schedule is invalid.
    func expressionString() -> Result<String, ScheduleError> {
        switch kind {
        case .expression(let text):
            guard text.hasPrefix("rate(") || text.hasPrefix("cron(") || text.hasPrefix("at(") else {
                return .failure(ScheduleError("'\(text)' is not a schedule expression; use rate(...) or cron(...)"))
            }
            return .success(text)
        case .rate(let interval):
            let seconds = interval.wholeSeconds
            guard seconds >= 60, seconds % 60 == 0 else {
                return .failure(ScheduleError("a rate must be a whole number of minutes, at least one; it is \(seconds) s"))
            }
            let (amount, unit) = seconds % 86_400 == 0 ? (seconds / 86_400, "day") : seconds % 3_600 == 0 ? (seconds / 3_600, "hour") : (seconds / 60, "minute")
            return .success("rate(\(amount) \(unit)\(amount == 1 ? "" : "s"))")
        case .cron(let cron):
            if cron.day != nil, cron.weekDay != nil {
                return .failure(ScheduleError("a cron schedule cannot set both the day of the month and the day of the week"))
            }
            let fields = [("minute", cron.minute, 0...59), ("hour", cron.hour, 0...23), ("day", cron.day, 1...31), ("month", cron.month, 1...12)]
            for (name, value, range) in fields {
                if let value, let number = Int(value), !range.contains(number) {
                    return .failure(ScheduleError("the cron \(name) must be between \(range.lowerBound) and \(range.upperBound); it is \(number)"))
                }
            }
            let day = cron.day ?? (cron.weekDay == nil ? "*" : "?")
            let parts = [cron.minute ?? "*", cron.hour ?? "*", day, cron.month ?? "*", cron.weekDay ?? "?", cron.year ?? "*"]
            return .success("cron(\(parts.joined(separator: " ")))")
        }
    }
}

/// Why a schedule is invalid.
struct ScheduleError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
