import FormworkTemplate
import OrderedCollections

/// The stack `<app> bootstrap` deploys (`FormworkToolkit`): the assets bucket named as CDK names it
/// (`cdk-hnb659fds-assets-ACCOUNT-REGION`, so an account bootstrapped by either tool serves both), encrypted,
/// versioned, closed to the public, TLS only, old versions expiring after 30 days, and the bootstrap version
/// parameter CDK reads (`/cdk-bootstrap/hnb659fds/version`).
public enum BootstrapStack {
    public static let name = "FormworkToolkit"
    /// CDK's default bootstrap qualifier.
    public static let qualifier = "hnb659fds"
    /// The bootstrap version written to the SSM parameter and the output.
    public static let version = 21

    /// The template, as JSON text.
    public static var template: String {
        let bucketName: JSONValue = ["Fn::Sub": .string("cdk-\(qualifier)-assets-${AWS::AccountId}-${AWS::Region}")]
        let bucketArn: JSONValue = ["Fn::GetAtt": ["StagingBucket", "Arn"]]
        let document: JSONValue = [
            "Description": "Formwork bootstrap: the assets bucket CDK's conventions name, and the bootstrap version.",
            "Resources": [
                "StagingBucket": [
                    "Type": "AWS::S3::Bucket",
                    "Properties": [
                        "BucketName": bucketName,
                        "BucketEncryption": ["ServerSideEncryptionConfiguration": [["ServerSideEncryptionByDefault": ["SSEAlgorithm": "AES256"]]]],
                        "PublicAccessBlockConfiguration": [
                            "BlockPublicAcls": true, "BlockPublicPolicy": true, "IgnorePublicAcls": true, "RestrictPublicBuckets": true,
                        ],
                        "VersioningConfiguration": ["Status": "Enabled"],
                        "LifecycleConfiguration": ["Rules": [[
                            "Id": "CleanupOldVersions", "Status": "Enabled",
                            "NoncurrentVersionExpiration": ["NoncurrentDays": 30],
                            "AbortIncompleteMultipartUpload": ["DaysAfterInitiation": 1],
                        ]]],
                    ],
                    "UpdateReplacePolicy": "Retain",
                    "DeletionPolicy": "Retain",
                ],
                "StagingBucketPolicy": [
                    "Type": "AWS::S3::BucketPolicy",
                    "Properties": [
                        "Bucket": ["Ref": "StagingBucket"],
                        "PolicyDocument": [
                            "Version": "2012-10-17",
                            "Statement": [[
                                "Sid": "AllowSSLRequestsOnly", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
                                "Resource": [bucketArn, ["Fn::Join": ["", [bucketArn, "/*"]]]],
                                "Condition": ["Bool": ["aws:SecureTransport": "false"]],
                            ]],
                        ],
                    ],
                ],
                "CdkBootstrapVersion": [
                    "Type": "AWS::SSM::Parameter",
                    "Properties": ["Type": "String", "Name": .string("/cdk-bootstrap/\(qualifier)/version"), "Value": .string(String(version))],
                ],
            ],
            "Outputs": [
                "BucketName": ["Value": ["Ref": "StagingBucket"]],
                "BootstrapVersion": ["Value": ["Fn::GetAtt": ["CdkBootstrapVersion", "Value"]]],
            ],
        ]
        return JSONWriter(style: .pretty(indent: 1)).string(from: document)
    }
}
