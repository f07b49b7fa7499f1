import FormworkCore
import FormworkL1
import OrderedCollections

/// A secret rotated by a function of your own on a schedule (CDK's `secret.addRotationSchedule` with a
/// `rotationLambda`), made by ``Secret/rotation(by:every:rotateImmediatelyOnUpdate:id:)``: the schedule at
/// `<Secret>/<id>`, Secrets Manager allowed to invoke the function, the function allowed to read and
/// stage new versions of the secret, and, as CDK adds, a resource policy at `<Secret>/Policy` that denies
/// deleting the secret to the account (so a rotation cannot lose it).
public struct RotationSchedule: Construct {
    public var id: String { "\(secret.id)\(scheduleId)" }
    /// The schedule's id below the secret.
    public let scheduleId: String
    /// The secret rotated (`SecretId`); the schedule is declared in its scope.
    public let secret: Secret
    /// The function that rotates the secret (`RotationLambdaARN`); Secrets Manager may invoke it, and its role may
    /// read the secret and stage new versions.
    public let function: Function
    /// How often the secret rotates (`RotationRules.ScheduleExpression`, a `rate` in days or hours): 4 hours to
    /// 1,000 days, in whole hours.
    public let interval: Duration
    /// Whether the secret rotates as soon as the schedule is created or changed (`RotateImmediatelyOnUpdate`);
    /// `nil`: not written, so Secrets Manager's yes.
    public let rotateImmediatelyOnUpdate: Bool?

    /// `Invoke` and the hash of the principal and its (no) conditions, as CDK's `grantInvoke` names the
    /// permission; the construct library writes each `/` of an id as `--`.
    private static let permissionId =
        "Invoke"
        + CDKHash.sha256Base64(#"{"principal":"ServicePrincipal(secretsmanager.amazonaws.com)","conditions":{}}"#)
        .replacingOccurrences(of: "/", with: "--")

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        let seconds = interval.wholeSeconds
        guard (4 * 3_600...1_000 * 86_400).contains(seconds), seconds % 3_600 == 0 else {
            throw SynthesisError(
                .invalidSetting, paths: [scope.path], "a secret rotates every 4 hours to 1,000 days, in whole hours; the interval is \(seconds) s")
        }
        let expression = seconds % 86_400 == 0 ? "rate(\(seconds / 86_400) days)" : "rate(\(seconds / 3_600) hours)"
        scope.require(secret)
        scope.require(function)
        scope.afterExpansion(.edges) { [self] scope throws(SynthesisError) in
            let functionScope = try scope.scope(of: function)
            guard function.createsPermissions(in: scope) else {
                // CDK's `grantInvoke` to Secrets Manager needs the function's resource policy, which an imported
                // function's stack cannot change.
                throw SynthesisError(
                    .invalidSetting, paths: [scope.path],
                    "cannot let Secrets Manager invoke the imported function '\(function.id)': import it with Function.fromFunctionAttributes(_:arn:sameEnvironment: true) when it is in the stack's account, as CDK requires"
                )
            }
            if functionScope.existingChild(Self.permissionId) == nil {
                try functionScope.declareResource(
                    CfnLambda.Permission(action: "lambda:InvokeFunction", functionName: function.arn, principal: "secretsmanager.amazonaws.com"),
                    at: Self.permissionId)
            }
            // CDK's two `addToRolePolicy` calls, after the function's own.
            try function.addToRolePolicy(
                PolicyStatement(
                    actions: [
                        "secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue",
                        "secretsmanager:PutSecretValue", "secretsmanager:UpdateSecretVersionStage",
                    ],
                    resources: [secret.arn]),
                in: scope)
            try function.addToRolePolicy(PolicyStatement(actions: ["secretsmanager:GetRandomPassword"], resources: ["*"]), in: scope)
            let secretScope = try scope.scope(of: secret)
            let schedule = CfnSecretsManager.RotationSchedule(
                rotateImmediatelyOnUpdate: rotateImmediatelyOnUpdate.map { .bool($0) },
                rotationLambdaARN: function.arn,
                rotationRules: CfnSecretsManager.RotationSchedule.RotationRules(scheduleExpression: .string(expression)),
                secretId: secret.arn)
            try secretScope.child(scheduleId).declareResource(schedule, dependencies: [Dependency(on: function, element: [Self.permissionId])])
            if secretScope.existingChild("Policy") == nil {
                let deny = PolicyStatement(
                    effect: .deny, actions: ["secretsmanager:DeleteSecret"], resources: ["*"],
                    principal: ["AWS": "arn:\(Aws.partition):iam::\(Aws.accountId):root"])
                try secretScope.child("Policy").declareResource(
                    CfnSecretsManager.ResourcePolicy(resourcePolicy: PolicyDocument([deny], minimizing: scope.minimizesPolicies).value, secretId: secret.arn),
                    transforms: scope.policyTransforms)
            }
        }
    }
}

extension Secret {
    /// The secret rotated by `function` every `interval` (30 days unless given, as CDK); list the result in a
    /// body. `rotateImmediatelyOnUpdate` is Secrets Manager's default (rotate when the schedule changes) when `nil`.
    public func rotation(
        by function: Function, every interval: Duration = .days(30), rotateImmediatelyOnUpdate: Bool? = nil,
        id: String = "Rotation"
    ) -> RotationSchedule {
        RotationSchedule(scheduleId: id, secret: self, function: function, interval: interval, rotateImmediatelyOnUpdate: rotateImmediatelyOnUpdate)
    }
}
