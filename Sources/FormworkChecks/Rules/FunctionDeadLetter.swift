import FormworkTemplate

extension CheckRule {
    /// Functions have a dead-letter target for failed asynchronous events (cdk-nag's ServerlessChecks
    /// asks it of every function).
    public static let functionDeadLetter: CheckRule = CheckRule(
        id: "lambda-dead-letter", summary: "Functions have a dead-letter target.", pillar: "Reliability", severity: .info,
        equivalents: ["Serverless-LambdaDLQ"],
        rationale: "An asynchronous event that fails its retries is kept only in a dead-letter queue or topic (or an on-failure destination).",
        remedy: "Set deadLetterQueue: or asyncInvocation: .init(onFailure: ...)."
    ) { template in
        let destinations = Set(
            template.resources(ofType: "AWS::Lambda::EventInvokeConfig").filter {
                $0.resource.properties["DestinationConfig"]?["OnFailure"] != nil
            }.flatMap { template.functionLogicalIds(in: $0.resource.properties["FunctionName"]) })
        return template.resources(ofType: "AWS::Lambda::Function").compactMap { logicalId, function in
            function.properties["DeadLetterConfig"]?["TargetArn"] != nil || destinations.contains(logicalId)
                ? nil : functionDeadLetter.finding(logicalId, "the function keeps no failed asynchronous events.")
        }
    }
}
