import FormworkCore

/// What a grant on a bucket allows, with CDK's action sets.
public enum BucketGrant: String, Sendable {
    /// `s3:GetObject*, s3:GetBucket*, s3:List*` on the bucket and its objects.
    case read
    /// `s3:DeleteObject*, s3:PutObject, s3:PutObjectLegalHold, s3:PutObjectRetention, s3:PutObjectTagging,
    /// s3:PutObjectVersionTagging, s3:Abort*` on the bucket and its objects.
    case write
    /// Read and write.
    case readWrite
    /// `s3:PutObject, s3:PutObjectLegalHold, s3:PutObjectRetention, s3:PutObjectTagging,
    /// s3:PutObjectVersionTagging, s3:Abort*` on the objects.
    case put
    /// `s3:DeleteObject*` on the objects.
    case delete

    private static let readActions = ["s3:GetObject*", "s3:GetBucket*", "s3:List*"]
    private static let putActions = [
        "s3:PutObject", "s3:PutObjectLegalHold", "s3:PutObjectRetention", "s3:PutObjectTagging",
        "s3:PutObjectVersionTagging", "s3:Abort*",
    ]
    private static let deleteActions = ["s3:DeleteObject*"]

    func statement(for bucket: Bucket) -> PolicyStatement {
        let both: [Value] = [bucket.arn, bucket.objectsArn]
        return switch self {
        case .read: PolicyStatement(actions: Self.readActions, resources: both)
        case .write: PolicyStatement(actions: Self.deleteActions + Self.putActions, resources: both)
        case .readWrite: PolicyStatement(actions: Self.readActions + Self.deleteActions + Self.putActions, resources: both)
        case .put: PolicyStatement(actions: Self.putActions, resources: [bucket.objectsArn])
        case .delete: PolicyStatement(actions: Self.deleteActions, resources: [bucket.objectsArn])
        }
    }
}

extension Bucket {
    /// A grant of `access` to this bucket for `principal`'s role; list the result in a body.
    public func grant(_ access: BucketGrant, to principal: some GrantPrincipal) -> Grant {
        Grant(id: "\(principal.id)Can\(access.rawValue)\(id)", resource: self, principal: principal, statements: [access.statement(for: self)])
    }
}

extension Grant {
    /// A grant of custom `statements` for `principal`'s role, on `resource`; list the result in a body.
    ///
    /// ```swift
    /// Grant.statements([PolicyStatement(actions: ["ssm:GetParameter"], resources: [parameterArn])],
    ///                  on: table, to: worker)
    /// ```
    public static func statements(_ statements: [PolicyStatement], on resource: some IdentifiedConstruct, to principal: some GrantPrincipal) -> Grant {
        Grant(id: "\(principal.id)Statements\(resource.id)", resource: resource, principal: principal, statements: statements)
    }
}
