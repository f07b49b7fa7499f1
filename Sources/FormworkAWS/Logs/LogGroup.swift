import FormworkCore
import OrderedCollections

/// A CloudWatch Logs log group with a retention period (CDK's `logs.LogGroup`): retained when the stack is
/// deleted, as in CDK.
///
/// ```swift
/// LogGroup("AuditLog", retention: .oneYear)
/// ```
public struct LogGroup: IdentifiedConstruct {
    public let id: String
    public let identity = ConstructIdentity()
    public var logGroupName: Value?
    public var retention: Retention?
    public var removalPolicy: RemovalPolicy

    /// The retention periods CloudWatch Logs accepts.
    public enum Retention: Int, Sendable, CaseIterable {
        case oneDay = 1, threeDays = 3, fiveDays = 5, oneWeek = 7, twoWeeks = 14, oneMonth = 30, twoMonths = 60
        case threeMonths = 90, fourMonths = 120, fiveMonths = 150, sixMonths = 180, oneYear = 365, thirteenMonths = 400
        case eighteenMonths = 545, twoYears = 731, threeYears = 1_096, fiveYears = 1_827, sixYears = 2_192
        case sevenYears = 2_557, eightYears = 2_922, nineYears = 3_288, tenYears = 3_653
    }

    /// A log group; two years of retention unless given, as CDK's default (`TWO_YEARS`).
    public init(_ id: String, logGroupName: Value? = nil, retention: Retention? = .twoYears, removalPolicy: RemovalPolicy = .retain) {
        self.id = id
        self.logGroupName = logGroupName
        self.retention = retention
        self.removalPolicy = removalPolicy
    }

    /// `{"Ref": logGroup}`: the log group name.
    public var name: Value { .reference(Reference(to: self, element: ["Resource"], form: .ref)) }
    /// The log group's ARN.
    public var arn: Value { .reference(Reference(to: self, element: ["Resource"], form: .getAtt("Arn"))) }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        var properties = OrderedDictionary<String, Value>()
        properties["LogGroupName"] = logGroupName
        properties["RetentionInDays"] = retention.map { .number(Double($0.rawValue)) }
        try scope.declareResource("AWS::Logs::LogGroup", properties: properties, removalPolicy: removalPolicy)
    }
}
