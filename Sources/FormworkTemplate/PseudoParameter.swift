/// CloudFormation's pseudo parameters, the values every stack can `Ref` without declaring them.
public enum PseudoParameter: String, Sendable, CaseIterable {
    /// `AWS::AccountId`: the 12-digit ID of the account the stack is in.
    case accountId = "AWS::AccountId"
    /// `AWS::NotificationARNs`: the list of SNS topic ARNs the stack sends its events to.
    case notificationARNs = "AWS::NotificationARNs"
    /// `AWS::NoValue`: in `Fn::If`, removes the property it is the value of, as if it were not written.
    case noValue = "AWS::NoValue"
    /// `AWS::Partition`: the partition the stack is in: `aws`, `aws-cn`, `aws-us-gov`, ...
    case partition = "AWS::Partition"
    /// `AWS::Region`: the region the stack is in, such as `us-east-1`.
    case region = "AWS::Region"
    /// `AWS::StackId`: the stack's ID, its ARN.
    case stackId = "AWS::StackId"
    /// `AWS::StackName`: the stack's name.
    case stackName = "AWS::StackName"
    /// `AWS::URLSuffix`: the partition's domain suffix, `amazonaws.com` (`amazonaws.com.cn` in China).
    case urlSuffix = "AWS::URLSuffix"
}
