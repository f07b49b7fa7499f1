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

    /// Whether edges add `AWS::Lambda::Permission`s for this function: always for a function the stack declares; for an
    /// imported one, when the stack in `scope` names an account and the function's ARN is text naming the same
    /// account (CDK's `_isStackAccount`).
    func createsPermissions(in scope: ConstructScope) -> Bool {
        guard let imported else { return true }
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
