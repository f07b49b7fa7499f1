import Foundation

/// Where a Lambda runtime is in its life: current, superseded by a newer version of its family, or
/// deprecated (no more patches; creating functions with it is refused later). From cfn-lint's lifecycle
/// data, refreshed by `Scripts/update-schemas`.
enum LambdaRuntimes {
    enum Status: Equatable {
        case current
        /// A newer version of the family exists.
        case superseded(by: String)
        /// Past its deprecation date.
        case deprecated
    }

    /// The status of `runtime` on `date`; `nil` for a runtime the data does not know (a newer one).
    static func status(of runtime: String, on date: Date = Date()) -> Status? {
        guard let entry = lifecycle[runtime] else { return nil }
        if let deprecated = entry.deprecated, deprecated <= day(of: date) { return .deprecated }
        return entry.successor.map { .superseded(by: $0) } ?? .current
    }

    /// `yyyy-MM-dd` of `date` in UTC, which compares as the dates of the table do.
    private static func day(of date: Date) -> String {
        let components = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
        return String(format: "%04d-%02d-%02d", components.year ?? 0, components.month ?? 0, components.day ?? 0)
    }

    private static let lifecycle: [String: (deprecated: String?, successor: String?)] = {
        var entries: [String: (deprecated: String?, successor: String?)] = [:]
        for line in table.split(separator: "\n") {
            let fields = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3 else { continue }
            entries[fields[0]] = (fields[1].isEmpty ? nil : fields[1], fields[2].isEmpty ? nil : fields[2])
        }
        return entries
    }()
}
