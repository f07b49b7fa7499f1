import FormworkTemplate
import OrderedCollections

/// The serverless Well-Architected rules: encryption on, least privilege, dead-letter queues where messages
/// can be lost, tracing and log retention set.
public enum ServerlessRules {
    public static let all: [CheckRule] = [
        queueDeadLetterQueue, queueEncryption, topicEncryption, functionTracing, functionLogRetention,
        wildcardActions, wildcardResources, tablePointInTimeRecovery, bucketPublicAccess, bucketEncryption,
        bucketTLS, streamEncryption, stageTracing, keyRotation, servicePrincipalScope,
    ]

    // MARK: Reliability

    static let queueDeadLetterQueue = CheckRule(
        id: "sqs-dead-letter-queue", summary: "Queues have a dead-letter queue, so that failing messages are kept.", pillar: "Reliability"
    ) { template in
        let deadLetterQueues = Set(template.resources.values.compactMap { resource -> String? in
            guard resource.type == "AWS::SQS::Queue" else { return nil }
            return resource.properties["RedrivePolicy"]?["deadLetterTargetArn"]?.referencedLogicalIds.first
        } + template.resources.values.flatMap { resource -> [String] in
            // Destinations of failed records and invocations are dead-letter queues too.
            let config = resource.properties["DestinationConfig"] ?? resource.properties["DeadLetterConfig"]
            return config?.referencedLogicalIds.elements ?? []
        })
        return resources(of: "AWS::SQS::Queue", in: template).compactMap { logicalId, queue in
            guard queue.properties["RedrivePolicy"] == nil, !deadLetterQueues.contains(logicalId) else { return nil }
            return Finding(rule: "sqs-dead-letter-queue", severity: .warning, logicalId: logicalId,
                           message: "the queue has no dead-letter queue: a message that keeps failing is retried until it expires and is lost.",
                           fix: "Give it a dead-letter queue (deadLetter: .init(queue: dlq, maxReceiveCount: 3)).")
        }
    }

    // MARK: Security

    static let queueEncryption = CheckRule(id: "sqs-encryption", summary: "Queues are encrypted.", pillar: "Security") { template in
        resources(of: "AWS::SQS::Queue", in: template).compactMap { logicalId, queue in
            guard queue.properties["SqsManagedSseEnabled"] == .bool(false) else { return nil }
            return Finding(rule: "sqs-encryption", severity: .error, logicalId: logicalId, message: "the queue is not encrypted.",
                           fix: "Remove encryption: .unencrypted (SQS-managed encryption is the default).")
        }
    }

    static let topicEncryption = CheckRule(id: "sns-encryption", summary: "Topics are encrypted with KMS.", pillar: "Security") { template in
        resources(of: "AWS::SNS::Topic", in: template).compactMap { logicalId, topic in
            guard topic.properties["KmsMasterKeyId"] == nil else { return nil }
            return Finding(rule: "sns-encryption", severity: .warning, logicalId: logicalId, message: "the topic's messages are not encrypted at rest.",
                           fix: "Set masterKey: \"alias/aws/sns\" or a customer key.")
        }
    }

    static let wildcardActions = CheckRule(id: "iam-wildcard-action", summary: "Policies grant named actions, not wildcards.", pillar: "Security") { template in
        statements(in: template).compactMap { logicalId, statement in
            let actions = strings(statement["Action"])
            guard statement["Effect"] == "Allow", let wildcard = actions.first(where: { $0 == "*" || $0.hasSuffix(":*") }) else { return nil }
            return Finding(rule: "iam-wildcard-action", severity: .error, logicalId: logicalId,
                           message: "a statement allows '\(wildcard)': every action of the service, present and future.",
                           fix: "Grant the actions the code calls (use a construct's grant(_:to:) with its action set).")
        }
    }

    /// Actions that only work on `Resource: "*"`.
    static let actionsWithoutResources: Set<String> = [
        "xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets",
        "dynamodb:ListStreams", "logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery",
        "logs:ListLogDeliveries", "logs:PutResourcePolicy", "logs:DescribeResourcePolicies", "logs:DescribeLogGroups",
        "cloudwatch:PutMetricData", "states:ListActivities", "states:DescribeStateMachine", "states:DescribeActivity",
        "sts:AssumeRole", "kms:*",
    ]

    static let wildcardResources = CheckRule(id: "iam-wildcard-resource", summary: "Identity policies name their resources.", pillar: "Security") { template in
        statements(in: template).compactMap { logicalId, statement in
            guard statement["Effect"] == "Allow", strings(statement["Resource"]).contains("*"), statement["Principal"] == nil else { return nil }
            let actions = strings(statement["Action"]).filter { !actionsWithoutResources.contains($0) }
            guard !actions.isEmpty else { return nil }
            return Finding(rule: "iam-wildcard-resource", severity: .warning, logicalId: logicalId,
                           message: "a statement allows \(actions.joined(separator: ", ")) on every resource.",
                           fix: "Name the resources (their ARNs), as grants do.")
        }
    }

    static let bucketPublicAccess = CheckRule(id: "s3-public-access", summary: "Buckets block public access.", pillar: "Security") { template in
        resources(of: "AWS::S3::Bucket", in: template).compactMap { logicalId, bucket in
            let block = bucket.properties["PublicAccessBlockConfiguration"]
            let all = ["BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"].allSatisfy { block?[$0] == .bool(true) }
            guard !all else { return nil }
            return Finding(rule: "s3-public-access", severity: .error, logicalId: logicalId, message: "the bucket does not block all public access.",
                           fix: "Set blockPublicAccess: true (the default under the Formwork defaults profile).")
        }
    }

    static let bucketEncryption = CheckRule(id: "s3-encryption", summary: "Buckets set their encryption.", pillar: "Security") { template in
        resources(of: "AWS::S3::Bucket", in: template).compactMap { logicalId, bucket in
            guard bucket.properties["BucketEncryption"] == nil else { return nil }
            return Finding(rule: "s3-encryption", severity: .info, logicalId: logicalId,
                           message: "the bucket relies on S3's default encryption instead of setting one.",
                           fix: "Set an encryption (.s3Managed, the default under the Formwork defaults profile, or .kms for a customer key).")
        }
    }

    static let bucketTLS = CheckRule(id: "s3-tls", summary: "Buckets refuse requests without TLS.", pillar: "Security") { template in
        let enforced = Set(resources(of: "AWS::S3::BucketPolicy", in: template).compactMap { _, policy -> String? in
            let denies = (policy.properties["PolicyDocument"]?["Statement"]?.arrayValue ?? []).contains {
                $0["Effect"] == "Deny" && $0["Condition"]?["Bool"]?["aws:SecureTransport"] != nil
            }
            return denies ? policy.properties["Bucket"]?.referencedLogicalIds.first : nil
        })
        return resources(of: "AWS::S3::Bucket", in: template).compactMap { logicalId, _ in
            enforced.contains(logicalId) ? nil : Finding(rule: "s3-tls", severity: .warning, logicalId: logicalId,
                                                         message: "the bucket accepts requests without TLS.",
                                                         fix: "Set enforceSSL: true (the default under the Formwork defaults profile).")
        }
    }

    static let streamEncryption = CheckRule(id: "kinesis-encryption", summary: "Streams are encrypted.", pillar: "Security") { template in
        resources(of: "AWS::Kinesis::Stream", in: template).compactMap { logicalId, stream in
            stream.properties["StreamEncryption"] != nil ? nil : Finding(rule: "kinesis-encryption", severity: .error, logicalId: logicalId,
                                                                      message: "the stream is not encrypted.", fix: "Keep encryption: .managed (the default of Stream).")
        }
    }

    // MARK: Operational excellence

    static let functionTracing = CheckRule(id: "lambda-tracing", summary: "Functions are traced with X-Ray.", pillar: "Operational excellence") { template in
        resources(of: "AWS::Lambda::Function", in: template).compactMap { logicalId, function in
            function.properties["TracingConfig"]?["Mode"] == "Active" ? nil : Finding(
                rule: "lambda-tracing", severity: .warning, logicalId: logicalId, message: "the function is not traced.", fix: "Set tracing: .active.")
        }
    }

    static let functionLogRetention = CheckRule(id: "lambda-log-retention", summary: "Function logs have a retention period.", pillar: "Cost optimization") { template in
        let retained = Set(resources(of: "AWS::Logs::LogGroup", in: template).flatMap { _, group -> [String] in
            group.properties["RetentionInDays"] == nil ? [] : (group.properties["LogGroupName"]?.referencedLogicalIds.elements ?? [])
        })
        return resources(of: "AWS::Lambda::Function", in: template).compactMap { logicalId, _ in
            retained.contains(logicalId) ? nil : Finding(rule: "lambda-log-retention", severity: .warning, logicalId: logicalId,
                                                         message: "the function's logs are kept forever.", fix: "Set logRetention (for example .oneMonth).")
        }
    }

    static let stageTracing = CheckRule(id: "apigateway-tracing", summary: "API stages are traced.", pillar: "Operational excellence") { template in
        resources(of: "AWS::ApiGateway::Stage", in: template).compactMap { logicalId, stage in
            stage.properties["TracingEnabled"] == .bool(true) ? nil : Finding(
                rule: "apigateway-tracing", severity: .info, logicalId: logicalId, message: "the stage is not traced.", fix: "Set deploy: .init(tracing: true).")
        }
    }

    static let tablePointInTimeRecovery = CheckRule(id: "dynamodb-point-in-time-recovery", summary: "Tables can be restored to any point in time.", pillar: "Reliability") { template in
        resources(of: "AWS::DynamoDB::Table", in: template).compactMap { logicalId, table in
            table.properties["PointInTimeRecoverySpecification"]?["PointInTimeRecoveryEnabled"] == .bool(true) ? nil : Finding(
                rule: "dynamodb-point-in-time-recovery", severity: .warning, logicalId: logicalId,
                message: "the table cannot be restored after a bad write.", fix: "Set pointInTimeRecovery: true.")
        }
    }

    // MARK: Helpers

    static func resources(of type: String, in template: Template) -> [(String, Template.Resource)] {
        template.resources.filter { $0.value.type == type }.map { ($0.key, $0.value) }
    }

    /// The statements of identity policies and inline role policies, with the logical ID holding them.
    static func statements(in template: Template) -> [(String, JSONValue)] {
        template.resources.flatMap { logicalId, resource -> [(String, JSONValue)] in
            var documents: [JSONValue] = []
            switch resource.type {
            case "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy":
                documents = [resource.properties["PolicyDocument"]].compactMap { $0 }
            case "AWS::IAM::Role":
                documents = (resource.properties["Policies"]?.arrayValue ?? []).compactMap { $0["PolicyDocument"] }
            default:
                return []
            }
            return documents.flatMap { ($0["Statement"]?.arrayValue ?? []).map { (logicalId, $0) } }
        }
    }

    static func strings(_ value: JSONValue?) -> [String] {
        switch value {
        case .string(let string)?: [string]
        case .array(let elements)?: elements.compactMap(\.stringValue)
        default: []
        }
    }
}
