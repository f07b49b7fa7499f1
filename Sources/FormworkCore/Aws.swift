import FormworkTemplate

/// The pseudo parameters, as values to use in properties and interpolated strings.
///
/// ```swift
/// let arn: Value = "arn:\(Aws.partition):sqs:\(Aws.region):\(Aws.accountId):orders"
/// ```
public enum Aws {
    /// `{"Ref": "AWS::AccountId"}`.
    public static let accountId: Value = .pseudo(.accountId)
    /// `{"Ref": "AWS::NotificationARNs"}`.
    public static let notificationARNs: Value = .pseudo(.notificationARNs)
    /// `{"Ref": "AWS::NoValue"}`: removes the property it is the value of.
    public static let noValue: Value = .pseudo(.noValue)
    /// `{"Ref": "AWS::Partition"}`.
    public static let partition: Value = .pseudo(.partition)
    /// `{"Ref": "AWS::Region"}`.
    public static let region: Value = .pseudo(.region)
    /// `{"Ref": "AWS::StackId"}`.
    public static let stackId: Value = .pseudo(.stackId)
    /// `{"Ref": "AWS::StackName"}`.
    public static let stackName: Value = .pseudo(.stackName)
    /// `{"Ref": "AWS::URLSuffix"}`.
    public static let urlSuffix: Value = .pseudo(.urlSuffix)
}
