import FormworkCore

extension Function {
    /// An existing function, named by its ARN (CDK's `Function.fromFunctionArn`): a function for rule, schedule and
    /// pipe targets, subscriptions, state machine tasks and invoke grants that the stack does not declare.
    ///
    /// ```swift
    /// let handler = Function.fromFunctionArn("Handler", arn: "arn:aws:lambda:us-east-1:123456789012:function:orders")
    /// rule.target(handler)
    /// ```
    ///
    /// As in CDK, nothing is written for the function itself: no role (grants to it are dropped, as CDK's
    /// `UnknownPrincipal` drops them), no log group. ``Function/arn`` is `arn` as given and ``Function/name`` is its
    /// seventh part (cut from the text when `arn` is text, `Fn::Select` of `Fn::Split` otherwise, as CDK's
    /// `Fn.select(6, Fn.split(":", arn))`). A rule target or a subscription adds its `AWS::Lambda::Permission` only when
    /// the stack names an account and `arn` is text naming that account, as CDK's `sameEnvironment` check does; an
    /// invoke grant (and so a schedule or pipe target) goes to the grantee's policy when both accounts are known and
    /// equal or both are references (an environment-agnostic stack and an ARN built with `Aws.accountId` or read from
    /// a parameter), and is an error otherwise, as in CDK. Its other settings are ignored.
    public static func fromFunctionArn(_ id: String, arn: Value) -> Function {
        var function = Function(id, runtime: .nodejs22, handler: "", code: .inline(""))
        function.imported = ImportedArn(arn)
        return function
    }

    /// An existing function, named by its name in the stack's account and region (CDK's `Function.fromFunctionName`):
    /// its ARN is `arn:<partition>:lambda:<region>:<account>:function:<name>`, with the stack's partition, region and
    /// account, as CDK's `formatArn` writes it, and edges add their permissions to it, as CDK's `sameEnvironment: true`
    /// makes them; otherwise as ``Function/fromFunctionArn(_:arn:)``.
    ///
    /// ```swift
    /// let handler = Function.fromFunctionName("Handler", name: "orders-handler")
    /// ```
    public static func fromFunctionName(_ id: String, name: Value) -> Function {
        fromFunctionAttributes(id, arn: "arn:\(Aws.partition):lambda:\(Aws.region):\(Aws.accountId):function:\(name)", sameEnvironment: true)
    }

    /// An existing function by its ARN (CDK's `Function.fromFunctionAttributes` with `functionArn` and
    /// `sameEnvironment`): as ``Function/fromFunctionArn(_:arn:)``, except that with `sameEnvironment` given, rule
    /// targets and subscriptions add their `AWS::Lambda::Permission` when it is `true` and never when `false`, whatever
    /// the ARN says. `sameEnvironment`: `nil` unless given, so decided from the ARN as for ``Function/fromFunctionArn(_:arn:)``.
    public static func fromFunctionAttributes(_ id: String, arn: Value, sameEnvironment: Bool? = nil) -> Function {
        var function = fromFunctionArn(id, arn: arn)
        function.importedSameEnvironment = sameEnvironment
        return function
    }

    /// Whether edges add `AWS::Lambda::Permission`s for this function: always for a function the stack declares; for an
    /// imported one, as `sameEnvironment` says when it was given, otherwise when the stack in `scope` names an account
    /// and the function's ARN is text naming the same account (CDK's `canCreatePermissions`: `sameEnvironment ??
    /// _isStackAccount()`).
    func createsPermissions(in scope: ConstructScope) -> Bool {
        guard let imported else { return true }
        if let importedSameEnvironment { return importedSameEnvironment }
        guard let account = scope.stackAccount, let arnAccount = imported.literalAccount else { return false }
        return account == arnAccount
    }

    /// Rejects an invoke grant on an imported function that CDK cannot put in the grantee's policy: CDK does so when
    /// the function's account and the stack's are both known and equal or both references, and otherwise turns to
    /// the function's resource policy, which an imported function cannot change.
    func checkInvokeGrant(at scope: ConstructScope) throws(SynthesisError) {
        guard let imported else { return }
        let stackAccount = scope.stackAccount
        let sameAccount: Bool
        if let arnAccount = imported.literalAccount {
            sameAccount = stackAccount == arnAccount
        } else if imported.accountIsUnresolved {
            sameAccount = stackAccount == nil
        } else {
            // An ARN that begins with a literal `arn:` and whose account part is literal text.
            if case .string(let arnAccount) = imported.component(4) {
                sameAccount = stackAccount == arnAccount
            } else {
                sameAccount = false
            }
        }
        guard !sameAccount else { return }
        throw SynthesisError(
            .invalidSetting, paths: [scope.path],
            "cannot grant invoking the imported function '\(id)' in an account that may not be the stack's; give both accounts as text (the stack's account: and the ARN's), or neither (build the ARN with Aws.accountId), as CDK requires"
        )
    }

    /// Rejects a function ARN given as text with fewer than seven parts: its name (the seventh) is missing.
    func validateImportedName(at scope: ConstructScope) throws(SynthesisError) {
        guard let text = imported?.text, text.split(separator: ":", omittingEmptySubsequences: false).count < 7 else { return }
        throw SynthesisError(
            .invalidSetting, paths: [scope.path],
            "'\(text)' is not a function ARN; give one of the form arn:partition:lambda:region:account:function:name")
    }
}
