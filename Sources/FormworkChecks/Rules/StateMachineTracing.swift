import FormworkTemplate

extension CheckRule {
    /// State machines are traced.
    public static let stateMachineTracing: CheckRule = CheckRule(
        id: "stepfunctions-tracing", summary: "State machines are traced.", pillar: "Operational excellence", severity: .warning,
        equivalents: ["WS5000", "Serverless-StepFunctionStateMachineXray", "AwsSolutions-SF2"],
        rationale: "Tracing shows each state's time and the services it called, across the whole execution.",
        remedy: "Set tracing: true on the StateMachine."
    ) { template in
        template.resources(ofType: "AWS::StepFunctions::StateMachine").compactMap { logicalId, machine in
            machine.properties["TracingConfiguration"]?["Enabled"] == .bool(true)
                ? nil : stateMachineTracing.finding(logicalId, "the state machine is not traced.")
        }
    }
}
