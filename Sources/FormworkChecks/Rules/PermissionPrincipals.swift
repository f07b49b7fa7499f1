import FormworkTemplate

extension CheckRule {
    /// A function is invoked through permissions of one principal only.
    public static let permissionPrincipals: CheckRule = CheckRule(
        id: "lambda-permission-principals", summary: "A function takes invocations from one kind of principal.",
        pillar: "Operational excellence", severity: .warning, equivalents: ["WS1002"],
        rationale:
            "A function reached from several services handles events of several shapes: one function per trigger keeps each simple and its permissions small.",
        remedy: "Give each trigger its own function."
    ) { template in
        var principals: [String: Set<String>] = [:]
        for (_, permission) in template.resources(ofType: "AWS::Lambda::Permission") {
            let principal = permission.properties["Principal"].map { JSONWriter(style: .compact).string(from: $0) } ?? ""
            for function in template.functionLogicalIds(in: permission.properties["FunctionName"]) {
                principals[function, default: []].insert(principal)
            }
        }
        return principals.keys.sorted().compactMap { function in
            principals[function]!.count > 1
                ? permissionPrincipals.finding(function, "the function may be invoked by \(principals[function]!.count) different principals.") : nil
        }
    }
}
