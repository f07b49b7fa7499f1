/// How S3 encrypts an object an upload stores, asked for in the upload's own headers: buckets whose policy
/// (or an organisation's service control policy) refuses uploads without them take them.
public enum ServerSideEncryption: Sendable, Equatable {
    /// No header: the bucket's default applies.
    case none
    /// S3-managed keys (`AES256`).
    case s3
    /// A KMS key (`aws:kms`): the bucket's own key when `keyId` names one, else the AWS-managed key.
    case kms(keyId: String?)

    /// The request headers asking for it.
    var headers: [String: String] {
        switch self {
        case .none: [:]
        case .s3: ["x-amz-server-side-encryption": "AES256"]
        case .kms(let keyId?): ["x-amz-server-side-encryption": "aws:kms", "x-amz-server-side-encryption-aws-kms-key-id": keyId]
        case .kms(nil): ["x-amz-server-side-encryption": "aws:kms"]
        }
    }
}
