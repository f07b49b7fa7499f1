import FormworkCore
import FormworkTemplate
import OrderedCollections

/// The stack `<app> bootstrap` deploys (`FormworkToolkit`): the assets bucket named as CDK names it
/// (`cdk-hnb659fds-assets-ACCOUNT-REGION`, where the templates' function code points), encrypted, versioned,
/// closed to the public, TLS only, old versions expiring after 30 days.
///
/// It claims no CDK bootstrap version and creates none of CDK's roles: `cdk deploy` needs `cdk bootstrap`.
/// An environment CDK bootstrapped already needs no `FormworkToolkit`: `deploy` uses CDK's bucket and roles.
public enum BootstrapStack {
    /// The stack's name: `FormworkToolkit`, and `FormworkToolkit-QUALIFIER` for another qualifier than CDK's default.
    public static func name(for names: BootstrapNames) -> String {
        names == .default ? "FormworkToolkit" : "FormworkToolkit-\(names.qualifier)"
    }

    /// The template for `names`' bucket, as JSON text.
    public static func template(for names: BootstrapNames) -> String {
        let bucketName: JSONValue = ["Fn::Sub": .string(names.assetBucket)]
        let bucketArn: JSONValue = ["Fn::GetAtt": ["StagingBucket", "Arn"]]
        let document: JSONValue = [
            "Description": "Formwork bootstrap: the assets bucket CDK's conventions name.",
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
                        "LifecycleConfiguration": [
                            "Rules": [
                                [
                                    "Id": "CleanupOldVersions", "Status": "Enabled",
                                    "NoncurrentVersionExpiration": ["NoncurrentDays": 30],
                                    "AbortIncompleteMultipartUpload": ["DaysAfterInitiation": 1],
                                ]
                            ]
                        ],
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
                            "Statement": [
                                [
                                    "Sid": "AllowSSLRequestsOnly", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
                                    "Resource": [bucketArn, ["Fn::Join": ["", [bucketArn, "/*"]]]],
                                    "Condition": ["Bool": ["aws:SecureTransport": "false"]],
                                ]
                            ],
                        ],
                    ],
                ],
            ],
            "Outputs": [
                "BucketName": ["Value": ["Ref": "StagingBucket"]]
            ],
        ]
        return JSONWriter(style: .pretty(indent: 1)).string(from: document)
    }
}
