import FormworkTemplate

/// The checks cfn-lint makes in code rather than in schemas: relations between properties of one resource,
/// or between resources, that CloudFormation or the service refuses. Each is made only where every value it
/// compares is written out; a value an intrinsic function computes at deploy is never guessed.
extension ValidationRun {
    mutating func checkServiceRules() {
        for (logicalId, resource) in template.resources {
            let path = ["Resources", logicalId, "Properties"]
            switch resource.type {
            case "AWS::DynamoDB::Table": checkKeyAttributes(of: resource, path: path)
            case "AWS::SQS::Queue": checkDeadLetterQueueType(of: resource, path: path)
            case "AWS::Backup::BackupPlan": checkColdStorageLifecycles(of: resource, path: path)
            case "AWS::CloudFront::Distribution": checkCacheBehaviorOrigins(of: resource, path: path)
            case "AWS::CodePipeline::Pipeline": checkSourceStage(of: resource, path: path)
            case "AWS::EC2::Subnet": checkSubnetInsideVPC(resource, path: path)
            case "AWS::ECS::Service": checkServiceNetworkConfiguration(of: resource, path: path)
            case "AWS::Lambda::EventSourceMapping": checkQueueEventSource(resource, path: path)
            case "AWS::Lambda::Function", "AWS::Serverless::Function": checkEnvironmentSize(resource, path: path)
            case "AWS::ApiGateway::Stage", "AWS::ApiGateway::Method": checkRestApiParts(resource, path: path)
            case "AWS::CloudWatch::Alarm": checkAlarmActions(resource, path: path)
            case "AWS::AutoScaling::AutoScalingGroup": checkAutoScalingGroup(resource, path: path)
            case "AWS::S3::Bucket": checkIntelligentTiering(resource, path: path)
            default: break
            }
        }
        checkSubnetOverlaps()
        checkSubscriptionFilterCounts()
    }

    /// The resource of this template that `value` names with a `Ref` or a `Fn::GetAtt`, with its logical ID.
    func referencedResource(_ value: JSONValue?) -> (id: String, resource: Template.Resource)? {
        guard let value, let intrinsic = IntrinsicFunction(value) else { return nil }
        let target: String? =
            switch (intrinsic.name, intrinsic.argument) {
            case ("Ref", .string(let name)): name
            case ("Fn::GetAtt", .array(let parts)): parts.first?.stringValue
            case ("Fn::GetAtt", .string(let dotted)): String(dotted.prefix { $0 != "." })
            default: nil
            }
        guard let target, let resource = template.resources[target] else { return nil }
        return (target, resource)
    }
}

extension JSONValue {
    /// The Boolean a property written out holds (`true`, `"True"`, …); `nil` when it is anything else.
    var literalBool: Bool? {
        switch self {
        case .bool(let value): value
        case .string(let text) where text.lowercased() == "true": true
        case .string(let text) where text.lowercased() == "false": false
        default: nil
        }
    }

    /// The whole number a property written out holds (`30`, `"30"`); `nil` when it is anything else.
    var literalInteger: Int? {
        switch self {
        case .number(let number): Int(exactly: number)
        case .numberText(let text), .string(let text): Int(text)
        default: nil
        }
    }
}
