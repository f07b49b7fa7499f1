"""The differential cases: one description per stack, rendered both as a CDK app (Python) and as Formwork
code (Swift) by generate.py.

A case is a stack name and a list of statements; a statement is a pair (Python, Swift) of source lines,
written with the helpers below so that each option of each construct appears at least once absent, once
set to CloudFormation's or CDK's default, and once set to another value, plus combinations that interact.
"""

INLINE = "exports.handler = async () => ({});"


class Case:
    def __init__(self, name, statements):
        self.name = name
        self.statements = statements


# The order of each Swift initializer's labels, which Swift requires.
SWIFT_LABELS = {
    "Queue": ["queueName", "visibilityTimeout", "retention", "deliveryDelay", "receiveWaitTime", "maxMessageSizeBytes",
              "deadLetter", "fifo", "contentBasedDeduplication", "deduplicationScope", "fifoThroughputLimit", "encryption",
              "enforceSSL", "removalPolicy"],
    "Topic": ["displayName", "topicName", "fifo", "contentBasedDeduplication", "masterKey"],
    "Rule": ["bus", "pattern", "schedule", "enabled", "description", "ruleName"],
}


def call(py_ctor, swift_ctor, ident, options, var=None):
    """A construct: `options` are (python_kwarg, python_value, swift_label, swift_value) tuples."""
    py_args = ", ".join([f'"{ident}"'] + [f"{k}={v}" for k, v, _, _ in options if k is not None])
    labels = SWIFT_LABELS.get(swift_ctor, [])
    swift_options = sorted((option for option in options if option[2] is not None),
                           key=lambda option: labels.index(option[2]) if option[2] in labels else -1)
    swift_args = ", ".join([f'"{ident}"'] + [f"{l}: {v}" for _, _, l, v in swift_options])
    var = var or ident[0].lower() + ident[1:]
    return (f"{var} = {py_ctor}(s, {py_args})", f"let {var} = {swift_ctor}({swift_args})", var)


def stmt(py, swift):
    return (py, swift, None)


def fn(ident="Fn", options=()):
    base = [("runtime", "lambda_.Runtime.NODEJS_22_X", "runtime", ".nodejs22"),
            ("handler", '"index.handler"', "handler", '"index.handler"'),
            ("code", f'lambda_.Code.from_inline("{INLINE}")', "code", f'.inline("{INLINE}")')]
    return call("lambda_.Function", "Function", ident, base + list(options))


def queue(ident="Queue", options=()):
    return call("sqs.Queue", "Queue", ident, list(options))


def sec(n):
    return (f"Duration.seconds({n})", f".seconds({n})")


def days(n):
    return (f"Duration.days({n})", f".days({n})")


def opt(py_name, swift_name, values):
    """(py_value, swift_value) pairs → option tuples."""
    return [(py_name, p, swift_name, w) for p, w in values]


def variants(prefix, ctor, options_by_name):
    """One case for each value of each option, plus one with no option."""
    cases = [Case(f"{prefix}Plain", [ctor(())])]
    for name, values in options_by_name:
        for label, option in values:
            cases.append(Case(f"{prefix}{name}{label}", [ctor((option,))]))
    return cases


def o(py_name, py_value, swift_name, swift_value):
    return (py_name, py_value, swift_name, swift_value)


# MARK: SQS

def queue_cases():
    q = lambda options: queue("Queue", options)
    cases = variants("Queue", q, [
        ("Name", [("Given", o("queue_name", '"orders"', "queueName", '"orders"'))]),
        ("VisibilityTimeout", [("Default", o("visibility_timeout", *sec(30)[:1], "visibilityTimeout", sec(30)[1])),
                               ("Other", o("visibility_timeout", sec(300)[0], "visibilityTimeout", sec(300)[1]))]),
        ("Retention", [("Default", o("retention_period", days(4)[0], "retention", days(4)[1])),
                       ("Other", o("retention_period", days(14)[0], "retention", days(14)[1]))]),
        ("DeliveryDelay", [("Default", o("delivery_delay", sec(0)[0], "deliveryDelay", sec(0)[1])),
                           ("Other", o("delivery_delay", sec(10)[0], "deliveryDelay", sec(10)[1]))]),
        ("ReceiveWait", [("Default", o("receive_message_wait_time", sec(0)[0], "receiveWaitTime", sec(0)[1])),
                         ("Other", o("receive_message_wait_time", sec(20)[0], "receiveWaitTime", sec(20)[1]))]),
        ("MaxMessageSize", [("Default", o("max_message_size_bytes", "262144", "maxMessageSizeBytes", "262144")),
                            ("Other", o("max_message_size_bytes", "1024", "maxMessageSizeBytes", "1024"))]),
        ("Fifo", [("False", o("fifo", "False", "fifo", "false")), ("True", o("fifo", "True", "fifo", "true"))]),
        ("Encryption", [("Unencrypted", o("encryption", "sqs.QueueEncryption.UNENCRYPTED", "encryption", ".unencrypted")),
                        ("SqsManaged", o("encryption", "sqs.QueueEncryption.SQS_MANAGED", "encryption", ".sqsManaged")),
                        ("KmsManaged", o("encryption", "sqs.QueueEncryption.KMS_MANAGED", "encryption", ".kmsManaged"))]),
        ("EnforceSSL", [("False", o("enforce_ssl", "False", "enforceSSL", "false")),
                        ("True", o("enforce_ssl", "True", "enforceSSL", "true"))]),
        ("RemovalPolicy", [("Destroy", o("removal_policy", "RemovalPolicy.DESTROY", "removalPolicy", ".destroy")),
                           ("Retain", o("removal_policy", "RemovalPolicy.RETAIN", "removalPolicy", ".retain"))]),
    ])
    fifo = o("fifo", "True", "fifo", "true")
    cases += [
        Case("QueueFifoContentBasedDeduplication", [q((fifo, o("content_based_deduplication", "True", "contentBasedDeduplication", "true")))]),
        Case("QueueFifoDeduplicationFalse", [q((fifo, o("content_based_deduplication", "False", "contentBasedDeduplication", "false")))]),
        Case("QueueFifoHighThroughput", [q((fifo, o("deduplication_scope", "sqs.DeduplicationScope.MESSAGE_GROUP", "deduplicationScope", ".messageGroup"),
                                            o("fifo_throughput_limit", "sqs.FifoThroughputLimit.PER_MESSAGE_GROUP_ID", "fifoThroughputLimit", ".perMessageGroupId")))]),
        Case("QueueFifoQueueScope", [q((fifo, o("deduplication_scope", "sqs.DeduplicationScope.QUEUE", "deduplicationScope", ".queue"),
                                        o("fifo_throughput_limit", "sqs.FifoThroughputLimit.PER_QUEUE", "fifoThroughputLimit", ".perQueue")))]),
        Case("QueueFifoNamed", [q((fifo, o("queue_name", '"orders.fifo"', "queueName", '"orders.fifo"')))]),
        Case("QueueWithDeadLetterQueue", [
            queue("DLQ", [o("retention_period", days(14)[0], "retention", days(14)[1])]),
            q([o("dead_letter_queue", "sqs.DeadLetterQueue(queue=dLQ, max_receive_count=3)", "deadLetter", ".init(queue: dLQ, maxReceiveCount: 3)")]),
        ]),
        Case("QueueFifoWithFifoDeadLetterQueue", [
            queue("DLQ", [fifo]),
            q([fifo, o("dead_letter_queue", "sqs.DeadLetterQueue(queue=dLQ, max_receive_count=5)", "deadLetter", ".init(queue: dLQ, maxReceiveCount: 5)")]),
        ]),
        Case("QueueKmsKey", [
            call("kms.Key", "Key", "Key", []),
            q([o("encryption", "sqs.QueueEncryption.KMS", "encryption", ".kms(key)"), o("encryption_master_key", "key", None, None)]),
        ]),
    ]
    return cases


# MARK: SNS

def topic(options=(), ident="Topic"):
    return call("sns.Topic", "Topic", ident, list(options))


def topic_cases():
    cases = variants("Topic", topic, [
        ("DisplayName", [("Given", o("display_name", '"Orders"', "displayName", '"Orders"'))]),
        ("Name", [("Given", o("topic_name", '"orders"', "topicName", '"orders"'))]),
        ("Fifo", [("False", o("fifo", "False", "fifo", "false")), ("True", o("fifo", "True", "fifo", "true"))]),
    ])
    fifo = o("fifo", "True", "fifo", "true")
    cases += [
        Case("TopicFifoNamedWithoutSuffix", [topic((fifo, o("topic_name", '"orders"', "topicName", '"orders"')))]),
        Case("TopicFifoNamedWithSuffix", [topic((fifo, o("topic_name", '"orders.fifo"', "topicName", '"orders.fifo"')))]),
        Case("TopicFifoContentBasedDeduplication", [topic((fifo, o("content_based_deduplication", "True", "contentBasedDeduplication", "true")))]),
        Case("TopicFifoDeduplicationFalse", [topic((fifo, o("content_based_deduplication", "False", "contentBasedDeduplication", "false")))]),
        Case("TopicSqsSubscription", [topic(), queue(), stmt("topic.add_subscription(subs.SqsSubscription(queue))", "topic.subscribe(queue)")]),
        Case("TopicSqsSubscriptionRaw", [topic(), queue(), stmt("topic.add_subscription(subs.SqsSubscription(queue, raw_message_delivery=True))",
                                                                "topic.subscribe(queue, rawMessageDelivery: true)")]),
        Case("TopicSqsSubscriptionTwoQueues", [topic(), queue("A"), queue("B"),
                                               stmt("topic.add_subscription(subs.SqsSubscription(a))", "topic.subscribe(a)"),
                                               stmt("topic.add_subscription(subs.SqsSubscription(b))", "topic.subscribe(b)")]),
        Case("TopicFifoSqsSubscription", [topic((fifo,)), queue("Queue", (fifo,)),
                                          stmt("topic.add_subscription(subs.SqsSubscription(queue))", "topic.subscribe(queue)")]),
        Case("TopicLambdaSubscription", [topic(), fn(), stmt("topic.add_subscription(subs.LambdaSubscription(fn))", "topic.subscribe(fn)")]),
        Case("TopicGrantPublish", [topic(), fn(), stmt("topic.grant_publish(fn)", "topic.grant(.publish, to: fn)")]),
        Case("TopicGrantSubscribe", [topic(), fn(), stmt("topic.grant_subscribe(fn)", "topic.grant(.subscribe, to: fn)")]),
    ]
    return cases


# MARK: DynamoDB

PK = o("partition_key", 'dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING)', "partitionKey", '.string("pk")')


def table(options=(), ident="Table"):
    return call("dynamodb.Table", "Table", ident, [PK] + list(options))


def table_cases():
    cases = variants("Table", table, [
        ("SortKey", [("String", o("sort_key", 'dynamodb.Attribute(name="sk", type=dynamodb.AttributeType.STRING)', "sortKey", '.string("sk")')),
                     ("Number", o("sort_key", 'dynamodb.Attribute(name="sk", type=dynamodb.AttributeType.NUMBER)', "sortKey", '.number("sk")'))]),
        ("Billing", [("OnDemand", o("billing_mode", "dynamodb.BillingMode.PAY_PER_REQUEST", "billing", ".onDemand"))]),
        ("Stream", [("NewImage", o("stream", "dynamodb.StreamViewType.NEW_IMAGE", "stream", ".newImage")),
                    ("NewAndOld", o("stream", "dynamodb.StreamViewType.NEW_AND_OLD_IMAGES", "stream", ".newAndOldImages")),
                    ("KeysOnly", o("stream", "dynamodb.StreamViewType.KEYS_ONLY", "stream", ".keysOnly"))]),
        ("Name", [("Given", o("table_name", '"orders"', "tableName", '"orders"'))]),
        ("TimeToLive", [("Given", o("time_to_live_attribute", '"expires"', "timeToLiveAttribute", '"expires"'))]),
        ("PointInTimeRecovery", [("True", o("point_in_time_recovery_specification", "dynamodb.PointInTimeRecoverySpecification(point_in_time_recovery_enabled=True)", "pointInTimeRecovery", "true")),
                                 ("False", o("point_in_time_recovery_specification", "dynamodb.PointInTimeRecoverySpecification(point_in_time_recovery_enabled=False)", "pointInTimeRecovery", "false"))]),
        ("DeletionProtection", [("True", o("deletion_protection", "True", "deletionProtection", "true")),
                                ("False", o("deletion_protection", "False", "deletionProtection", "false"))]),
        ("Encryption", [("AwsManaged", o("encryption", "dynamodb.TableEncryption.AWS_MANAGED", "encryption", ".awsManaged")),
                        ("Default", o("encryption", "dynamodb.TableEncryption.DEFAULT", "encryption", ".awsOwned"))]),
        ("RemovalPolicy", [("Destroy", o("removal_policy", "RemovalPolicy.DESTROY", "removalPolicy", ".destroy")),
                           ("Retain", o("removal_policy", "RemovalPolicy.RETAIN", "removalPolicy", ".retain"))]),
    ])
    provisioned = lambda r, w: [o("billing_mode", "dynamodb.BillingMode.PROVISIONED", "billing", f".provisioned(read: {r}, write: {w})"),
                                o("read_capacity", str(r), None, None), o("write_capacity", str(w), None, None)]
    gsi = ('table.add_global_secondary_index(index_name="byStatus", partition_key=dynamodb.Attribute(name="status", type=dynamodb.AttributeType.STRING))',
           '[.global("byStatus", partitionKey: .string("status"))]')
    cases += [
        Case("TableProvisionedDefault", [table(provisioned(5, 5))]),
        Case("TableProvisionedOther", [table(provisioned(10, 20))]),
        Case("TableGlobalIndex", [table([o(None, None, "indexes", gsi[1])]), stmt(gsi[0], None)]),
        Case("TableGlobalIndexOnDemand", [table([o("billing_mode", "dynamodb.BillingMode.PAY_PER_REQUEST", "billing", ".onDemand"),
                                                 o(None, None, "indexes", gsi[1])]), stmt(gsi[0], None)]),
        Case("TableLocalIndex", [table([o("sort_key", 'dynamodb.Attribute(name="sk", type=dynamodb.AttributeType.STRING)', "sortKey", '.string("sk")'),
                                        o(None, None, "indexes", '[.local("byDate", sortKey: .string("date"))]')]),
                                 stmt('table.add_local_secondary_index(index_name="byDate", sort_key=dynamodb.Attribute(name="date", type=dynamodb.AttributeType.STRING))', None)]),
        Case("TableStreamAndIndexes", [table([o("stream", "dynamodb.StreamViewType.NEW_AND_OLD_IMAGES", "stream", ".newAndOldImages"),
                                              o(None, None, "indexes", gsi[1])]), stmt(gsi[0], None)]),
    ]
    for grant, swift in [("grant_read_data", ".read"), ("grant_write_data", ".write"), ("grant_read_write_data", ".readWrite")]:
        name = "".join(part.title() for part in grant.split("_")[1:-1])
        cases.append(Case(f"TableGrant{name}", [table(), fn(), stmt(f"table.{grant}(fn)", f"table.grant({swift}, to: fn)")]))
    return cases


# MARK: Kinesis

def stream(options=(), ident="Stream"):
    return call("kinesis.Stream", "Stream", ident, list(options))


def stream_cases():
    return variants("Stream", stream, [
        ("Shards", [("One", o("shard_count", "1", "capacity", ".shards(1)")), ("Two", o("shard_count", "2", "capacity", ".shards(2)"))]),
        ("OnDemand", [("Given", o("stream_mode", "kinesis.StreamMode.ON_DEMAND", "capacity", ".onDemand"))]),
        ("Retention", [("Default", o("retention_period", "Duration.hours(24)", "retention", ".hours(24)")),
                       ("Other", o("retention_period", "Duration.hours(48)", "retention", ".hours(48)"))]),
        ("Name", [("Given", o("stream_name", '"orders"', "streamName", '"orders"'))]),
        ("Encryption", [("Managed", o("encryption", "kinesis.StreamEncryption.MANAGED", "encryption", ".managed")),
                        ("Unencrypted", o("encryption", "kinesis.StreamEncryption.UNENCRYPTED", "encryption", ".unencrypted"))]),
        ("RemovalPolicy", [("Destroy", o("removal_policy", "RemovalPolicy.DESTROY", "removalPolicy", ".destroy"))]),
    ])


# MARK: S3

def bucket(options=(), ident="Bucket"):
    return call("s3.Bucket", "Bucket", ident, list(options))


def bucket_cases():
    cases = variants("Bucket", bucket, [
        ("Name", [("Given", o("bucket_name", '"orders-data"', "bucketName", '"orders-data"'))]),
        ("Encryption", [("S3Managed", o("encryption", "s3.BucketEncryption.S3_MANAGED", "encryption", ".s3Managed")),
                        ("KmsManaged", o("encryption", "s3.BucketEncryption.KMS_MANAGED", "encryption", ".kmsManaged"))]),
        ("BlockPublicAccess", [("All", o("block_public_access", "s3.BlockPublicAccess.BLOCK_ALL", "blockPublicAccess", "true"))]),
        ("EnforceSSL", [("True", o("enforce_ssl", "True", "enforceSSL", "true")), ("False", o("enforce_ssl", "False", "enforceSSL", "false"))]),
        ("Versioned", [("True", o("versioned", "True", "versioned", "true")), ("False", o("versioned", "False", "versioned", "false"))]),
        ("RemovalPolicy", [("Destroy", o("removal_policy", "RemovalPolicy.DESTROY", "removalPolicy", ".destroy"))]),
    ])
    for grant, swift in [("grant_read", ".read"), ("grant_write", ".write"), ("grant_read_write", ".readWrite"),
                         ("grant_put", ".put"), ("grant_delete", ".delete")]:
        name = "".join(part.title() for part in grant.split("_")[1:])
        cases.append(Case(f"BucketGrant{name}", [bucket(), fn(), stmt(f"bucket.{grant}(fn)", f"bucket.grant({swift}, to: fn)")]))
    return cases


# MARK: Lambda

def function_cases():
    cases = variants("Function", lambda options: fn("Fn", options), [
        ("Memory", [("Default", o("memory_size", "128", "memorySize", "128")), ("Other", o("memory_size", "512", "memorySize", "512"))]),
        ("Timeout", [("Default", o("timeout", sec(3)[0], "timeout", sec(3)[1])), ("Other", o("timeout", sec(30)[0], "timeout", sec(30)[1]))]),
        ("Environment", [("Given", o("environment", '{"STAGE": "prod"}', "environment", '["STAGE": "prod"]'))]),
        ("Tracing", [("Active", o("tracing", "lambda_.Tracing.ACTIVE", "tracing", ".active")),
                     ("PassThrough", o("tracing", "lambda_.Tracing.PASS_THROUGH", "tracing", ".passThrough"))]),
        ("Reserved", [("Given", o("reserved_concurrent_executions", "5", "reservedConcurrentExecutions", "5"))]),
        ("Description", [("Given", o("description", '"Handles orders"', "description", '"Handles orders"'))]),
        ("Name", [("Given", o("function_name", '"orders-handler"', "functionName", '"orders-handler"'))]),
        ("Architecture", [("X86", o("architecture", "lambda_.Architecture.X86_64", "architecture", ".x86_64")),
                          ("Arm", o("architecture", "lambda_.Architecture.ARM_64", "architecture", ".arm64"))]),
    ])
    cases += [
        Case("FunctionPython", [call("lambda_.Function", "Function", "Fn", [
            ("runtime", "lambda_.Runtime.PYTHON_3_12", "runtime", ".python312"),
            ("handler", '"index.handler"', "handler", '"index.handler"'),
            ("code", 'lambda_.Code.from_inline("def handler(e, c): return {}")', "code", '.inline("def handler(e, c): return {}")')])]),
        Case("FunctionDeadLetterQueue", [queue("DLQ"), fn("Fn", [o("dead_letter_queue", "dLQ", "deadLetterQueue", "dLQ")])]),
        Case("FunctionSqsSource", [queue(), fn(), stmt("fn.add_event_source(les.SqsEventSource(queue))", "fn.consumes(queue)")]),
        Case("FunctionSqsSourceBatchDefault", [queue(), fn(), stmt("fn.add_event_source(les.SqsEventSource(queue, batch_size=10))", "fn.consumes(queue, batchSize: 10)")]),
        Case("FunctionSqsSourceBatchOther", [queue(), fn(), stmt("fn.add_event_source(les.SqsEventSource(queue, batch_size=5))", "fn.consumes(queue, batchSize: 5)")]),
        Case("FunctionSqsSourceWindow", [queue(), fn(), stmt("fn.add_event_source(les.SqsEventSource(queue, max_batching_window=Duration.minutes(1)))",
                                                                "fn.consumes(queue, maxBatchingWindow: .minutes(1))")]),
        Case("FunctionSqsSourceReportFailures", [queue(), fn(), stmt("fn.add_event_source(les.SqsEventSource(queue, report_batch_item_failures=True))",
                                                                        "fn.consumes(queue, reportBatchItemFailures: true)")]),
        Case("FunctionSqsSourceMaxConcurrency", [queue(), fn(), stmt("fn.add_event_source(les.SqsEventSource(queue, max_concurrency=5))",
                                                                        "fn.consumes(queue, maxConcurrency: 5)")]),
        Case("FunctionSqsSourceDisabled", [queue(), fn(), stmt("fn.add_event_source(les.SqsEventSource(queue, enabled=False))",
                                                                  "fn.consumes(queue, enabled: false)")]),
        Case("FunctionSqsSourceFifo", [queue("Queue", [o("fifo", "True", "fifo", "true")]), fn(),
                                       stmt("fn.add_event_source(les.SqsEventSource(queue))", "fn.consumes(queue)")]),
        Case("FunctionQueueGrantSend", [queue(), fn(), stmt("queue.grant_send_messages(fn)", "queue.grant(.send, to: fn)")]),
        Case("FunctionQueueGrantConsume", [queue(), fn(), stmt("queue.grant_consume_messages(fn)", "queue.grant(.consume, to: fn)")]),
        Case("FunctionQueueGrantPurge", [queue(), fn(), stmt("queue.grant_purge(fn)", "queue.grant(.purge, to: fn)")]),
        Case("FunctionKmsQueueGrantSend", [queue("Queue", [o("encryption", "sqs.QueueEncryption.KMS_MANAGED", "encryption", ".kmsManaged")]), fn(),
                                           stmt("queue.grant_send_messages(fn)", "queue.grant(.send, to: fn)")]),
        Case("FunctionTwoGrants", [queue(), table(), fn(), stmt("queue.grant_send_messages(fn)", "queue.grant(.send, to: fn)"),
                                   stmt("table.grant_read_data(fn)", "table.grant(.read, to: fn)")]),
    ]
    return cases


# MARK: EventBridge

def bus_cases():
    bus = lambda options: call("events.EventBus", "EventBus", "Bus", list(options))
    return variants("EventBus", bus, [
        ("Name", [("Given", o("event_bus_name", '"orders"', "name", '"orders"'))]),
        ("Description", [("Given", o("description", '"Order events"', "description", '"Order events"'))]),
    ])


def rule_cases():
    pattern = o("event_pattern", 'events.EventPattern(source=["orders"])', "pattern", 'EventPattern(source: ["orders"])')
    rule = lambda options, ident="Rule": call("events.Rule", "Rule", ident, list(options))
    cases = variants("Rule", lambda options: rule([pattern] + list(options)), [
        ("Enabled", [("True", o("enabled", "True", "enabled", "true")), ("False", o("enabled", "False", "enabled", "false"))]),
        ("Description", [("Given", o("description", '"Routes orders"', "description", '"Routes orders"'))]),
        ("Name", [("Given", o("rule_name", '"orders-rule"', "ruleName", '"orders-rule"'))]),
    ])
    schedule = o("schedule", "events.Schedule.rate(Duration.minutes(5))", "schedule", ".rate(.minutes(5))")
    target = lambda py, swift: stmt(f"rule.add_target({py})", f"rule.{swift}")
    cases += [
        Case("RuleScheduleRate", [rule([schedule])]),
        Case("RuleScheduleHours", [rule([o("schedule", "events.Schedule.rate(Duration.hours(1))", "schedule", ".rate(.hours(1))")])]),
        Case("RuleScheduleExpression", [rule([o("schedule", 'events.Schedule.expression("cron(0 12 * * ? *)")', "schedule", '.expression("cron(0 12 * * ? *)")')])]),
        Case("RuleOnBus", [call("events.EventBus", "EventBus", "Bus", []), rule([pattern, o("event_bus", "bus", "bus", "bus")])]),
        Case("RuleFunctionTarget", [fn(), rule([pattern]), target("targets.LambdaFunction(fn)", "target(fn)")]),
        Case("RuleFunctionTargetRetry", [fn(), rule([pattern]), target("targets.LambdaFunction(fn, retry_attempts=2, max_event_age=Duration.hours(1))",
                                                                       "target(fn, retryAttempts: 2, maxEventAge: .hours(1))")]),
        Case("RuleFunctionTargetDeadLetter", [fn(), queue("DLQ"), rule([pattern]),
                                              target("targets.LambdaFunction(fn, dead_letter_queue=dLQ)", "target(fn, deadLetterQueue: dLQ)")]),
        Case("RuleQueueTarget", [queue(), rule([pattern]), target("targets.SqsQueue(queue)", "target(queue)")]),
        Case("RuleTopicTarget", [topic(), rule([pattern]), target("targets.SnsTopic(topic)", "target(topic)")]),
        Case("RuleTwoTopicTargets", [topic(), rule([pattern]), rule([pattern], "Other"),
                                     target("targets.SnsTopic(topic)", "target(topic)"),
                                     stmt("other.add_target(targets.SnsTopic(topic))", "other.target(topic)")]),
        Case("RuleBusTarget", [call("events.EventBus", "EventBus", "Bus", []), rule([pattern]), target("targets.EventBus(bus)", "target(bus)")]),
        Case("RuleSeveralTargets", [fn(), queue(), topic(), rule([pattern]),
                                    target("targets.LambdaFunction(fn)", "target(fn)"), target("targets.SqsQueue(queue)", "target(queue)"),
                                    target("targets.SnsTopic(topic)", "target(topic)")]),
    ]
    return cases


# MARK: Logs, KMS, CloudWatch

def log_group_cases():
    group = lambda options: call("logs.LogGroup", "LogGroup", "Group", list(options))
    return variants("LogGroup", group, [
        ("Name", [("Given", o("log_group_name", '"/orders/app"', "logGroupName", '"/orders/app"'))]),
        ("Retention", [("Default", o("retention", "logs.RetentionDays.TWO_YEARS", "retention", ".twoYears")),
                       ("OneWeek", o("retention", "logs.RetentionDays.ONE_WEEK", "retention", ".oneWeek")),
                       ("Infinite", o("retention", "logs.RetentionDays.INFINITE", "retention", "nil"))]),
        ("RemovalPolicy", [("Destroy", o("removal_policy", "RemovalPolicy.DESTROY", "removalPolicy", ".destroy"))]),
    ])


def key_cases():
    key = lambda options: call("kms.Key", "Key", "Key", list(options))
    return variants("Key", key, [
        ("Description", [("Given", o("description", '"Orders data"', "description", '"Orders data"'))]),
        ("Rotation", [("True", o("enable_key_rotation", "True", "enableKeyRotation", "true")),
                      ("False", o("enable_key_rotation", "False", "enableKeyRotation", "false"))]),
        ("RemovalPolicy", [("Destroy", o("removal_policy", "RemovalPolicy.DESTROY", "removalPolicy", ".destroy"))]),
    ])


def alarm_cases():
    metric = o("metric", "queue.metric_approximate_number_of_messages_visible()", "metric", "queue.metric(.approximateNumberOfMessagesVisible)")
    base = [metric, o("threshold", "1", "threshold", "1"), o("evaluation_periods", "1", "evaluationPeriods", "1")]
    alarm = lambda options: [queue(), call("cloudwatch.Alarm", "Alarm", "Alarm", base + list(options))]
    cases = [Case("AlarmPlain", alarm([]))]
    for name, option in [
        ("DatapointsToAlarm", o("datapoints_to_alarm", "1", "datapointsToAlarm", "1")),
        ("ComparisonGreater", o("comparison_operator", "cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD", "comparison", ".greaterThanThreshold")),
        ("ComparisonDefault", o("comparison_operator", "cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD", "comparison", ".greaterThanOrEqualToThreshold")),
        ("MissingDataNotBreaching", o("treat_missing_data", "cloudwatch.TreatMissingData.NOT_BREACHING", "missingData", ".notBreaching")),
        ("MissingDataDefault", o("treat_missing_data", "cloudwatch.TreatMissingData.MISSING", "missingData", ".missing")),
        ("Description", o("alarm_description", '"Too many messages"', "description", '"Too many messages"')),
        ("Name", o("alarm_name", '"orders-backlog"', "alarmName", '"orders-backlog"')),
    ]:
        cases.append(Case(f"Alarm{name}", alarm([option])))
    return cases


def all_groups():
    """The cases by group: each group becomes one Swift file of the test target."""
    return {"Queue": queue_cases(), "Topic": topic_cases(), "Table": table_cases(), "Stream": stream_cases(),
            "Bucket": bucket_cases(), "Function": function_cases(), "EventBus": bus_cases(), "Rule": rule_cases(),
            "LogGroup": log_group_cases(), "Key": key_cases(), "Alarm": alarm_cases()}
