import FormworkTemplate

/// What CDK's default synthesizer adds to every template (``BootstrapNames/checksVersion``): the `BootstrapVersion`
/// parameter, which CloudFormation fills from the bootstrap's SSM version parameter, and the `CheckBootstrapVersion`
/// rule, which stops the deploy before anything changes when the environment's bootstrap is older than version 6.
enum BootstrapVersionCheck {
    /// `template` with the parameter and the rule, as CDK writes them; an element the app declared under either
    /// name is a synthesis error naming `stack`.
    static func adding(to template: Template, names: BootstrapNames, stack: String) throws(SynthesisError) -> Template {
        guard template.parameters["BootstrapVersion"] == nil, template.rules["CheckBootstrapVersion"] == nil else {
            throw SynthesisError(
                .duplicateLogicalId, paths: [stack],
                "the stack declares 'BootstrapVersion' or 'CheckBootstrapVersion', which checking the bootstrap version adds; rename it or use BootstrapNames(checksVersion: false)"
            )
        }
        var template = template
        template.parameters["BootstrapVersion"] = Template.Parameter(
            type: "AWS::SSM::Parameter::Value<String>", defaultValue: .string(names.versionParameter),
            description: "Version of the CDK Bootstrap resources in this environment, automatically retrieved from SSM Parameter Store. [cdk:skip]")
        let older: [JSONValue] = (1..<BootstrapNames.minimumVersionForAssets).map { .string(String($0)) }
        template.rules["CheckBootstrapVersion"] = [
            "Assertions": [
                [
                    "Assert": ["Fn::Not": [["Fn::Contains": [.array(older), ["Ref": "BootstrapVersion"]]]]],
                    "AssertDescription": .string(
                        "CDK bootstrap stack version \(BootstrapNames.minimumVersionForAssets) required. Please run 'cdk bootstrap' with a recent version of the CDK CLI."
                    ),
                ]
            ]
        ]
        return template
    }
}
