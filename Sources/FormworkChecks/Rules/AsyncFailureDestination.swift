import FormworkTemplate

extension CheckRule {
    /// Functions invoked asynchronously (by EventBridge, S3, SNS, IoT) have an on-failure destination, and
    /// every `EventInvokeConfig` names one.
    public static let asyncFailureDestination: CheckRule = CheckRule(
        id: "lambda-async-failure-destination", summary: "Functions invoked asynchronously keep the events that fail.",
        pillar: "Reliability", severity: .warning, equivalents: ["ES1007", "Serverless-LambdaAsyncFailureDestination"],
        rationale: "An asynchronous event that fails its retries is dropped unless the function sends it to an on-failure destination.",
        remedy: "Set asyncInvocation: .init(onFailure: .queue(failures))."
    ) { template in
        let asyncPrincipals: Set<String> = ["events.amazonaws.com", "iot.amazonaws.com", "s3.amazonaws.com", "sns.amazonaws.com"]
        var covered = Set<String>()
        var findings: [Finding] = []
        for (logicalId, config) in template.resources(ofType: "AWS::Lambda::EventInvokeConfig") {
            if config.properties["DestinationConfig"]?["OnFailure"]?["Destination"] != nil {
                covered.formUnion(template.functionLogicalIds(in: config.properties["FunctionName"]))
            } else {
                findings.append(asyncFailureDestination.finding(logicalId, "the invoke configuration has no on-failure destination."))
            }
        }
        for (logicalId, permission) in template.resources(ofType: "AWS::Lambda::Permission") {
            let principal = (permission.properties["Principal"]?.stringValue ?? "").replacingOccurrences(of: ".amazonaws.com.cn", with: ".amazonaws.com")
            let functions = template.functionLogicalIds(in: permission.properties["FunctionName"])
            guard asyncPrincipals.contains(principal), !functions.isEmpty, functions.isDisjoint(with: covered) else { continue }
            findings.append(
                asyncFailureDestination.finding(
                    logicalId, "\(principal) invokes the function asynchronously, and no on-failure destination keeps the events that fail."))
        }
        return findings
    }
}
