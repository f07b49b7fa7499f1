import FormworkCore

/// The function behind every ``LogRetention`` of a stack, at CDK's path for it (`LogRetention<uuid>`, the id of
/// CDK's singleton, so a migrated stack keeps its logical IDs): a role with Lambda's basic execution policy and
/// the right to put and delete retention policies, and Formwork's own handler, inline.
///
/// The handler (``handlerSource``): on `Create` and `Update`, creates the log group when it does not exist and puts
/// `RetentionInDays` (deletes the retention policy when none is given), and on `Create` sets its own log group's
/// retention to a day; on `Delete`, deletes the log group only when `RemovalPolicy` is `destroy`. Throttling is
/// retried with backoff (8 attempts); the answer's physical ID is the log group's name, as CDK's handler answers.
/// `Tests/FormworkAWSTests/LogRetentionHandler/test_handler.py` runs it against stubs of the AWS SDK and of `cfnresponse`.
enum LogRetentionProvider {
    /// CDK's id for the singleton: `LogRetention` and its UUID without dashes.
    static let id = "LogRetentionaae0aa3c5b4d4f87b02d85b201efdd8a"

    /// The stack's provider function, declared with the first log retention that needs it.
    static func function(in scope: ConstructScope) throws(SynthesisError) -> Function {
        var made = false
        let function = try scope.stackSingleton(id) {
            made = true
            var function = Function(id, runtime: .python313, handler: "index.handler", code: .inline(handlerSource), timeout: .seconds(900))
            function.takesManagedLogGroup = false
            return function
        }
        if made {
            scope.contribute(
                PolicyStatement(actions: ["logs:PutRetentionPolicy", "logs:DeleteRetentionPolicy"], resources: ["*"]), to: function.role,
                as: Role.defaultPolicyStatements)
        }
        return function
    }

    /// The handler, Python 3 with the `boto3` and `cfnresponse` modules Lambda provides to inline code.
    static let handlerSource = #"""
        import time
        import boto3
        import cfnresponse


        def attempt(call, tolerated=(), **arguments):
            for retry in range(8):
                try:
                    return call(**arguments)
                except Exception as error:
                    code = getattr(error, "response", {}).get("Error", {}).get("Code", "")
                    if code in tolerated:
                        return None
                    if code not in ("ThrottlingException", "OperationAbortedException") or retry == 7:
                        raise
                    time.sleep(min(2 ** retry, 20))


        def retain(logs, name, days):
            attempt(logs.create_log_group, ("ResourceAlreadyExistsException",), logGroupName=name)
            if days:
                attempt(logs.put_retention_policy, logGroupName=name, retentionInDays=int(days))
            else:
                attempt(logs.delete_retention_policy, ("ResourceNotFoundException",), logGroupName=name)


        def handler(event, context):
            settings = event["ResourceProperties"]
            name = settings["LogGroupName"]
            try:
                logs = boto3.client("logs", region_name=settings.get("LogGroupRegion"))
                if event["RequestType"] in ("Create", "Update"):
                    retain(logs, name, settings.get("RetentionInDays"))
                    if event["RequestType"] == "Create":
                        retain(boto3.client("logs"), "/aws/lambda/" + context.function_name, 1)
                elif settings.get("RemovalPolicy") == "destroy":
                    attempt(logs.delete_log_group, ("ResourceNotFoundException",), logGroupName=name)
                cfnresponse.send(event, context, cfnresponse.SUCCESS, {}, name)
            except Exception as error:
                cfnresponse.send(event, context, cfnresponse.FAILED, {}, name, reason=str(error)[:500])
        """#
}
