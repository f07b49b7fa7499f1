import Foundation

/// Where a Lambda runtime is in its life, from cfn-lint's lifecycle data (refreshed by
/// `Scripts/update-schemas`): current, superseded by a newer version of its family, deprecated (no more
/// patches), refused for new functions, or refused for any change.
public enum LambdaRuntimes {
    /// A runtime's standing on a day.
    public enum Status: Equatable, Sendable {
        /// Supported, and the latest version of its family.
        case current
        /// A newer version of the family exists.
        case superseded(by: String)
        /// Past its deprecation date: no more patches.
        case deprecated
        /// Lambda refuses creating functions with it; existing ones may still be updated.
        case creationBlocked
        /// Lambda refuses creating and updating functions with it.
        case updateBlocked
    }

    /// The status of `runtime` on `date`; `nil` for a runtime the data does not know (a newer one).
    public static func status(of runtime: String, on date: Date = Date()) -> Status? {
        guard let entry = lifecycle[runtime] else { return nil }
        let today = day(of: date)
        if let blocked = entry.updateBlocked, blocked <= today { return .updateBlocked }
        if let blocked = entry.createBlocked, blocked <= today { return .creationBlocked }
        if let deprecated = entry.deprecated, deprecated <= today { return .deprecated }
        return entry.successor.map { .superseded(by: $0) } ?? .current
    }

    /// `yyyy-MM-dd` of `date` in UTC, which compares as the dates of the table do.
    ///
    /// Computed from the days since 1970 with the proleptic Gregorian calendar's 400-year cycles, not with
    /// `Calendar` (whose set-up cost 40,000 instructions a call, once per function in every validation).
    static func day(of date: Date) -> String {
        let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
        // Days since 0000-03-01, so that a leap day ends its year.
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return "\(digits(year, 4))-\(digits(month, 2))-\(digits(day, 2))"
    }

    /// `value` in decimal, padded with zeros to `width`.
    private static func digits(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    private struct Entry {
        let deprecated: String?
        let createBlocked: String?
        let updateBlocked: String?
        let successor: String?
    }

    private static let lifecycle: [String: Entry] = {
        var entries: [String: Entry] = [:]
        for row in table.tableRows() {
            let fields = row.map { $0.isEmpty ? nil : String($0) }
            guard fields.count == 5, let name = fields[0] else { continue }
            entries[name] = Entry(deprecated: fields[1], createBlocked: fields[2], updateBlocked: fields[3], successor: fields[4])
        }
        return entries
    }()
}
