import FormworkCore

extension UserPool {
    /// When Cognito calls a function of yours (CDK's `UserPoolTriggers`): before sign-up, after confirmation,
    /// before tokens are issued, and so on. The pool writes it in `LambdaConfig` and lets Cognito invoke the
    /// function (`<Pool>/<Trigger>Cognito`, for this pool only).
    public enum Trigger: String, Sendable, CaseIterable {
        case createAuthChallenge = "CreateAuthChallenge"
        case customMessage = "CustomMessage"
        case defineAuthChallenge = "DefineAuthChallenge"
        case postAuthentication = "PostAuthentication"
        case postConfirmation = "PostConfirmation"
        case preAuthentication = "PreAuthentication"
        case preSignUp = "PreSignUp"
        case preTokenGeneration = "PreTokenGeneration"
        case userMigration = "UserMigration"
        case verifyAuthChallengeResponse = "VerifyAuthChallengeResponse"
    }

    /// `LambdaConfig`, and the permission for each trigger's function.
    func declareTriggers(in scope: ConstructScope) throws(SynthesisError) -> Value? {
        guard !triggers.isEmpty else { return nil }
        let sorted = triggers.sorted { $0.key.rawValue < $1.key.rawValue }
        for (trigger, function) in sorted {
            scope.require(function)
            try scope.declareResource(
                "AWS::Lambda::Permission", at: "\(trigger.rawValue)Cognito",
                properties: [
                    "Action": "lambda:InvokeFunction", "FunctionName": function.arn, "Principal": "cognito-idp.amazonaws.com", "SourceArn": arn,
                ])
        }
        return .object(.init(uniqueKeysWithValues: sorted.map { ($0.key.rawValue, $0.value.arn) }))
    }
}
