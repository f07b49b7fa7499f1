/// CloudFormation's pseudo parameters, the values every stack can `Ref` without declaring them.
public enum PseudoParameter: String, Sendable, CaseIterable {
    case accountId = "AWS::AccountId"
    case notificationARNs = "AWS::NotificationARNs"
    case noValue = "AWS::NoValue"
    case partition = "AWS::Partition"
    case region = "AWS::Region"
    case stackId = "AWS::StackId"
    case stackName = "AWS::StackName"
    case urlSuffix = "AWS::URLSuffix"
}
