import FormworkSchema
import FormworkTemplate

extension CheckRule {
    /// Functions run a supported runtime: deprecated runtimes are errors, older versions of a family warnings.
    public static let functionRuntime: CheckRule = CheckRule(
        id: "lambda-runtime", summary: "Functions run a current runtime.", pillar: "Security", severity: .warning,
        equivalents: ["Serverless-LambdaLatestVersion", "AwsSolutions-L1"],
        rationale:
            "A deprecated runtime gets no security patches and, after its deprecation date, no updates; the latest version of a family is patched longest.",
        remedy: "Set runtime to the latest version of its family (for example .nodejs24 or .python314)."
    ) { template in
        template.resources(ofType: "AWS::Lambda::Function").compactMap { logicalId, function in
            guard let runtime = function.properties["Runtime"]?.stringValue, let status = LambdaRuntimes.status(of: runtime) else { return nil }
            switch status {
            case .deprecated, .creationBlocked, .updateBlocked:
                return Finding(
                    rule: functionRuntime.id, severity: .error, logicalId: logicalId,
                    message: "the runtime \(runtime) is deprecated: Lambda no longer patches it and will refuse creating functions with it.",
                    fix: functionRuntime.remedy)
            case .superseded(let latest):
                return functionRuntime.finding(logicalId, "the runtime \(runtime) is not the latest of its family (\(latest)).")
            case .current:
                return nil
            }
        }
    }
}
