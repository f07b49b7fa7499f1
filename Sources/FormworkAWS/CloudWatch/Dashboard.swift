import FormworkCore
import FormworkL1
import OrderedCollections

/// A CloudWatch dashboard (CDK's `cloudwatch.Dashboard`): rows of graph, single-value and text widgets over
/// construct metrics, laid out and written as CDK writes them (each row below the one before, widgets left
/// to right, wrapping at the grid's 24 columns).
///
/// ```swift
/// Dashboard("Orders", dashboardName: "orders", rows: [
///     [.graph(title: "Errors", left: [worker.metric(.errors)]), .singleValue(title: "Backlog", metrics: [queue.metric(.approximateNumberOfMessagesVisible)])],
/// ])
/// ```
public struct Dashboard: IdentifiedConstruct {
    public let id: String
    public let identity = ConstructIdentity()
    /// The dashboard's name (`DashboardName`): 1 to 255 letters, digits, `-` and `_`; `nil` (the default) leaves it out and
    /// CloudFormation generates one.
    public var dashboardName: String?
    /// The widgets, row by row (`DashboardBody`): each row starts below the one before, its widgets placed left to right and
    /// wrapping at the grid's 24 columns. A widget is 1 to 24 columns wide and at least 1 high.
    public var rows: [[Widget]]

    /// One widget.
    public enum Widget: Sendable {
        /// Metrics or math expressions over time, on the left and right axes (6 × 6 unless given). As in CDK, a metric that an
        /// expression of the widget uses is written once: shown, with the expression's id for it, when the widget lists it too,
        /// else hidden; one id naming two different metrics in a widget is an error.
        case graph(title: String? = nil, left: [any MetricSeries], right: [any MetricSeries] = [], width: Int = 6, height: Int = 6)
        /// The latest values (6 × 3 unless given).
        case singleValue(title: String? = nil, metrics: [any MetricSeries], width: Int = 6, height: Int = 3)
        /// Markdown text (6 × 2 unless given).
        case text(markdown: String, width: Int = 6, height: Int = 2)
        /// The state of each of `alarms` (CDK's `AlarmStatusWidget`), titled "Alarm Status" unless given (6 × 3 unless
        /// given).
        case alarmStatus(title: String? = nil, alarms: [Alarm], width: Int = 6, height: Int = 3)

        var size: (width: Int, height: Int) {
            switch self {
            case .graph(_, _, _, let width, let height), .singleValue(_, _, let width, let height), .text(_, let width, let height),
                .alarmStatus(_, _, let width, let height):
                (width, height)
            }
        }

        var series: [any MetricSeries] {
            plotted.map { $0.series }
        }

        /// The series the widget shows, each with whether it is on the right axis.
        var plotted: [(series: any MetricSeries, right: Bool)] {
            switch self {
            case .graph(_, let left, let right, _, _):
                return left.map { (series: $0, right: false) } + right.map { (series: $0, right: true) }
            case .singleValue(_, let metrics, _, _):
                return metrics.map { (series: $0, right: false) }
            case .text, .alarmStatus:
                return []
            }
        }
    }

    /// A dashboard with `rows` of widgets.
    public init(_ id: String, dashboardName: String? = nil, rows: [[Widget]]) {
        self.id = id
        self.dashboardName = dashboardName
        self.rows = rows
    }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        if let dashboardName,
            dashboardName.isEmpty || dashboardName.count > 255
                || !dashboardName.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        {
            throw SynthesisError(
                .invalidSetting, paths: [scope.path], "the dashboard name '\(dashboardName)' is not valid: letters, digits, - and _, at most 255")
        }
        for widget in rows.joined() where !(1...24).contains(widget.size.width) || widget.size.height < 1 {
            throw SynthesisError(.invalidSetting, paths: [scope.path], "a widget is 1 to 24 columns wide and at least 1 high")
        }
        for series in rows.joined().flatMap(\.series) {
            if case .math(let expression) = series.series { try expression.validate(at: scope) }
        }
        for widget in rows.joined() {
            if let id = MetricSet(widget.plotted).conflictingIds.first {
                throw SynthesisError(
                    .invalidSetting, paths: [scope.path], "two different metrics have the id '\(id)' in one widget; give one of them another id")
            }
        }
        var body = DashboardBody()
        body.text("{\"widgets\":[")
        var y = 0
        var first = true
        for row in rows {
            var x = 0
            var lineHeight = 0
            for widget in row {
                let (width, height) = widget.size
                if x + width > 24 {
                    y += lineHeight
                    x = 0
                    lineHeight = 0
                }
                if !first { body.text(",") }
                first = false
                body.widget(widget, x: x, y: y)
                x += width
                lineHeight = max(lineHeight, height)
            }
            y += lineHeight
        }
        body.text("]}")
        try scope.declareResource(CfnCloudWatch.Dashboard(dashboardBody: body.value, dashboardName: dashboardName.map { .string($0) }))
    }
}

/// The dashboard's JSON text, with the references in it kept apart: `Fn::Join` of text and references.
struct DashboardBody {
    private var joined = JoinedText()

    mutating func text(_ text: String) { joined.text(text) }

    mutating func reference(_ value: Value) { joined.reference(value) }

    var value: Value { joined.value }

    /// A string as JSON text, or the reference inside quotes.
    mutating func string(_ value: Value) {
        if case .string(let text) = value {
            self.text(Self.quoted(text))
        } else {
            self.text("\"")
            reference(value)
            self.text("\"")
        }
    }

    mutating func widget(_ widget: Dashboard.Widget, x: Int, y: Int) {
        let (width, height) = widget.size
        switch widget {
        case .graph(let title, _, _, _, _):
            text("{\"type\":\"metric\",\"width\":\(width),\"height\":\(height),\"x\":\(x),\"y\":\(y),\"properties\":{\"view\":\"timeSeries\"")
            if let title { text(",\"title\":\(Self.quoted(title))") }
            text(",\"region\":")
            string(Aws.region)
            text(",\"metrics\":[")
            metrics(widget.plotted)
            text("],\"yAxis\":{}}}")
        case .singleValue(let title, _, _, _):
            text("{\"type\":\"metric\",\"width\":\(width),\"height\":\(height),\"x\":\(x),\"y\":\(y),\"properties\":{\"view\":\"singleValue\"")
            if let title { text(",\"title\":\(Self.quoted(title))") }
            text(",\"region\":")
            string(Aws.region)
            text(",\"metrics\":[")
            metrics(widget.plotted)
            text("]}}")
        case .text(let markdown, _, _):
            text("{\"type\":\"text\",\"width\":\(width),\"height\":\(height),\"x\":\(x),\"y\":\(y),\"properties\":{\"markdown\":\(Self.quoted(markdown))}}")
        case .alarmStatus(let title, let alarms, _, _):
            text(
                "{\"type\":\"alarm\",\"width\":\(width),\"height\":\(height),\"x\":\(x),\"y\":\(y),\"properties\":{\"title\":\(Self.quoted(title ?? "Alarm Status"))"
            )
            text(",\"alarms\":[")
            for (index, alarm) in alarms.enumerated() {
                if index > 0 { text(",") }
                string(alarm.arn)
            }
            text("]}}")
        }
    }

    /// `[namespace, name, dimension, value, ..., {id, visible, period, stat, yAxis}]` per metric, and for an expression
    /// `[{label, expression, period, yAxis}]` followed by the metrics it uses, as CDK renders a `MetricSet`: a metric
    /// the widget also shows is written once, where it is first listed, with the expression's id for it; one only used
    /// is hidden and on no axis.
    private mutating func metrics(_ list: [(series: any MetricSeries, right: Bool)]) {
        for (index, entry) in MetricSet(list).entries.enumerated() {
            if index > 0 { text(",") }
            switch entry.series {
            case .metric(let plain):
                var options: [String] = []
                if let id = entry.id { options.append("\"id\":\(Self.quoted(id))") }
                if entry.axis == nil { options.append("\"visible\":false") }
                metricRow(plain, options: options, right: entry.axis == .right)
            case .math(let expression):
                var options = ["\"label\":\(Self.quoted(expression.label ?? expression.expression))", "\"expression\":\(Self.quoted(expression.expression))"]
                if expression.period.wholeSeconds != 300 { options.append("\"period\":\(expression.period.wholeSeconds)") }
                if entry.axis == .right { options.append("\"yAxis\":\"right\"") }
                text("[{\(options.joined(separator: ","))}]")
            }
        }
    }

    /// One metric's row, with `options` before those CDK writes when they are not the default.
    private mutating func metricRow(_ metric: Metric, options: [String], right: Bool) {
        text("[\(Self.quoted(metric.namespace)),\(Self.quoted(metric.name))")
        for dimension in metric.dimensions {
            text(",\(Self.quoted(dimension.name)),")
            string(dimension.value)
        }
        // CDK leaves out what is the default: a five-minute period, the Average statistic, the left axis.
        var options = options
        if metric.period.wholeSeconds != 300 { options.append("\"period\":\(metric.period.wholeSeconds)") }
        if metric.statistic != .average { options.append("\"stat\":\(Self.quoted(metric.statistic.rawValue))") }
        if right { options.append("\"yAxis\":\"right\"") }
        text(options.isEmpty ? "]" : ",{\(options.joined(separator: ","))}]")
    }

    /// `text` as a JSON string, escaped as JavaScript's `JSON.stringify` escapes it.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            case let control where control.value < 0x20:
                result += "\\u" + String(repeating: "0", count: 4 - String(control.value, radix: 16).count) + String(control.value, radix: 16)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
