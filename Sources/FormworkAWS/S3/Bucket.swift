import FormworkCore
import FormworkL1
import OrderedCollections

/// An S3 bucket, retained when the stack is deleted; under the Formwork defaults profile also encrypted,
/// with public access blocked and TLS required.
///
/// ```swift
/// let uploads = Bucket("DataBucket", versioned: true)
/// uploads.notify(processUpload, on: .objectCreated, prefix: "uploads/")
/// ```
///
/// Options left `nil` take the app's ``DefaultsProfile``: CDK's defaults leave encryption and public access
/// to S3's account defaults and write no policy; Formwork's write them explicitly, as the Well-Architected
/// guidance asks. Turning them on for a bucket that moved from CDK updates it in place; nothing is replaced.
public struct Bucket: IdentifiedConstruct {
    public let id: String
    public let identity = ConstructIdentity()
    /// The bucket's name (`BucketName`): 3 to 63 lowercase letters, digits, `.` or `-`, unique across all of AWS;
    /// `nil`: CloudFormation generates one. A named bucket cannot take an update that replaces it.
    public var bucketName: String?
    /// Server-side encryption; `nil`: none written under the CDK profile, ``Encryption/s3Managed`` under
    /// Formwork's.
    public var encryption: Encryption?
    /// Whether all four public access blocks are on (`false` writes all four off); `nil`: not written under
    /// the CDK profile, on under Formwork's.
    public var blockPublicAccess: Bool?
    /// Whether the bucket policy denies requests without TLS; `nil`: no under the CDK profile, yes under
    /// Formwork's.
    public var enforceSSL: Bool?
    /// Whether S3 keeps every version of each object (`VersioningConfiguration.Status: Enabled`); `nil` or `false`:
    /// nothing written, so unversioned, as in CDK (`false` does not suspend versioning already on).
    public var versioned: Bool?
    /// Whether the bucket sends all its object events to EventBridge (CDK's `eventBridgeEnabled`); `nil` or `false`:
    /// only when a ``BucketNotification`` needs it under the Formwork profile. The Formwork profile writes the bucket's
    /// `NotificationConfiguration.EventBridgeConfiguration`; the CDK profile, as CDK, the bucket's
    /// `Custom::S3BucketNotifications` with `EventBridgeConfiguration: {}` (`BucketNotificationsResource`).
    public var eventBridgeEnabled: Bool?
    /// Rules that expire objects or abort uploads (`LifecycleConfiguration.Rules`), each written enabled; none
    /// unless given. At most 1,000.
    public var lifecycleRules: [LifecycleRule]
    /// What happens to the bucket when it leaves the stack or the stack is deleted; ``RemovalPolicy/retain`` unless
    /// given, as in CDK (CloudFormation cannot delete a bucket that still holds objects).
    public var removalPolicy: RemovalPolicy
    /// The existing bucket this value stands for (``Bucket/fromBucketArn(_:arn:)``, ``Bucket/fromBucketName(_:name:)``);
    /// `nil` for a bucket the stack declares.
    public internal(set) var imported: ImportedArn?

    /// Statements edges add to the bucket's policy.
    public static let policyStatements = ContributionKey<PolicyStatement>("Bucket.policyStatements")
    /// Set by notification edges: the bucket sends its events to EventBridge.
    static let sendsEventsToEventBridge = ContributionKey<Bool>("Bucket.sendsEventsToEventBridge")

    /// Server-side encryption.
    public enum Encryption: Sendable, Equatable {
        /// SSE-S3 (`AES256`).
        case s3Managed
        /// SSE-KMS with the AWS managed key.
        case kmsManaged
        /// SSE-KMS with a customer key.
        case kms(keyArn: Value)
    }

    /// A lifecycle rule.
    public struct LifecycleRule: Sendable, Equatable {
        /// The rule's `Id`, up to 255 characters, unique within the bucket; `nil`: S3 generates one.
        public var id: String?
        /// The key prefix of the objects the rule applies to (`Prefix`), such as `logs/`; `nil`: every object.
        public var prefix: String?
        /// Delete current objects after this many days.
        public var expirationDays: Int?
        /// Delete noncurrent versions after this many days.
        public var noncurrentVersionExpirationDays: Int?
        /// Abort incomplete multipart uploads after this many days.
        public var abortIncompleteMultipartUploadDays: Int?
        /// Moves of current objects to cheaper storage classes (`Transitions`); none unless given.
        public var transitions: [Transition]
        /// Moves of noncurrent versions to cheaper storage classes (`NoncurrentVersionTransitions`), counted from
        /// when a version became noncurrent; none unless given.
        public var noncurrentVersionTransitions: [Transition]

        /// A rule for the objects under `prefix`, with the actions given; an action left `nil` or empty is not taken.
        public init(
            id: String? = nil, prefix: String? = nil, expirationDays: Int? = nil,
            noncurrentVersionExpirationDays: Int? = nil, abortIncompleteMultipartUploadDays: Int? = nil,
            transitions: [Transition] = [], noncurrentVersionTransitions: [Transition] = []
        ) {
            self.id = id
            self.prefix = prefix
            self.expirationDays = expirationDays
            self.noncurrentVersionExpirationDays = noncurrentVersionExpirationDays
            self.abortIncompleteMultipartUploadDays = abortIncompleteMultipartUploadDays
            self.transitions = transitions
            self.noncurrentVersionTransitions = noncurrentVersionTransitions
        }

        /// A move of objects to another storage class after some days (CDK's `s3.Transition`).
        public struct Transition: Sendable, Equatable {
            /// The storage class the objects move to (`StorageClass`).
            public var storageClass: StorageClass
            /// Days after creation (or, for noncurrent versions, after becoming noncurrent) (`TransitionInDays`), 0 or
            /// more; S3 needs 30 or more for the infrequent-access classes.
            public var days: Int

            /// Objects move to `storageClass` after `days` days.
            public init(to storageClass: StorageClass, afterDays days: Int) {
                self.storageClass = storageClass
                self.days = days
            }

            /// An entry of a lifecycle rule's `Transitions`.
            var transition: CfnS3.Bucket.Transition {
                CfnS3.Bucket.Transition(storageClass: .string(storageClass.rawValue), transitionInDays: .number(Double(days)))
            }

            /// An entry of a lifecycle rule's `NoncurrentVersionTransitions`.
            var noncurrentVersionTransition: CfnS3.Bucket.NoncurrentVersionTransition {
                CfnS3.Bucket.NoncurrentVersionTransition(storageClass: .string(storageClass.rawValue), transitionInDays: .number(Double(days)))
            }
        }

        /// The storage classes a lifecycle rule moves objects to (CDK's `s3.StorageClass`).
        public enum StorageClass: String, Sendable, CaseIterable {
            /// `STANDARD_IA`: infrequent access, several zones.
            case infrequentAccess = "STANDARD_IA"
            /// `ONEZONE_IA`: infrequent access, one zone.
            case oneZoneInfrequentAccess = "ONEZONE_IA"
            /// `INTELLIGENT_TIERING`: moved between tiers by access.
            case intelligentTiering = "INTELLIGENT_TIERING"
            /// `GLACIER_IR`: archive with millisecond retrieval.
            case glacierInstantRetrieval = "GLACIER_IR"
            /// `GLACIER`: archive, retrieval in minutes to hours.
            case glacier = "GLACIER"
            /// `DEEP_ARCHIVE`: the cheapest archive, retrieval in hours.
            case deepArchive = "DEEP_ARCHIVE"
        }

        /// The rule's entry in `LifecycleConfiguration.Rules`, written enabled.
        var rule: CfnS3.Bucket.Rule {
            CfnS3.Bucket.Rule(
                abortIncompleteMultipartUpload: abortIncompleteMultipartUploadDays.map {
                    CfnS3.Bucket.AbortIncompleteMultipartUpload(daysAfterInitiation: .number(Double($0)))
                },
                expirationInDays: expirationDays.map { .number(Double($0)) },
                id: id.map { .string($0) },
                noncurrentVersionExpiration: noncurrentVersionExpirationDays.map {
                    CfnS3.Bucket.NoncurrentVersionExpiration(noncurrentDays: .number(Double($0)))
                },
                noncurrentVersionTransitions: noncurrentVersionTransitions.isEmpty ? nil : noncurrentVersionTransitions.map(\.noncurrentVersionTransition),
                prefix: prefix.map { .string($0) },
                status: "Enabled",
                transitions: transitions.isEmpty ? nil : transitions.map(\.transition))
        }
    }

    /// A bucket; every setting optional.
    public init(
        _ id: String, bucketName: String? = nil, encryption: Encryption? = nil, blockPublicAccess: Bool? = nil,
        enforceSSL: Bool? = nil, versioned: Bool? = nil, eventBridgeEnabled: Bool? = nil, lifecycleRules: [LifecycleRule] = [],
        removalPolicy: RemovalPolicy = .retain
    ) {
        self.id = id
        self.bucketName = bucketName
        self.encryption = encryption
        self.blockPublicAccess = blockPublicAccess
        self.enforceSSL = enforceSSL
        self.versioned = versioned
        self.eventBridgeEnabled = eventBridgeEnabled
        self.lifecycleRules = lifecycleRules
        self.removalPolicy = removalPolicy
    }

    /// `{"Ref": bucket}`: the bucket name; for an imported bucket, the resource part of its ARN (up to a `/`).
    public var name: Value { imported?.slashResource(0) ?? .reference(Reference(to: self, element: ["Resource"], form: .ref)) }
    /// The bucket's ARN; for an imported bucket, the ARN it was imported with (or built from its name).
    public var arn: Value {
        imported?.arn ?? .reference(Reference(to: self, element: ["Resource"], form: .getAtt(CfnS3.Bucket.Attribute.arn.rawValue)))
    }
    /// The ARN of every object: `<arn>/*`.
    public var objectsArn: Value { "\(arn)/*" }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        if let imported {
            // CDK declares nothing for an imported bucket, and no policy: what edges add to it is dropped.
            try imported.validate(at: scope)
            return
        }
        if let bucketName, !(3...63).contains(bucketName.count) || bucketName != bucketName.lowercased() {
            throw SynthesisError(.invalidSetting, paths: [scope.path], "a bucket name must be 3 to 63 lowercase characters; '\(bucketName)' is not")
        }
        _ = try scope.child("Resource")  // the bucket comes before what edges add below it
        let formwork = scope.defaults.isFormwork
        if enforceSSL ?? formwork {
            scope.contribute(
                PolicyStatement(
                    effect: .deny, actions: ["s3:*"], resources: [arn, objectsArn],
                    principal: ["AWS": "*"], condition: ["Bool": ["aws:SecureTransport": "false"]]),
                to: self, as: Self.policyStatements)
        }
        if !formwork, eventBridgeEnabled == true {
            _ = try BucketNotificationsHandler.shared(in: scope)  // added while the app expands; declared with the bucket
        }
        scope.afterExpansion(.finalize) { scope throws(SynthesisError) in
            // Under the CDK profile, EventBridge and notifications go through CDK's custom resource (never the
            // bucket's own NotificationConfiguration): a migrated stack keeps it, see BucketNotificationsHandler.
            let eventBridge = formwork && (eventBridgeEnabled == true || !scope.contributions(to: self, as: Bucket.sendsEventsToEventBridge).isEmpty)
            try scope.declareResource(properties(eventBridge: eventBridge, formwork: formwork), removalPolicy: removalPolicy)
            let statements = scope.contributions(to: self, as: Bucket.policyStatements)
            if !statements.isEmpty {
                try scope.child("Policy").declareResource(
                    CfnS3.BucketPolicy(bucket: name, policyDocument: PolicyDocument(statements, minimizing: scope.minimizesPolicies).value),
                    transforms: scope.policyTransforms)
            }
            if !formwork {
                try BucketNotificationsResource.declare(
                    for: self, entries: scope.contributions(to: self, as: BucketNotificationsResource.entries), eventBridge: eventBridgeEnabled == true,
                    in: scope)
            }
        }
    }

    private func properties(eventBridge: Bool, formwork: Bool) -> CfnS3.Bucket {
        let byDefault: CfnS3.Bucket.ServerSideEncryptionByDefault? =
            switch encryption ?? (formwork ? .s3Managed : nil) {
            case .s3Managed?: CfnS3.Bucket.ServerSideEncryptionByDefault(sseAlgorithm: "AES256")
            case .kmsManaged?: CfnS3.Bucket.ServerSideEncryptionByDefault(sseAlgorithm: "aws:kms")
            case .kms(let keyArn)?: CfnS3.Bucket.ServerSideEncryptionByDefault(kmsMasterKeyID: keyArn, sseAlgorithm: "aws:kms")
            case nil: nil
            }
        var properties = CfnS3.Bucket(
            bucketEncryption: byDefault.map {
                CfnS3.Bucket.BucketEncryption(serverSideEncryptionConfiguration: [CfnS3.Bucket.ServerSideEncryptionRule(serverSideEncryptionByDefault: $0)])
            },
            bucketName: bucketName.map { .string($0) },
            lifecycleConfiguration: lifecycleRules.isEmpty ? nil : CfnS3.Bucket.LifecycleConfiguration(rules: lifecycleRules.map(\.rule)),
            notificationConfiguration: eventBridge
                ? CfnS3.Bucket.NotificationConfiguration(eventBridgeConfiguration: CfnS3.Bucket.EventBridgeConfiguration(eventBridgeEnabled: true)) : nil,
            versioningConfiguration: versioned == true ? CfnS3.Bucket.VersioningConfiguration(status: "Enabled") : nil)
        if let block = blockPublicAccess ?? (formwork ? true : nil) {
            properties.publicAccessBlockConfiguration = CfnS3.Bucket.PublicAccessBlockConfiguration(
                blockPublicAcls: .bool(block), blockPublicPolicy: .bool(block), ignorePublicAcls: .bool(block), restrictPublicBuckets: .bool(block))
        }
        return properties
    }
}
