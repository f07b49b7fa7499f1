import FormworkCore

extension Bucket {
    /// An existing bucket, named by its ARN (CDK's `Bucket.fromBucketArn`): a bucket for grants and Step Functions
    /// item readers and result writers that the stack does not declare.
    ///
    /// ```swift
    /// let archive = Bucket.fromBucketArn("Archive", arn: "arn:aws:s3:::orders-archive")
    /// archive.grant(.put, to: worker)
    /// ```
    ///
    /// As in CDK, nothing is written for the bucket itself, and nothing for its policy: grants go to the grantee's
    /// policy only, and a TLS-only policy or notification is left to the bucket's owner. ``Bucket/arn`` is `arn` as
    /// given; ``Bucket/name`` is read from it (the part after `:::`, cut from the text when `arn` is text or begins with
    /// a literal `arn:`, `Fn::Select` of `Fn::Split` otherwise). Its other settings are ignored.
    public static func fromBucketArn(_ id: String, arn: Value) -> Bucket {
        var bucket = Bucket(id)
        bucket.imported = ImportedArn(arn)
        return bucket
    }

    /// An existing bucket, named by its name (CDK's `Bucket.fromBucketName`): its ARN is
    /// `arn:<partition>:s3:::<name>`, with the stack's partition, as CDK's `formatArn` writes it; otherwise as
    /// ``Bucket/fromBucketArn(_:arn:)``.
    public static func fromBucketName(_ id: String, name: Value) -> Bucket {
        fromBucketArn(id, arn: "arn:\(Aws.partition):s3:::\(name)")
    }
}
