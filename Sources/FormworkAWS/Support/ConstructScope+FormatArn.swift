import FormworkCore

extension ConstructScope {
    /// The region in an ARN CDK builds with `Stack.formatArn`: the stack's region where the stack names one, `AWS::Region`
    /// otherwise.
    var arnRegion: Value { stackRegion.map { .string($0) } ?? Aws.region }

    /// The account in an ARN CDK builds with `Stack.formatArn`: the stack's account where the stack names one,
    /// `AWS::AccountId` otherwise.
    var arnAccount: Value { stackAccount.map { .string($0) } ?? Aws.accountId }

    /// The partition in an ARN CDK builds with `Stack.formatArn`: with `@aws-cdk/core:enablePartitionLiterals` (on in
    /// every app `cdk init` made) and a stack that names its region, that region's partition as text; `AWS::Partition`
    /// otherwise, as without the flag.
    var arnPartition: Value {
        guard defaults.isEnabled(.corePartitionLiterals), let region = stackRegion, let partition = Self.partition(ofRegion: region) else {
            return Aws.partition
        }
        return .string(partition)
    }

    /// The partition of `region` as CDK's region facts give it: `aws-cn` for China, `aws-us-gov` for GovCloud, the ISO
    /// partitions by their prefixes, `aws` for any other region named as AWS names its regions (`eu-west-1`); `nil` for
    /// a name of no known form, for which CDK keeps `AWS::Partition`.
    static func partition(ofRegion region: String) -> String? {
        let prefixes = [
            ("cn-", "aws-cn"), ("us-gov-", "aws-us-gov"), ("us-isob-", "aws-iso-b"), ("us-isof-", "aws-iso-f"), ("eu-isoe-", "aws-iso-e"),
            ("us-iso-", "aws-iso"),
        ]
        if let (_, partition) = prefixes.first(where: { region.hasPrefix($0.0) }) { return partition }
        let parts = region.split(separator: "-")
        let named = parts.count == 3 && parts[0].count == 2 && parts.dropLast().allSatisfy { $0.allSatisfy(\.isLowercase) } && parts[2].allSatisfy(\.isNumber)
        return named ? "aws" : nil
    }
}
