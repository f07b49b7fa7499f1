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
        case oneDay = 1
        case threeDays = 3
        case fiveDays = 5
        case oneWeek = 7
        case twoWeeks = 14
        case oneMonth = 30
        case twoMonths = 60
        case threeMonths = 90
        case fourMonths = 120
        case fiveMonths = 150
        case sixMonths = 180
        case oneYear = 365
        case thirteenMonths = 400
        case eighteenMonths = 545
        case twoYears = 731
        case threeYears = 1_096
        case fiveYears = 1_827
        case sixYears = 2_192
        case sevenYears = 2_557
        case eightYears = 2_922
        case nineYears = 3_288
        case tenYears = 3_653
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
