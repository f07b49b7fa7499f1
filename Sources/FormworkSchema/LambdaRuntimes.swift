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
    private static func day(of date: Date) -> String {
        let components = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
        return String(format: "%04d-%02d-%02d", components.year ?? 0, components.month ?? 0, components.day ?? 0)
    }

    private struct Entry {
        let deprecated: String?
        let createBlocked: String?
        let updateBlocked: String?
        let successor: String?
    }

    private static let lifecycle: [String: Entry] = {
        var entries: [String: Entry] = [:]
        for line in table.split(separator: "\n") {
            let fields = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.isEmpty ? nil : String($0) }
            guard fields.count == 5, let name = fields[0] else { continue }
            entries[name] = Entry(deprecated: fields[1], createBlocked: fields[2], updateBlocked: fields[3], successor: fields[4])
        }
        return entries
    }()
}
