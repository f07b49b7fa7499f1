import FormworkTemplate

/// The checks cfn-lint makes in code rather than in schemas: relations between properties of one resource,
/// or between resources, that CloudFormation or the service refuses. Each is made only where every value it
/// compares is written out; a value an intrinsic function computes at deploy is never guessed.
extension ValidationRun {
    /// The check of each type that has one, by type.
    static let serviceRules: [String: @Sendable (inout ValidationRun, Template.Resource, [String]) -> Void] = [
        "AWS::DynamoDB::Table": { $0.checkKeyAttributes(of: $1, path: $2) },
        "AWS::SQS::Queue": { $0.checkDeadLetterQueueType(of: $1, path: $2) },
        "AWS::Backup::BackupPlan": { $0.checkColdStorageLifecycles(of: $1, path: $2) },
        "AWS::CloudFront::Distribution": { $0.checkCacheBehaviorOrigins(of: $1, path: $2) },
        "AWS::CodePipeline::Pipeline": { $0.checkSourceStage(of: $1, path: $2) },
        "AWS::EC2::Subnet": { $0.checkSubnetInsideVPC($1, path: $2) },
        "AWS::ECS::Service": { $0.checkServiceNetworkConfiguration(of: $1, path: $2) },
        "AWS::Lambda::EventSourceMapping": { $0.checkQueueEventSource($1, path: $2) },
        "AWS::Lambda::Function": { $0.checkEnvironmentSize($1, path: $2) },
        "AWS::Serverless::Function": { $0.checkEnvironmentSize($1, path: $2) },
        "AWS::ApiGateway::Stage": { $0.checkRestApiParts($1, path: $2) },
        "AWS::ApiGateway::Method": { $0.checkRestApiParts($1, path: $2) },
        "AWS::CloudWatch::Alarm": { $0.checkAlarmActions($1, path: $2) },
        "AWS::AutoScaling::AutoScalingGroup": { $0.checkAutoScalingGroup($1, path: $2) },
        "AWS::S3::Bucket": { $0.checkIntelligentTiering($1, path: $2) },
        "AWS::StepFunctions::StateMachine": { $0.checkStateMachineDefinition($1, path: $2) },
    ]

    mutating func checkServiceRules() {
        forEachResource { run, _, logicalId, resource in
            guard let rule = Self.serviceRules[resource.type] else { return }
            rule(&run, resource, ["Resources", logicalId, "Properties"])
        }
        checkSubnetOverlaps()
        checkSubscriptionFilterCounts()
    }

    /// The positions of the resources of `type`.
    func positions(of type: String) -> [Int] {
        resourceTypes.indices.filter { resourceTypes[$0] == type }
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
