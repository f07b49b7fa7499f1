import FormworkCore
import FormworkL1
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
    /// The log group's name (`LogGroupName`): 1 to 512 letters, digits, `.`, `-`, `_`, `/` and `#`; `nil` (the default)
    /// leaves it out and CloudFormation generates one.
    public var logGroupName: Value?
    /// How long events are kept (`RetentionInDays`); two years unless given, as in CDK. `nil` writes none, and events are kept
    /// forever.
    public var retention: Retention?
    /// What happens to the log group when it leaves the stack or is replaced (`DeletionPolicy` and `UpdateReplacePolicy`); kept
    /// (``RemovalPolicy/retain``) unless given, as in CDK.
    public var removalPolicy: RemovalPolicy

    /// The retention periods CloudWatch Logs accepts.
    public enum Retention: Int, Sendable, CaseIterable {
        /// 1 day: `RetentionInDays: 1`.
        case oneDay = 1
        /// 3 days: `RetentionInDays: 3`.
        case threeDays = 3
        /// 5 days: `RetentionInDays: 5`.
        case fiveDays = 5
        /// 1 week: `RetentionInDays: 7`.
        case oneWeek = 7
        /// 2 weeks: `RetentionInDays: 14`.
        case twoWeeks = 14
        /// 30 days: `RetentionInDays: 30`.
        case oneMonth = 30
        /// 60 days: `RetentionInDays: 60`.
        case twoMonths = 60
        /// 90 days: `RetentionInDays: 90`.
        case threeMonths = 90
        /// 120 days: `RetentionInDays: 120`.
        case fourMonths = 120
        /// 150 days: `RetentionInDays: 150`.
        case fiveMonths = 150
        /// 180 days: `RetentionInDays: 180`.
        case sixMonths = 180
        /// 1 year: `RetentionInDays: 365`.
        case oneYear = 365
        /// 400 days (about 13 months): `RetentionInDays: 400`.
        case thirteenMonths = 400
        /// 545 days (about 18 months): `RetentionInDays: 545`.
        case eighteenMonths = 545
        /// 2 years (731 days): `RetentionInDays: 731`.
        case twoYears = 731
        /// 3 years (1,096 days): `RetentionInDays: 1096`.
        case threeYears = 1_096
        /// 5 years (1,827 days): `RetentionInDays: 1827`.
        case fiveYears = 1_827
        /// 6 years (2,192 days): `RetentionInDays: 2192`.
        case sixYears = 2_192
        /// 7 years (2,557 days): `RetentionInDays: 2557`.
        case sevenYears = 2_557
        /// 8 years (2,922 days): `RetentionInDays: 2922`.
        case eightYears = 2_922
        /// 9 years (3,288 days): `RetentionInDays: 3288`.
        case nineYears = 3_288
        /// 10 years (3,653 days): `RetentionInDays: 3653`.
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
    public var arn: Value { .reference(Reference(to: self, element: ["Resource"], form: .getAtt(CfnLogs.LogGroup.Attribute.arn.rawValue))) }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        let logGroup = CfnLogs.LogGroup(logGroupName: logGroupName, retentionInDays: retention.map { .number(Double($0.rawValue)) })
        try scope.declareResource(logGroup, removalPolicy: removalPolicy)
    }
}
