import FormworkTemplate

extension CheckRule {
    /// Functions say how much memory they take.
    public static let functionDefaultMemory: CheckRule = CheckRule(
        id: "lambda-default-memory", summary: "Functions set their memory size.", pillar: "Performance efficiency", severity: .info,
        equivalents: ["ES1005", "Serverless-LambdaDefaultMemorySize"],
        rationale: "Memory also sets CPU: the 128 MB default is rarely the cheapest or fastest; choose it (AWS Lambda Power Tuning measures it).",
        remedy: "Set memorySize."
    ) { template in
        template.resources(ofType: "AWS::Lambda::Function").compactMap { logicalId, function in
            function.properties["MemorySize"] == nil ? functionDefaultMemory.finding(logicalId, "the function runs with the default 128 MB.") : nil
        }
    }
}
