import FormworkCore
import FormworkL1

extension UserPool {
    /// When Cognito calls a function of yours (CDK's `UserPoolTriggers`): before sign-up, after confirmation,
    /// before tokens are issued, and so on. The pool writes it in `LambdaConfig` and lets Cognito invoke the
    /// function (`<Pool>/<Trigger>Cognito`, for this pool only).
    public enum Trigger: String, Sendable, CaseIterable {
        /// `CreateAuthChallenge`: makes the challenge of a custom authentication flow.
        case createAuthChallenge = "CreateAuthChallenge"
        /// `CustomMessage`: writes the verification, invitation and other messages Cognito sends by email or SMS.
        case customMessage = "CustomMessage"
        /// `DefineAuthChallenge`: decides the next challenge of a custom authentication flow, or that it is done.
        case defineAuthChallenge = "DefineAuthChallenge"
        /// `PostAuthentication`: runs after a user signs in, for logging or analytics.
        case postAuthentication = "PostAuthentication"
        /// `PostConfirmation`: runs after a user confirms the account, such as to add the user to a database.
        case postConfirmation = "PostConfirmation"
        /// `PreAuthentication`: runs before sign-in, and may refuse it.
        case preAuthentication = "PreAuthentication"
        /// `PreSignUp`: runs before a user is created, and may refuse, confirm or verify the user.
        case preSignUp = "PreSignUp"
        /// `PreTokenGeneration`: changes the claims of the ID token before it is issued.
        case preTokenGeneration = "PreTokenGeneration"
        /// `UserMigration`: signs in or recovers a user not in the pool by checking another user directory, and adds the user.
        case userMigration = "UserMigration"
        /// `VerifyAuthChallengeResponse`: checks the user's answer to a custom authentication challenge.
        case verifyAuthChallengeResponse = "VerifyAuthChallengeResponse"
    }

    /// `LambdaConfig`, and the permission for each trigger's function.
    func declareTriggers(in scope: ConstructScope) throws(SynthesisError) -> CfnCognito.UserPool.LambdaConfig? {
        guard !triggers.isEmpty else { return nil }
        let sorted = triggers.sorted { $0.key.rawValue < $1.key.rawValue }
        var config = CfnCognito.UserPool.LambdaConfig()
        for (trigger, function) in sorted {
            scope.require(function)
            if function.createsPermissions(in: scope) {
                try scope.declareResource(
                    CfnLambda.Permission(action: "lambda:InvokeFunction", functionName: function.arn, principal: "cognito-idp.amazonaws.com", sourceArn: arn),
                    at: "\(trigger.rawValue)Cognito")
            }
            switch trigger {
            case .createAuthChallenge: config.createAuthChallenge = function.arn
            case .customMessage: config.customMessage = function.arn
            case .defineAuthChallenge: config.defineAuthChallenge = function.arn
            case .postAuthentication: config.postAuthentication = function.arn
            case .postConfirmation: config.postConfirmation = function.arn
            case .preAuthentication: config.preAuthentication = function.arn
            case .preSignUp: config.preSignUp = function.arn
            case .preTokenGeneration: config.preTokenGeneration = function.arn
            case .userMigration: config.userMigration = function.arn
            case .verifyAuthChallengeResponse: config.verifyAuthChallengeResponse = function.arn
            }
        }
        return config
    }
}
