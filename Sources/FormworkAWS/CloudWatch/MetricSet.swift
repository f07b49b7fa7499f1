import FormworkCore
import OrderedCollections

/// The rows of a graph or single-value widget as CDK's `MetricSet` collects them: each series in order, an
/// expression followed by the metrics it uses, and every metric once. A metric both shown and used by an
/// expression is one row, shown, with the expression's id for it; a metric only used is hidden (`visible:
/// false`). A metric shown twice is shown once, on the first axis it was given; the same metric used under two
/// ids is two rows; one id for two different metrics is an error (``conflictingIds``).
struct MetricSet {
    /// The axis a row is drawn on.
    enum Axis: Equatable {
        case left, right
    }

    /// One row.
    struct Entry {
        var series: MetricSeriesValue
        /// The id an expression names it by; `nil` for a row no expression uses.
        var id: String?
        /// `nil`: hidden, only used by an expression.
        var axis: Axis?
    }

    /// The rows, in order.
    private(set) var entries: [Entry] = []
    /// The ids given to two different metrics, in the order met.
    private(set) var conflictingIds: [String] = []

    /// The rows of `list`, each series on the right axis when `right`.
    init(_ list: [(series: any MetricSeries, right: Bool)]) {
        for item in list { add(item.series.series, axis: item.right ? .right : .left, id: nil) }
    }

    /// CDK's `MetricSet.addOne`: the row of `series` found by its id, else by its key (unless both it and the row found
    /// have an id), else a new row; then the metrics an expression uses, under their ids and hidden.
    private mutating func add(_ series: MetricSeriesValue, axis: Axis?, id: String?) {
        var found: Int?
        if let id, let byId = entries.firstIndex(where: { $0.id == id }) {
            guard Self.sameKey(entries[byId].series, series) else {
                if !conflictingIds.contains(id) { conflictingIds.append(id) }
                return
            }
            found = byId
        }
        // CDK keeps the latest row made for a key.
        if found == nil, let byKey = entries.lastIndex(where: { Self.sameKey($0.series, series) }), entries[byKey].id == nil || id == nil {
            found = byKey
        }
        if let found {
            if entries[found].id == nil { entries[found].id = id }
            if entries[found].axis == nil { entries[found].axis = axis }
        } else {
            entries.append(Entry(series: series, id: id, axis: axis))
        }
        if case .math(let expression) = series {
            for (usedId, metric) in expression.usingMetrics { add(.metric(metric), axis: nil, id: usedId) }
        }
    }

    /// Whether CDK's `metricKey` is the same for `a` and `b`: the same metric (namespace, name, dimensions, statistic
    /// and period), or the same expression over the same metrics under the same ids (its label not counted).
    static func sameKey(_ a: MetricSeriesValue, _ b: MetricSeriesValue) -> Bool {
        switch (a, b) {
        case (.metric(let first), .metric(let second)):
            return first == second
        case (.math(let first), .math(let second)):
            return first.expression == second.expression && first.usingMetrics.count == second.usingMetrics.count
                && first.usingMetrics.allSatisfy { second.usingMetrics[$0.key] == $0.value }
        default:
            return false
        }
    }
}
