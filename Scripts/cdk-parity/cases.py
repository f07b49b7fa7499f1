"""The differential cases: one description per stack, rendered both as a CDK app (Python) and as Formwork
code (Swift) by generate.py.

A case is a stack name and a list of statements; a statement is a pair (Python, Swift) of source lines,
written with the helpers below so that each option of each construct appears at least once absent, once
set to CloudFormation's or CDK's default, and once set to another value, plus combinations that interact.
"""

import swift_signatures

INLINE = "exports.handler = async () => ({});"


class Case:
    """One case: the stack `name` with `statements`, after the stacks of `before` (name suffix → statements),
    which it may reference across stacks; every stack in `region` when given."""

    def __init__(self, name, statements, before=None, region=None):
        self.name = name
        self.statements = statements
        self.region = region
        self.stacks = [(f"{name}{suffix}", body) for suffix, body in (before or {}).items()] + [(name, statements)]


def call(py_ctor, swift_ctor, ident, options, var=None):
    """A construct: `options` are (python_kwarg, python_value, swift_label, swift_value) tuples."""
    py_args = ", ".join([f'"{ident}"'] + [f"{k}={v}" for k, v, _, _ in options if k is not None])
    given = {option[2]: option for option in options if option[2] is not None}
    swift_options = [given[label] for label in swift_signatures.order(swift_ctor, list(given))]
    swift_args = ", ".join([f'"{ident}"'] + [f"{l}: {v}" for _, _, l, v in swift_options])
    var = var or ident[0].lower() + ident[1:]
    return (f"{var} = {py_ctor}(s, {py_args})", f"let {var} = {swift_ctor}({swift_args})", var)


def stmt(py, swift):
    return (py, swift, None)


def asset_code(name):
    """`code` from the folder Tests/FormworkParityTests/Fixtures/assets/<name> (an absolute path on both sides)."""
    return o("code", f'lambda_.Code.from_asset(asset("{name}"))', "code", f'.asset(ParityFixtures.assetFolder("{name}"))')


def asset_fn(ident, folder, options=()):
    """A Node.js function whose code is the asset folder `folder`."""
    base = [("runtime", "lambda_.Runtime.NODEJS_22_X", "runtime", ".nodejs22"),
            ("handler", '"index.handler"', "handler", '"index.handler"'), asset_code(folder)]
    return call("lambda_.Function", "Function", ident, base + list(options))


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
        # A queue with its own key: CDK also lets SNS use the key (a key policy statement), restricted to the topic
        # (aws:SourceArn) by @aws-cdk/aws-sns-subscriptions:restrictSqsDescryption.
        Case("TopicSqsSubscriptionKmsQueue", [call("kms.Key", "Key", "Key", []), queue("Queue", [o("encryption", "sqs.QueueEncryption.KMS", "encryption", ".kms(key)"), o("encryption_master_key", "key", None, None)]), topic(),
                                              stmt("topic.add_subscription(subs.SqsSubscription(queue))", "topic.subscribe(queue)")]),
        Case("TopicSqsSubscriptionRaw", [topic(), queue(), stmt("topic.add_subscription(subs.SqsSubscription(queue, raw_message_delivery=True))",
                                                                "topic.subscribe(queue, rawMessageDelivery: true)")]),
        Case("TopicSqsSubscriptionTwoQueues", [topic(), queue("A"), queue("B"),
                                               stmt("topic.add_subscription(subs.SqsSubscription(a))", "topic.subscribe(a)"),
                                               stmt("topic.add_subscription(subs.SqsSubscription(b))", "topic.subscribe(b)")]),
        Case("TopicFifoSqsSubscription", [topic((fifo,)), queue("Queue", (fifo,)),
                                          stmt("topic.add_subscription(subs.SqsSubscription(queue))", "topic.subscribe(queue)")]),
        Case("TopicLambdaSubscription", [topic(), fn(), stmt("topic.add_subscription(subs.LambdaSubscription(fn))", "topic.subscribe(fn)")]),
        Case("TopicSqsSubscriptionDeadLetter", [topic(), queue(), queue("DLQ"),
                                                stmt("topic.add_subscription(subs.SqsSubscription(queue, dead_letter_queue=dLQ))",
                                                     "topic.subscribe(queue, deadLetterQueue: dLQ)")]),
        Case("TopicFilterString", [topic(), queue(), stmt(
            'topic.add_subscription(subs.SqsSubscription(queue, filter_policy={"color": sns.SubscriptionFilter.string_filter(allowlist=["red", "green"], match_prefixes=["bl"], match_suffixes=["ish"])}))',
            'topic.subscribe(queue, filterPolicy: .attributes(["color": .string(allowlist: ["red", "green"], matchPrefixes: ["bl"], matchSuffixes: ["ish"])]))')]),
        Case("TopicFilterDenylist", [topic(), queue(), stmt(
            'topic.add_subscription(subs.SqsSubscription(queue, filter_policy={"color": sns.SubscriptionFilter.string_filter(denylist=["red"])}))',
            'topic.subscribe(queue, filterPolicy: .attributes(["color": .string(denylist: ["red"])]))')]),
        Case("TopicFilterNumeric", [topic(), queue(), stmt(
            'topic.add_subscription(subs.SqsSubscription(queue, filter_policy={"size": sns.SubscriptionFilter.numeric_filter(allowlist=[1, 2.5], greater_than=10, less_than_or_equal_to=100, between=sns.BetweenCondition(start=3, stop=5), between_strict=sns.BetweenCondition(start=6, stop=8))}))',
            'topic.subscribe(queue, filterPolicy: .attributes(["size": .numeric(allowlist: [1, 2.5], greaterThan: 10, lessThanOrEqualTo: 100, between: 3...5, betweenStrict: (6, 8))]))')]),
        Case("TopicFilterExists", [topic(), queue(), stmt(
            'topic.add_subscription(subs.SqsSubscription(queue, filter_policy={"store": sns.SubscriptionFilter.exists_filter(), "test": sns.SubscriptionFilter.not_exists_filter()}))',
            'topic.subscribe(queue, filterPolicy: .attributes(["store": .exists, "test": .notExists]))')]),
        Case("TopicFilterMessageBody", [topic(), queue(), stmt(
            'topic.add_subscription(subs.SqsSubscription(queue, filter_policy_with_message_body={"color": sns.FilterOrPolicy.filter(sns.SubscriptionFilter.string_filter(allowlist=["red"])), "order": sns.FilterOrPolicy.policy({"total": sns.FilterOrPolicy.filter(sns.SubscriptionFilter.numeric_filter(greater_than=100))})}))',
            'topic.subscribe(queue, filterPolicy: .messageBody(["color": .filter(.string(allowlist: ["red"])), "order": .policy(["total": .filter(.numeric(greaterThan: 100))])]))')]),
        Case("TopicLambdaFilter", [topic(), fn(), stmt(
            'topic.add_subscription(subs.LambdaSubscription(fn, filter_policy={"color": sns.SubscriptionFilter.string_filter(allowlist=["red"])}))',
            'topic.subscribe(fn, filterPolicy: .attributes(["color": .string(allowlist: ["red"])]))')]),
        Case("TopicLambdaSubscriptionDeadLetter", [topic(), fn(), queue("DLQ"),
                                                   stmt("topic.add_subscription(subs.LambdaSubscription(fn, dead_letter_queue=dLQ))",
                                                        "topic.subscribe(fn, deadLetterQueue: dLQ)")]),
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
        ("EventBridgeEnabled", [("True", o("event_bridge_enabled", "True", "eventBridgeEnabled", "true"))]),
    ])
    # Notifications: CDK's Custom::S3BucketNotifications and its singleton handler at CDK's logical IDs (Formwork's own
    # handler code, exempt as ParityCheck.ownHandlers says), never deleted by a migration (ARCHITECTURE.md, "S3 notifications").
    def notify(event, swift_event, destination, swift_destination, filters="", swift_filters=""):
        py_filter = f", s3.NotificationKeyFilter({filters})" if filters else ""
        return stmt(f"bucket.add_event_notification(s3.EventType.{event}, s3n.{destination}{py_filter})",
                    f"bucket.notify({swift_destination}, on: .{swift_event}{swift_filters})")
    on_created = notify("OBJECT_CREATED", "objectCreated", "LambdaDestination(fn)", "fn")
    cases += [
        Case("BucketNotifyFunction", [bucket(), fn(), on_created]),
        Case("BucketNotifyFunctionFiltered", [bucket(), fn(), notify("OBJECT_CREATED", "objectCreated", "LambdaDestination(fn)", "fn",
                                                                     'prefix="uploads/", suffix=".csv"', ', prefix: "uploads/", suffix: ".csv"')]),
        Case("BucketNotifyFunctionPrefix", [bucket(), fn(), notify("OBJECT_CREATED", "objectCreated", "LambdaDestination(fn)", "fn",
                                                                   'prefix="uploads/"', ', prefix: "uploads/"')]),
        Case("BucketNotifyFunctionTwoEvents", [bucket(), fn(), on_created,
                                               notify("OBJECT_REMOVED", "objectDeleted", "LambdaDestination(fn)", "fn", 'suffix=".csv"', ', suffix: ".csv"')]),
        Case("BucketNotifyQueue", [bucket(), queue(), notify("OBJECT_REMOVED", "objectDeleted", "SqsDestination(queue)", "queue")]),
        Case("BucketNotifyTopic", [bucket(), topic(), notify("OBJECT_RESTORE_COMPLETED", "objectRestoreCompleted", "SnsDestination(topic)", "topic")]),
        Case("BucketNotifyAll", [bucket(), fn(), queue(), topic(), on_created,
                                 notify("OBJECT_REMOVED", "objectDeleted", "SqsDestination(queue)", "queue"),
                                 notify("OBJECT_CREATED", "objectCreated", "SnsDestination(topic)", "topic", 'suffix=".json"', ', suffix: ".json"')]),
        Case("BucketEnforceSSLNotifyFunction", [bucket([o("enforce_ssl", "True", "enforceSSL", "true")]), fn(), on_created]),
        Case("BucketEventBridgeEnabledNotifyFunction", [bucket([o("event_bridge_enabled", "True", "eventBridgeEnabled", "true")]), fn(), on_created]),
        Case("BucketsShareTheNotificationsHandler", [bucket(), bucket(ident="Other", options=[o("event_bridge_enabled", "True", "eventBridgeEnabled", "true")]),
                                                     fn(), on_created]),
    ]
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
        Case("FunctionDeadLetterQueueTraced", [queue("DLQ"), fn("Fn", [o("dead_letter_queue", "dLQ", "deadLetterQueue", "dLQ"),
                                                                      o("tracing", "lambda_.Tracing.ACTIVE", "tracing", ".active")])]),
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
        # logRetention: CDK's Custom::LogRetention and its provider, one per stack (Formwork's own handler code).
        Case("FunctionLogRetention", [fn("Fn", [o("log_retention", "logs.RetentionDays.ONE_WEEK", "logRetention", ".oneWeek")])]),
        Case("FunctionLogRetentionTwo", [fn("Fn", [o("log_retention", "logs.RetentionDays.ONE_WEEK", "logRetention", ".oneWeek")]),
                                         fn("Other", [o("log_retention", "logs.RetentionDays.ONE_MONTH", "logRetention", ".oneMonth")])]),
        Case("FunctionLogRetentionNamed", [fn("Fn", [o("function_name", '"orders-handler"', "functionName", '"orders-handler"'),
                                                     o("log_retention", "logs.RetentionDays.ONE_YEAR", "logRetention", ".oneYear")])]),
        # A folder asset: CDK's `aws:asset:*` metadata names the function's `Code` (the app runs with asset metadata on, as `cdk synth`).
        Case("FunctionAssetCode", [asset_fn("Fn", "handler")]),
        Case("FunctionsShareAnAsset", [asset_fn("Fn", "handler"), asset_fn("Second", "handler", [o("memory_size", "512", "memorySize", "512")])]),
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
        # A queue with its own key: no aws:SourceArn condition, EventBridge may use the key; both restricted to the
        # rule's account (aws:SourceAccount) by @aws-cdk/aws-events:eventsTargetQueueSameAccount.
        Case("RuleQueueTargetKmsQueue", [call("kms.Key", "Key", "Key", []), queue("Queue", [o("encryption", "sqs.QueueEncryption.KMS", "encryption", ".kms(key)"), o("encryption_master_key", "key", None, None)]), rule([pattern]),
                                         target("targets.SqsQueue(queue)", "target(queue)")]),
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


# MARK: Step Functions

def construct(py, swift, var):
    """A construct written out by hand on both sides (builders, chains)."""
    return (py, swift, var)


def machine(py_chain, swift_chain, py_options="", swift_options=""):
    return construct(f"machine = sfn.StateMachine(s, \"Machine\", definition_body=sfn.DefinitionBody.from_chainable({py_chain}){py_options})",
                     f"let machine = StateMachine(\"Machine\", definition: {swift_chain}{swift_options})", "machine")


def state_machine_cases():
    done = ('sfn.Succeed(s, "Done")', 'State.succeed("Done")')
    pass_then_done = (f'sfn.Pass(s, "Start").next({done[0]})', f'Chain(State.pass("Start")).next({done[1]})')
    cases = [
        Case("MachinePass", [machine(*pass_then_done)]),
        Case("MachinePassResult", [machine('sfn.Pass(s, "Start", result=sfn.Result.from_object({"ok": True}), result_path="$.r")',
                                           'Chain(State.pass("Start", result: ["ok": true], resultPath: "$.r"))')]),
        Case("MachineFail", [machine('sfn.Fail(s, "Failed", error="Bad", cause="Broken")', 'Chain(State.fail("Failed", error: "Bad", cause: "Broken"))')]),
        Case("MachineComment", [machine('sfn.Pass(s, "Start", comment="First")', 'Chain(State.pass("Start", comment: "First"))')]),
    ]
    for name, py_time, swift_time in [
        ("Seconds", "sfn.WaitTime.duration(Duration.seconds(10))", ".seconds(10)"),
        ("Minutes", "sfn.WaitTime.duration(Duration.minutes(5))", ".duration(.minutes(5))"),
        ("SecondsPath", 'sfn.WaitTime.seconds_path("$.delay")', '.secondsPath("$.delay")'),
        ("Timestamp", 'sfn.WaitTime.timestamp("2026-01-01T00:00:00Z")', '.timestamp("2026-01-01T00:00:00Z")'),
        ("TimestampPath", 'sfn.WaitTime.timestamp_path("$.when")', '.timestampPath("$.when")'),
    ]:
        cases.append(Case(f"MachineWait{name}", [machine(f'sfn.Wait(s, "Pause", time={py_time}).next({done[0]})',
                                                         f'Chain(State.wait("Pause", {swift_time})).next({done[1]})')]))
    choice_py = ('sfn.Choice(s, "Route").when(sfn.Condition.string_equals("$.kind", "a"), sfn.Pass(s, "A"))'
                 '.when(sfn.Condition.number_greater_than("$.n", 3), sfn.Pass(s, "Big"))')
    choice_swift = ('State.choice("Route", [ChoiceCase(.stringEquals("$.kind", "a"), State.pass("A")), '
                    'ChoiceCase(.numberGreaterThan("$.n", 3), State.pass("Big"))]')
    cases += [
        Case("MachineChoice", [machine(choice_py, f"Chain({choice_swift}))")]),
        Case("MachineChoiceOtherwise", [machine(f'{choice_py}.otherwise(sfn.Fail(s, "Unknown"))',
                                                f'Chain({choice_swift}, otherwise: Chain(State.fail("Unknown"))))')]),
        Case("MachineChoiceBoolean", [machine('sfn.Choice(s, "Check").when(sfn.Condition.boolean_equals("$.ok", True), sfn.Succeed(s, "Yes")).otherwise(sfn.Fail(s, "No"))',
                                              'Chain(State.choice("Check", [ChoiceCase(.booleanEquals("$.ok", true), State.succeed("Yes"))], otherwise: Chain(State.fail("No"))))')]),
        Case("MachineParallel", [machine(f'sfn.Parallel(s, "Both").branch(sfn.Pass(s, "A")).branch(sfn.Pass(s, "B")).next({done[0]})',
                                         f'Chain(State.parallel("Both", branches: [Chain(State.pass("A")), Chain(State.pass("B"))])).next({done[1]})')]),
        Case("MachineParallelResultPath", [machine('sfn.Parallel(s, "Both", result_path="$.both").branch(sfn.Pass(s, "A")).branch(sfn.Pass(s, "B"))',
                                                   'Chain(State.parallel("Both", branches: [Chain(State.pass("A")), Chain(State.pass("B"))], resultPath: "$.both"))')]),
        Case("MachineMap", [machine('sfn.Map(s, "Each", items_path="$.items", max_concurrency=2).item_processor(sfn.Pass(s, "Handle"))',
                                    'Chain(State.map("Each", itemsPath: "$.items", maxConcurrency: 2, processor: Chain(State.pass("Handle"))))')]),
        Case("MachineMapItemSelector", [machine('sfn.Map(s, "Each", items_path="$.items", item_selector={"id": sfn.JsonPath.string_at("$$.Map.Item.Value.id"), "source": "shop"}).item_processor(sfn.Pass(s, "Handle"))',
                                                'Chain(State.map("Each", itemsPath: "$.items", itemSelector: ["id.$": "$$.Map.Item.Value.id", "source": "shop"], processor: Chain(State.pass("Handle"))))')]),
        Case("MachineMapThenDone", [machine(f'sfn.Map(s, "Each", items_path="$.items").item_processor(sfn.Pass(s, "Handle")).next({done[0]})',
                                            f'Chain(State.map("Each", itemsPath: "$.items", processor: Chain(State.pass("Handle")))).next({done[1]})')]),
        Case("MachineParallelWithChoice", [machine(f'sfn.Parallel(s, "Both").branch({choice_py}.otherwise(sfn.Pass(s, "Other"))).branch(sfn.Pass(s, "B"))',
                                                   f'Chain(State.parallel("Both", branches: [Chain({choice_swift}, otherwise: Chain(State.pass("Other")))), Chain(State.pass("B"))]))')]),
        Case("MachineMapWithParallel", [machine('sfn.Map(s, "Each", items_path="$.items").item_processor(sfn.Parallel(s, "Both").branch(sfn.Pass(s, "A")).branch(sfn.Pass(s, "B")))',
                                                'Chain(State.map("Each", itemsPath: "$.items", processor: Chain(State.parallel("Both", branches: [Chain(State.pass("A")), Chain(State.pass("B"))]))))')]),
        Case("MachineLambdaInvoke", [fn(), machine('tasks.LambdaInvoke(s, "Invoke", lambda_function=fn)', 'Chain(State.lambdaInvoke("Invoke", function: fn))')]),
        Case("MachineLambdaInvokeOutputPath", [fn(), machine('tasks.LambdaInvoke(s, "Invoke", lambda_function=fn, output_path="$.Payload")',
                                                             'Chain(State.lambdaInvoke("Invoke", function: fn, outputPath: "$.Payload"))')]),
        Case("MachineLambdaInvokeNoRetry", [fn(), machine('tasks.LambdaInvoke(s, "Invoke", lambda_function=fn, retry_on_service_exceptions=False)',
                                                          'Chain(State.lambdaInvoke("Invoke", function: fn, retryOnServiceExceptions: false))')]),
        Case("MachineLambdaCatch", [fn(), machine('tasks.LambdaInvoke(s, "Invoke", lambda_function=fn).add_catch(sfn.Fail(s, "Failed"), result_path="$.error")',
                                                  'Chain(State.lambdaInvoke("Invoke", function: fn).catching(State.fail("Failed"), resultPath: "$.error"))')]),
        Case("MachineLambdaRetry", [fn(), machine('tasks.LambdaInvoke(s, "Invoke", lambda_function=fn, retry_on_service_exceptions=False).add_retry(errors=["States.Timeout"], interval=Duration.seconds(5), max_attempts=4, backoff_rate=3)',
                                                  'Chain(State.lambdaInvoke("Invoke", function: fn, retryOnServiceExceptions: false).retrying(.init(errors: ["States.Timeout"], interval: .seconds(5), maxAttempts: 4, backoffRate: 3)))')]),
        Case("MachineTwoLambdas", [fn("First"), fn("Second"), machine('tasks.LambdaInvoke(s, "One", lambda_function=first).next(tasks.LambdaInvoke(s, "Two", lambda_function=second))',
                                                                      'Chain(State.lambdaInvoke("One", function: first)).next(State.lambdaInvoke("Two", function: second))')]),
        Case("MachineSqsSend", [queue(), machine('tasks.SqsSendMessage(s, "Send", queue=queue, message_body=sfn.TaskInput.from_text("hello"))',
                                                 'Chain(State.sqsSendMessage("Send", queue: queue, messageBody: "hello"))')]),
        Case("MachineSnsPublish", [topic(), machine('tasks.SnsPublish(s, "Publish", topic=topic, message=sfn.TaskInput.from_text("hello"))',
                                                    'Chain(State.snsPublish("Publish", topic: topic, message: "hello"))')]),
        Case("MachineLambdaInvokePayloadResponseOnly", [fn(), machine('tasks.LambdaInvoke(s, "Invoke", lambda_function=fn, payload_response_only=True)',
                                                                      'Chain(State.lambdaInvoke("Invoke", function: fn, payloadResponseOnly: true))')]),
        Case("MachineLambdaInvokeResponseOnlyObject", [fn(), machine('tasks.LambdaInvoke(s, "Invoke", lambda_function=fn, payload_response_only=True, payload=sfn.TaskInput.from_object({"id": sfn.JsonPath.string_at("$.id")}))',
                                                                     'Chain(State.lambdaInvoke("Invoke", function: fn, payload: ["id.$": "$.id"], payloadResponseOnly: true))')]),
        Case("MachineLambdaInvokePayloadPath", [fn(), machine('tasks.LambdaInvoke(s, "Invoke", lambda_function=fn, payload=sfn.TaskInput.from_json_path_at("$.order"))',
                                                              'Chain(State.lambdaInvoke("Invoke", function: fn, payload: .jsonPath("$.order")))')]),
        Case("MachineLambdaInvokePayloadObject", [fn(), machine('tasks.LambdaInvoke(s, "Invoke", lambda_function=fn, payload=sfn.TaskInput.from_object({"id": sfn.JsonPath.string_at("$.id"), "kind": "order"}))',
                                                                'Chain(State.lambdaInvoke("Invoke", function: fn, payload: ["id.$": "$.id", "kind": "order"]))')]),
        Case("MachineLambdaResultDiscarded", [fn(), machine('tasks.LambdaInvoke(s, "Invoke", lambda_function=fn, result_path=sfn.JsonPath.DISCARD)',
                                                            'Chain(State.lambdaInvoke("Invoke", function: fn, resultPath: State.discardResult))')]),
        Case("MachineLambdaCatchDiscarded", [fn(), machine('tasks.LambdaInvoke(s, "Invoke", lambda_function=fn).add_catch(sfn.Fail(s, "Failed"), result_path=sfn.JsonPath.DISCARD)',
                                                           'Chain(State.lambdaInvoke("Invoke", function: fn).catching(State.fail("Failed"), resultPath: State.discardResult))')]),
        Case("MachineSqsSendPath", [queue(), machine('tasks.SqsSendMessage(s, "Send", queue=queue, message_body=sfn.TaskInput.from_json_path_at("$.body"))',
                                                     'Chain(State.sqsSendMessage("Send", queue: queue, messageBody: .jsonPath("$.body")))')]),
        Case("MachineSnsPublishPath", [topic(), machine('tasks.SnsPublish(s, "Publish", topic=topic, message=sfn.TaskInput.from_json_path_at("$.detail"))',
                                                        'Chain(State.snsPublish("Publish", topic: topic, message: .jsonPath("$.detail")))')]),
        Case("MachineSnsPublishSubject", [topic(), machine('tasks.SnsPublish(s, "Publish", topic=topic, message=sfn.TaskInput.from_text("hello"), subject="Order shipped")',
                                                           'Chain(State.snsPublish("Publish", topic: topic, message: "hello", subject: "Order shipped"))')]),
        Case("MachineDynamoGet", [table(), machine('tasks.DynamoGetItem(s, "Get", table=table, key={"pk": tasks.DynamoAttributeValue.from_string("a")})',
                                                   'Chain(State.dynamoGetItem("Get", table: table, key: ["pk": ["S": "a"]]))')]),
        Case("MachineDynamoPut", [table(), machine('tasks.DynamoPutItem(s, "Put", table=table, item={"pk": tasks.DynamoAttributeValue.from_string("a")})',
                                                   'Chain(State.dynamoPutItem("Put", table: table, item: ["pk": ["S": "a"]]))')]),
        Case("MachineDynamoUpdate", [table(), machine('tasks.DynamoUpdateItem(s, "Update", table=table, key={"pk": tasks.DynamoAttributeValue.from_string("a")}, update_expression="SET done = :d", expression_attribute_values={":d": tasks.DynamoAttributeValue.from_boolean(True)})',
                                                      'Chain(State.dynamoUpdateItem("Update", table: table, key: ["pk": ["S": "a"]], updateExpression: "SET done = :d", expressionAttributeValues: [":d": ["BOOL": true]]))')]),
        Case("MachinePutEvents", [call("events.EventBus", "EventBus", "Bus", []),
                                  machine('tasks.EventBridgePutEvents(s, "Emit", entries=[tasks.EventBridgePutEventsEntry(detail=sfn.TaskInput.from_object({"a": 1}), detail_type="Placed", source="orders", event_bus=bus)])',
                                          'Chain(State.eventBridgePutEvents("Emit", bus: bus, entries: [["Detail": ["a": 1], "DetailType": "Placed", "Source": "orders"]]))')]),
        Case("MachineStartExecutionSync", [construct('child = sfn.StateMachine(s, "Child", definition_body=sfn.DefinitionBody.from_chainable(sfn.Pass(s, "Inner")))',
                                                     'let child = StateMachine("Child", definition: Chain(State.pass("Inner")))', "child"),
                                           machine('tasks.StepFunctionsStartExecution(s, "Start", state_machine=child, integration_pattern=sfn.IntegrationPattern.RUN_JOB)',
                                                   'Chain(State.startExecution("Start", stateMachine: child))')]),
        Case("MachineStartExecutionAsync", [construct('child = sfn.StateMachine(s, "Child", definition_body=sfn.DefinitionBody.from_chainable(sfn.Pass(s, "Inner")))',
                                                      'let child = StateMachine("Child", definition: Chain(State.pass("Inner")))', "child"),
                                            machine('tasks.StepFunctionsStartExecution(s, "Start", state_machine=child)',
                                                    'Chain(State.startExecution("Start", stateMachine: child, waitForCompletion: false))')]),
        Case("MachineName", [machine(*pass_then_done, ', state_machine_name="orders"', ', stateMachineName: "orders"')]),
        Case("MachineTimeout", [machine(*pass_then_done, ", timeout=Duration.minutes(5)", ", timeout: .minutes(5)")]),
        Case("MachineExpress", [machine(*pass_then_done, ", state_machine_type=sfn.StateMachineType.EXPRESS", ", type: .express")]),
        Case("MachineStandard", [machine(*pass_then_done, ", state_machine_type=sfn.StateMachineType.STANDARD", ", type: .standard")]),
        Case("MachineTracing", [machine(*pass_then_done, ", tracing_enabled=True", ", tracing: true")]),
        Case("MachineComment2", [machine(*pass_then_done, ', comment="Orders"', ', comment: "Orders"')]),
        Case("MachineRuleTarget", [machine(*pass_then_done), call("events.Rule", "Rule", "Rule", [o("event_pattern", 'events.EventPattern(source=["orders"])', "pattern", 'EventPattern(source: ["orders"])')]),
                                   stmt("rule.add_target(targets.SfnStateMachine(machine))", "rule.target(machine)")]),
        Case("MachineGrantStart", [machine(*pass_then_done), fn(), stmt("machine.grant_start_execution(fn)", "machine.grantStartExecution(to: fn)")]),
    ]
    return cases + machine_statement_order_cases()


def machine_statement_order_cases():
    """The order of the role's statements with several tasks: CDK registers a state's own statements when it is
    reached, then those of what follows it and of its catch handlers and choices, and a parallel's branches' or a
    map's item processor's only after all that; under minimizePolicies the merged statements keep that order.
    The Swift states are named with `let`s first (continuation lines indented as the generated code's), to keep
    each expression small for the type checker."""
    key_py = '{"pk": tasks.DynamoAttributeValue.from_string("a")}'
    states = {
        "one": ('tasks.LambdaInvoke(s, "One", lambda_function=first)', 'State.lambdaInvoke("One", function: first)'),
        "two": ('tasks.LambdaInvoke(s, "Two", lambda_function=second)', 'State.lambdaInvoke("Two", function: second)'),
        "send": ('tasks.SqsSendMessage(s, "Send", queue=queue, message_body=sfn.TaskInput.from_text("x"))', 'State.sqsSendMessage("Send", queue: queue, messageBody: "x")'),
        "alert": ('tasks.SnsPublish(s, "Alert", topic=topic, message=sfn.TaskInput.from_text("failed"))', 'State.snsPublish("Alert", topic: topic, message: "failed")'),
        "put": (f'tasks.DynamoPutItem(s, "Put", table=table, item={key_py})', 'State.dynamoPutItem("Put", table: table, item: key)'),
        "get": (f'tasks.DynamoGetItem(s, "Get", table=table, key={key_py})', 'State.dynamoGetItem("Get", table: table, key: key)'),
        "mark": (f'tasks.DynamoUpdateItem(s, "Mark", table=table, key={key_py}, update_expression="SET done = :d", expression_attribute_values={{":d": tasks.DynamoAttributeValue.from_boolean(True)}})',
                 'State.dynamoUpdateItem("Mark", table: table, key: key, updateExpression: "SET done = :d", expressionAttributeValues: [":d": ["BOOL": true]])'),
    }
    everything = [fn("First"), fn("Second"), queue(), topic(), table()]

    def ordered(used, py_chain, swift_lets, swift_chain):
        """The machine: the Python states built inline (each once: `{name}` in `py_chain`), the Swift ones as `let`s."""
        py = py_chain.format(**{name: states[name][0] for name in used})
        swift = ['let key: Value = ["pk": ["S": "a"]]'] + [f"let {name} = {states[name][1]}" for name in used] + swift_lets
        return construct(f'machine = sfn.StateMachine(s, "Machine", definition_body=sfn.DefinitionBody.from_chainable({py}))',
                         "\n        ".join(swift + [f'let machine = StateMachine("Machine", definition: {swift_chain})']), "machine")
    return [
        # A parallel (branches: a function, a queue) caught by a topic, then a map (item processor: a table), then
        # the second function: the second function, the table, the topic, then the branches' function and queue.
        Case("MachineOrderParallelMap", everything + [ordered(
            ["one", "send", "alert", "put", "two"],
            'sfn.Parallel(s, "Both").branch({one}).branch({send}).add_catch({alert}).next(sfn.Map(s, "Each", items_path="$.items").item_processor({put})).next({two})',
            ['let both = State.parallel("Both", branches: [Chain(one), Chain(send)]).catching(alert)',
             'let each = State.map("Each", itemsPath: "$.items", processor: Chain(put))'],
            "both.next(each).next(two)")]),
        # A choice: its otherwise branch (a put caught by the topic) first, then its cases: a function retried and
        # caught by the same topic, then a parallel whose branches (a get; a map sending to the queue) come after
        # the state that follows it.
        Case("MachineOrderChoice", everything + [construct(
            'alert = ' + states["alert"][0] + '; machine = sfn.StateMachine(s, "Machine", definition_body=sfn.DefinitionBody.from_chainable('
            f'sfn.Choice(s, "Route").when(sfn.Condition.string_equals("$.kind", "a"), {states["one"][0]}.add_retry(errors=["States.Timeout"], max_attempts=2).add_catch(alert).next({states["mark"][0]}))'
            f'.when(sfn.Condition.number_greater_than("$.n", 3), sfn.Parallel(s, "Fan").branch({states["get"][0]}).branch(sfn.Map(s, "Each").item_processor({states["send"][0]})).next({states["two"][0]}))'
            f'.otherwise({states["put"][0]}.add_catch(alert))))',
            "\n        ".join(['let key: Value = ["pk": ["S": "a"]]'] + [f"let {name} = {states[name][1]}" for name in ["one", "two", "send", "alert", "put", "get", "mark"]] + [
                'let retried = one.retrying(.init(errors: ["States.Timeout"], maxAttempts: 2)).catching(alert)',
                'let fan = State.parallel("Fan", branches: [Chain(get), Chain(State.map("Each", processor: Chain(send)))])',
                'let cases = [ChoiceCase(.stringEquals("$.kind", "a"), retried.next(mark)), ChoiceCase(.numberGreaterThan("$.n", 3), fan.next(two))]',
                'let machine = StateMachine("Machine", definition: State.choice("Route", cases, otherwise: Chain(put.catching(alert))))']), "machine")]),
        # A map whose item processor is a parallel then a get, caught by a put, then the queue and the second
        # function: the map's next states and catch first, then its processor (the get, then the parallel's branches).
        Case("MachineOrderNested", everything + [ordered(
            ["one", "alert", "get", "put", "send", "two"],
            'sfn.Map(s, "Outer", items_path="$.items").item_processor(sfn.Parallel(s, "Inner").branch({one}).branch({alert}).next({get})).add_catch({put}, result_path="$.error").next({send}).next({two})',
            ['let inner = State.parallel("Inner", branches: [Chain(one), Chain(alert)])',
             'let outer = State.map("Outer", itemsPath: "$.items", processor: inner.next(get)).catching(put, resultPath: "$.error")'],
            "outer.next(send).next(two)")]),
        # Two tasks on the same function around a map: one statement, where the first task put it.
        Case("MachineOrderSameFunction", [fn("First"), table(), ordered(
            ["one", "get"],
            '{one}.next(sfn.Map(s, "Each").item_processor({get})).next(tasks.LambdaInvoke(s, "Again", lambda_function=first))',
            [], 'one.next(State.map("Each", processor: Chain(get))).next(State.lambdaInvoke("Again", function: first))')]),
    ]


# MARK: API Gateway

def rest_api(routes, py_options="", swift_options="", functions=("Fn",), py_setup=()):
    """An API with `routes`: (method, path, function variable, python method options, swift route options);
    `py_setup` runs after the API is made, before its resources (models, validators)."""
    py = [f'api = apigw.RestApi(s, "Api"{py_options})'] + list(py_setup)
    resources = {}
    for method, path, function, py_method, _ in routes:
        parent = "api.root"
        built = ""
        for segment in [x for x in path.split("/") if x]:
            built += "/" + segment
            if built not in resources:
                var = "r" + str(len(resources))
                py.append(f'{var} = {parent}.add_resource("{segment}")')
                resources[built] = var
            parent = resources[built]
        py.append(f'{parent}.add_method("{method}", apigw.LambdaIntegration({function}{py_method[0]}){py_method[1]})')
    swift_routes = "; ".join(f'Route(.{method.lower()}, "{path}", to: {function}{swift_route})' for method, path, function, _, swift_route in routes)
    swift = f"let api = RestApi(\"Api\"{swift_options}) {{ {swift_routes} }}"
    return [fn(name) for name in functions] + [construct("; ".join(py), swift, "api")]


def rest_api_cases():
    get = ("GET", "/orders", "fn", ("", ""), "")
    cases = [
        Case("RestApiOneRoute", rest_api([get])),
        Case("RestApiNamedFunction", [fn(options=[o("function_name", '"orders-handler"', "functionName", '"orders-handler"')])] + rest_api([get])[1:]),
        Case("RestApiRootMethod", rest_api([("GET", "/", "fn", ("", ""), "")])),
        Case("RestApiNested", rest_api([get, ("POST", "/orders", "fn", ("", ""), ""), ("GET", "/orders/{id}", "fn", ("", ""), ""),
                                        ("DELETE", "/orders/{id}", "fn", ("", ""), "")])),
        Case("RestApiAnyProxy", rest_api([("ANY", "/{proxy+}", "fn", ("", ""), "")])),
        Case("RestApiTwoFunctions", rest_api([("GET", "/a", "one", ("", ""), ""), ("GET", "/b", "two", ("", ""), "")], functions=("One", "Two"))),
        Case("RestApiName", rest_api([get], ', rest_api_name="orders"', ', name: "orders"')),
        Case("RestApiDescription", rest_api([get], ', description="Orders"', ', description: "Orders"')),
        Case("RestApiRegional", rest_api([get], ", endpoint_types=[apigw.EndpointType.REGIONAL]", ", endpointType: .regional")),
        Case("RestApiNoCloudWatchRole", rest_api([get], ", cloud_watch_role=False", ", cloudWatchRole: false")),
        Case("RestApiCloudWatchRole", rest_api([get], ", cloud_watch_role=True", ", cloudWatchRole: true")),
        Case("RestApiStageName", rest_api([get], ', deploy_options=apigw.StageOptions(stage_name="v1")', ', deploy: .init(stageName: "v1")')),
        Case("RestApiTracing", rest_api([get], ", deploy_options=apigw.StageOptions(tracing_enabled=True)", ", deploy: .init(tracing: true)")),
        Case("RestApiThrottling", rest_api([get], ", deploy_options=apigw.StageOptions(throttling_rate_limit=100, throttling_burst_limit=200)",
                                           ", deploy: .init(throttlingRateLimit: 100, throttlingBurstLimit: 200)")),
        Case("RestApiLogging", rest_api([get], ", deploy_options=apigw.StageOptions(logging_level=apigw.MethodLoggingLevel.INFO, metrics_enabled=True)",
                                        ", deploy: .init(loggingLevel: .info, metrics: true)")),
        Case("RestApiCors", rest_api([get], ', default_cors_preflight_options=apigw.CorsOptions(allow_origins=["https://example.com"])',
                                     ', cors: .init(allowOrigins: ["https://example.com"])')),
        Case("RestApiCorsNested", rest_api([get, ("GET", "/orders/{id}", "fn", ("", ""), "")],
                                           ', default_cors_preflight_options=apigw.CorsOptions(allow_origins=["https://example.com"])',
                                           ', cors: .init(allowOrigins: ["https://example.com"])')),
        Case("RestApiApiKeyRequired", rest_api([("GET", "/orders", "fn", ("", ", api_key_required=True"), ", apiKeyRequired: true")])),
        Case("RestApiApiKeyNotRequired", rest_api([("GET", "/orders", "fn", ("", ", api_key_required=False"), ", apiKeyRequired: false")])),
        Case("RestApiAccessLog", [construct('group = logs.LogGroup(s, "AccessLogs")', 'let group = LogGroup("AccessLogs")', "group")] + rest_api(
            [get], ', deploy_options=apigw.StageOptions(access_log_destination=apigw.LogGroupLogDestination(group), '
                   'access_log_format=apigw.AccessLogFormat.custom("$context.requestId"))',
            ', deploy: .init(accessLog: (destination: group, format: "$context.requestId"))')),
        Case("RestApiIamAuthorization", rest_api([("GET", "/orders", "fn", ("", ", authorization_type=apigw.AuthorizationType.IAM"), ", authorization: .iam")])),
    ]
    return cases


# MARK: Tags

def tag(key, value, on=None, py_options="", swift_options=""):
    py_scope = on or "s"
    swift_target = f", on: {on}" if on else ""
    return stmt(f'Tags.of({py_scope}).add("{key}", "{value}"{py_options})', f'Tag("{key}", "{value}"{swift_target}{swift_options})')


def untag(key, on=None, py_options="", swift_options=""):
    py_scope = on or "s"
    swift_target = f", from: {on}" if on else ""
    return stmt(f'Tags.of({py_scope}).remove("{key}"{py_options})', f'Tag.remove("{key}"{swift_target}{swift_options})')


PARAMETER = construct('parameter = ssm.CfnParameter(s, "Parameter", type="String", value="v")',
                      'let parameter = Resource("Parameter", type: "AWS::SSM::Parameter", properties: ["Type": "String", "Value": "v"])', "parameter")


def tag_cases():
    many = lambda: [queue(), fn(), table(), bucket(), topic(), PARAMETER]
    return [
        Case("TagsStackWide", many() + [tag("team", "orders")]),
        Case("TagsOnOneConstruct", many() + [tag("team", "orders", on="queue")]),
        Case("TagsInnerScopeWins", many() + [tag("team", "orders"), tag("team", "queue-team", on="queue")]),
        Case("TagsInnerScopeWinsListedFirst", many() + [tag("team", "queue-team", on="queue"), tag("team", "orders")]),
        Case("TagsLaterWinsInOneScope", many() + [tag("team", "a"), tag("team", "b")]),
        Case("TagsRemoved", many() + [tag("team", "orders"), untag("team", on="fn")]),
        Case("TagsRemovedBeforeAdded", many() + [untag("team", on="fn"), tag("team", "orders")]),
        Case("TagsRemoveLowPriority", many() + [tag("team", "orders"), untag("team", on="fn", py_options=", priority=50", swift_options=", priority: 50")]),
        Case("TagsHighPriority", many() + [tag("team", "high", on="queue", py_options=", priority=300", swift_options=", priority: 300"),
                                           tag("team", "orders", on="queue")]),
        Case("TagsIncludeTypes", many() + [tag("team", "orders", py_options=', include_resource_types=["AWS::SQS::Queue"]',
                                               swift_options=', includeResourceTypes: ["AWS::SQS::Queue"]')]),
        Case("TagsExcludeTypes", many() + [tag("team", "orders", py_options=', exclude_resource_types=["AWS::IAM::Role"]',
                                               swift_options=', excludeResourceTypes: ["AWS::IAM::Role"]')]),
        Case("TagsSortedByKey", many() + [tag("b", "1"), tag("A", "2"), tag("a", "3"), tag("_x", "4"), tag("B2", "5"), tag("aws-x", "6")]),
        Case("TagsOnEverything", [queue("DLQ"), queue("Queue", [o("dead_letter_queue", "sqs.DeadLetterQueue(queue=dLQ, max_receive_count=3)", "deadLetter", ".init(queue: dLQ, maxReceiveCount: 3)")]),
                                  fn(), stream(), call("logs.LogGroup", "LogGroup", "Group", []), call("kms.Key", "Key", "Key", []),
                                  call("events.EventBus", "EventBus", "Bus", []),
                                  stmt("fn.add_event_source(les.SqsEventSource(queue))", "fn.consumes(queue)"),
                                  tag("team", "orders")]),
        Case("TagsOnApiAndMachine", rest_api([("GET", "/orders", "fn", ("", ""), "")])
             + [machine('sfn.Pass(s, "Start")', 'Chain(State.pass("Start"))'), tag("team", "orders")]),
    ]


def metric_cases():
    """Alarms on each metric factory, with the statistic and period options."""
    def alarm(subject, py_metric, swift_metric):
        return [subject, call("cloudwatch.Alarm", "Alarm", "Alarm", [o("metric", py_metric, "metric", swift_metric),
                                                                     o("threshold", "1", "threshold", "1"),
                                                                     o("evaluation_periods", "1", "evaluationPeriods", "1")])]
    machine_subject = machine('sfn.Pass(s, "Start")', 'Chain(State.pass("Start"))')
    return [
        Case("MetricFunctionErrors", alarm(fn(), "fn.metric_errors()", "fn.metric(.errors)")),
        Case("MetricFunctionDuration", alarm(fn(), "fn.metric_duration()", "fn.metric(.duration)")),
        Case("MetricFunctionThrottles", alarm(fn(), "fn.metric_throttles()", "fn.metric(.throttles)")),
        Case("MetricFunctionInvocations", alarm(fn(), "fn.metric_invocations()", "fn.metric(.invocations)")),
        Case("MetricFunctionPercentile", alarm(fn(), 'fn.metric_duration(statistic="p99")', "fn.metric(.duration, statistic: .percentile(99))")),
        Case("MetricFunctionPercentileFraction", alarm(fn(), 'fn.metric_duration(statistic="p99.9")', "fn.metric(.duration, statistic: .percentile(99.9))")),
        Case("MetricFunctionPeriod", alarm(fn(), "fn.metric_errors(period=Duration.minutes(1))", "fn.metric(.errors, period: .minutes(1))")),
        Case("MetricFunctionStatistic", alarm(fn(), 'fn.metric_errors(statistic="Maximum")', "fn.metric(.errors, statistic: .maximum)")),
        Case("MetricQueueAge", alarm(queue(), "queue.metric_approximate_age_of_oldest_message()", "queue.metric(.approximateAgeOfOldestMessage)")),
        Case("MetricQueueSent", alarm(queue(), 'queue.metric_number_of_messages_sent(period=Duration.minutes(1), statistic="Average")',
                                      "queue.metric(.numberOfMessagesSent, statistic: .average, period: .minutes(1))")),
        Case("MetricTopicFailed", alarm(topic(), "topic.metric_number_of_notifications_failed()", "topic.metric(.numberOfNotificationsFailed)")),
        Case("MetricTopicPublished", alarm(topic(), "topic.metric_number_of_messages_published()", "topic.metric(.numberOfMessagesPublished)")),
        Case("MetricTopicPublishSize", alarm(topic(), "topic.metric_publish_size()", "topic.metric(.publishSize)")),
        Case("MetricMachineFailed", alarm(machine_subject, "machine.metric_failed()", "machine.metric(.executionsFailed)")),
        Case("MetricMachineTime", alarm(machine_subject, "machine.metric_time()", "machine.metric(.executionTime)")),
        Case("MetricMachineThrottled", alarm(machine_subject, "machine.metric_throttled()", "machine.metric(.executionThrottled)")),
    ] + alias_metric_cases(alarm) + stream_metric_cases(alarm) + table_metric_cases(alarm)


def alias_metric_cases(alarm):
    """An alias's metrics: the function's, with the alias as the `Resource` dimension."""
    version = call("lambda_.Version", "Version", "V1", [o("lambda_", "fn", "function", "fn")])
    alias = call("lambda_.Alias", "Alias", "Live", [o("alias_name", '"live"', "aliasName", '"live"'), o("version", "v1", "version", "v1")])
    subject = lambda py, swift: [fn(), version] + alarm(alias, py, swift)
    return [
        Case("MetricAliasErrors", subject("live.metric_errors()", "live.metric(.errors)")),
        Case("MetricAliasInvocations", subject("live.metric_invocations()", "live.metric(.invocations)")),
        Case("MetricAliasThrottles", subject("live.metric_throttles()", "live.metric(.throttles)")),
        Case("MetricAliasDuration", subject('live.metric_duration(statistic="p90")', "live.metric(.duration, statistic: .percentile(90))")),
    ]


def stream_metric_cases(alarm):
    """Every Kinesis stream metric factory."""
    names = [("GetRecordsIteratorAgeMilliseconds", "get_records_iterator_age_milliseconds"), ("GetRecordsBytes", "get_records_bytes"),
             ("GetRecordsLatency", "get_records_latency"), ("GetRecords", "get_records"), ("GetRecordsSuccess", "get_records_success"),
             ("IncomingBytes", "incoming_bytes"), ("IncomingRecords", "incoming_records"), ("PutRecordBytes", "put_record_bytes"),
             ("PutRecordLatency", "put_record_latency"), ("PutRecordSuccess", "put_record_success"), ("PutRecordsBytes", "put_records_bytes"),
             ("PutRecordsFailedRecords", "put_records_failed_records"), ("PutRecordsLatency", "put_records_latency"),
             ("PutRecordsSuccess", "put_records_success"), ("PutRecordsSuccessfulRecords", "put_records_successful_records"),
             ("PutRecordsThrottledRecords", "put_records_throttled_records"), ("PutRecordsTotalRecords", "put_records_total_records"),
             ("ReadProvisionedThroughputExceeded", "read_provisioned_throughput_exceeded"),
             ("WriteProvisionedThroughputExceeded", "write_provisioned_throughput_exceeded")]
    return [Case(f"MetricStream{name}", alarm(stream(), f"stream.metric_{py}()", f"stream.metric(.{name[0].lower() + name[1:]})"))
            for name, py in names] + [
        Case("MetricStreamPeriodStatistic", alarm(stream(), 'stream.metric_incoming_records(period=Duration.minutes(1), statistic="Sum")',
                                                  "stream.metric(.incomingRecords, statistic: .sum, period: .minutes(1))")),
    ]


def table_metric_cases(alarm):
    """The DynamoDB metric factories, on a Table and on a TableV2."""
    v2 = call("dynamodb.TableV2", "TableV2", "Table", [PK])
    metrics = [("ConsumedRead", "table.metric_consumed_read_capacity_units()", "table.metric(.consumedReadCapacityUnits)"),
               ("ConsumedWrite", "table.metric_consumed_write_capacity_units()", "table.metric(.consumedWriteCapacityUnits)"),
               ("Latency", 'table.metric_successful_request_latency(dimensions_map={"Operation": "GetItem"})',
                "table.metric(.successfulRequestLatency(.getItem))"),
               ("Throttled", "table.metric_throttled_requests_for_operation(\"Query\")", "table.metric(.throttledRequests(.query))"),
               ("ConditionalCheck", "table.metric_conditional_check_failed_requests()", "table.metric(.conditionalCheckFailedRequests)"),
               ("UserErrors", "table.metric_user_errors()", "table.metric(.userErrors)")]
    return [Case(f"MetricTable{name}", alarm(table(), py, swift)) for name, py, swift in metrics] + [
        Case(f"MetricTableV2{name}", alarm(v2, py, swift)) for name, py, swift in metrics]


def cross_stack_cases():
    """References across stacks: exports, imports and the consumer's dependency on the producer."""
    return [
        Case("CrossTopicSubscription", [queue(), stmt("topic.add_subscription(subs.SqsSubscription(queue))", "topic.subscribe(queue)")],
             before={"Producer": [topic()]}),
        Case("CrossTableGrant", [fn(), stmt("table.grant_read_write_data(fn)", "table.grant(.readWrite, to: fn)")],
             before={"Producer": [table()]}),
        Case("CrossBucketGrant", [fn(), stmt("bucket.grant_read(fn)", "bucket.grant(.read, to: fn)")],
             before={"Producer": [bucket()]}),
        Case("CrossQueueUrlInEnvironment", [fn("Fn", [o("environment", '{"QUEUE_URL": queue.queue_url, "QUEUE_ARN": queue.queue_arn}',
                                                       "environment", '["QUEUE_URL": queue.url, "QUEUE_ARN": queue.arn]')])],
             before={"Producer": [queue()]}),
        Case("CrossSqsSource", [fn(), stmt("fn.add_event_source(les.SqsEventSource(queue))", "fn.consumes(queue)")],
             before={"Producer": [queue()]}),
        Case("CrossTopicGrant", [fn(), stmt("topic.grant_publish(fn)", "topic.grant(.publish, to: fn)")],
             before={"Producer": [topic()]}),
        Case("CrossScheduleTarget", [call("scheduler.Schedule", "EventBridgeSchedule", "Schedule",
                                          [o("schedule", 'scheduler.ScheduleExpression.rate(Duration.hours(1))', "schedule", ".rate(.hours(1))"),
                                           o("target", "scheduler_targets.LambdaInvoke(fn)", "target", ".init(.function(fn))")])],
             before={"Producer": [fn()]}),
        Case("CrossScheduleQueueTarget", [call("scheduler.Schedule", "EventBridgeSchedule", "Schedule",
                                               [o("schedule", 'scheduler.ScheduleExpression.rate(Duration.hours(1))', "schedule", ".rate(.hours(1))"),
                                                o("target", "scheduler_targets.SqsSendMessage(queue)", "target", ".init(.queue(queue))")])],
             before={"Producer": [queue()]}),
    ]


def event_source_cases():
    reading = lambda py, swift: (py, swift)
    kinesis = lambda py_options, swift_options: [stream(), fn(), stmt(
        f"fn.add_event_source(les.KinesisEventSource(stream, starting_position=lambda_.StartingPosition.LATEST{py_options}))",
        f"fn.consumes(stream, .init(startingPosition: .latest{swift_options}))")]
    table_stream = lambda py_options, swift_options: [table([o("stream", "dynamodb.StreamViewType.NEW_IMAGE", "stream", ".newImage")]), fn(), stmt(
        f"fn.add_event_source(les.DynamoEventSource(table, starting_position=lambda_.StartingPosition.TRIM_HORIZON{py_options}))",
        f"fn.consumesStream(of: table, .init(startingPosition: .trimHorizon{swift_options}))")]
    return [
        Case("SourceKinesis", kinesis("", "")),
        Case("SourceKinesisBatchDefault", kinesis(", batch_size=100", ", batchSize: 100")),
        Case("SourceKinesisBatchOther", kinesis(", batch_size=50", ", batchSize: 50")),
        Case("SourceKinesisRetry", kinesis(", retry_attempts=3, bisect_batch_on_error=True, max_record_age=Duration.hours(1)",
                                           ", bisectBatchOnError: true, retryAttempts: 3, maxRecordAge: .hours(1)")),
        Case("SourceKinesisParallel", kinesis(", parallelization_factor=2, max_batching_window=Duration.seconds(10)",
                                              ", maxBatchingWindow: .seconds(10), parallelizationFactor: 2")),
        Case("SourceKinesisReportFailures", kinesis(", report_batch_item_failures=True", ", reportBatchItemFailures: true")),
        Case("SourceKinesisTumbling", kinesis(", tumbling_window=Duration.seconds(30)", ", tumblingWindow: .seconds(30)")),
        Case("SourceKinesisOnFailureQueue", [queue("Failures")] + kinesis(", on_failure=les.SqsDlq(failures)", ", onFailure: .queue(failures)")),
        Case("SourceKinesisOnFailureTopic", [topic(ident="Failures")] + kinesis(", on_failure=les.SnsDlq(failures)", ", onFailure: .topic(failures)")),
        Case("SourceKinesisDisabled", kinesis(", enabled=False", ", enabled: false")),
        Case("SourceTableStream", table_stream("", "")),
        Case("SourceTableStreamRetry", table_stream(", retry_attempts=2, bisect_batch_on_error=True", ", bisectBatchOnError: true, retryAttempts: 2")),
        Case("SourceTableStreamOnFailure", [queue("Failures")] + table_stream(", on_failure=les.SqsDlq(failures)", ", onFailure: .queue(failures)")),
    ]


def http_api_cases():
    def api(routes, py_options="", swift_options="", functions=("Fn",)):
        py = [f'api = apigwv2.HttpApi(s, "Api"{py_options})']
        for method, path, function in routes:
            py_method = "ANY" if method == "ANY" else method
            py.append(f'api.add_routes(path="{path}", methods=[apigwv2.HttpMethod.{py_method}], '
                      f'integration=integrations.HttpLambdaIntegration("Integration", {function}))')
        swift_routes = "; ".join(f'Route(.{method.lower()}, "{path}", to: {function})' for method, path, function in routes)
        return [fn(name) for name in functions] + [construct("; ".join(py), f"let api = HttpApi(\"Api\"{swift_options}) {{ {swift_routes} }}", "api")]
    get = ("GET", "/orders", "fn")
    return [
        Case("HttpApiOneRoute", api([get])),
        Case("HttpApiPathParameter", api([get, ("GET", "/orders/{id}", "fn"), ("DELETE", "/orders/{id}", "fn")])),
        Case("HttpApiAny", api([("ANY", "/{proxy+}", "fn")])),
        Case("HttpApiTwoFunctions", api([("GET", "/a", "one"), ("POST", "/b", "two")], functions=("One", "Two"))),
        Case("HttpApiName", api([get], ', api_name="orders"', ', name: "orders"')),
        Case("HttpApiDescription", api([get], ', description="Orders"', ', description: "Orders"')),
        Case("HttpApiCors", api([get], ', cors_preflight=apigwv2.CorsPreflightOptions(allow_origins=["https://example.com"], allow_methods=[apigwv2.CorsHttpMethod.GET])',
                                ', cors: .init(allowOrigins: ["https://example.com"], allowMethods: ["GET"])')),
        Case("HttpApiCorsFull", api([get], ', cors_preflight=apigwv2.CorsPreflightOptions(allow_origins=["*"], allow_methods=[apigwv2.CorsHttpMethod.ANY], allow_headers=["Content-Type"], max_age=Duration.hours(1))',
                                    ', cors: .init(allowOrigins: ["*"], allowMethods: ["*"], allowHeaders: ["Content-Type"], maxAge: .hours(1))')),
        Case("HttpApiIntegrationNamed", shared_api([("integ", "OrdersIntegration", "fn", "", "")], [(["GET"], "/orders", "integ")])),
        Case("HttpApiSharedIntegration", shared_api([("integ", "OrdersIntegration", "fn", "", "")],
                                                    [(["GET", "POST"], "/orders", "integ"), (["GET", "DELETE"], "/orders/{id}", "integ")])),
        Case("HttpApiSharedIntegrationTwo", shared_api([("reads", "Reads", "one", "", ""), ("writes", "Writes", "two", "", "")],
                                                       [(["GET"], "/a", "reads"), (["POST"], "/a", "writes"), (["GET"], "/b", "reads"), (["PUT"], "/b", None)],
                                                       functions=("One", "Two"))),
        Case("HttpApiSharedIntegrationAny", shared_api([("integ", "Proxy", "fn", "", "")], [(["ANY"], "/{proxy+}", "integ"), (["GET"], "/", "integ")])),
        Case("HttpApiIntegrationScopedToRoute", shared_api([("integ", "OrdersIntegration", "fn", ", scope_permission_to_route=True", ", scopePermissionToRoute: true")],
                                                           [(["GET", "POST"], "/orders", "integ")])),
        Case("HttpApiIntegrationScopedToApi", shared_api([("integ", "OrdersIntegration", "fn", ", scope_permission_to_route=False", ", scopePermissionToRoute: false")],
                                                         [(["GET", "POST"], "/orders", "integ"), (["GET"], "/orders/{id}", "integ")])),
        Case("HttpApiIntegrationScopedToApiTwice", shared_api([("reads", "Reads", "fn", ", scope_permission_to_route=False", ", scopePermissionToRoute: false"),
                                                               ("writes", "Writes", "fn", ", scope_permission_to_route=False", ", scopePermissionToRoute: false"),
                                                               ("admin", "Admin", "fn", "", "")],
                                                              [(["GET"], "/orders", "reads"), (["POST"], "/orders", "writes"), (["DELETE"], "/orders", "admin")])),
    ]


def shared_api(shared, routes, functions=("Fn",), py_options="", swift_options="", py_setup=(), swift_setup=()):
    """An HTTP API whose routes use the named integrations `shared` ((var, id, function, py_props, swift_props)), or
    an integration of their own named `Integration` where a route names none; routes are (methods, path,
    integration var, py route options, swift authorization), the last two optional."""
    py = list(py_setup) + [f'{var} = integrations.HttpLambdaIntegration("{ident}", {function}{py_props})' for var, ident, function, py_props, _ in shared]
    swift = list(swift_setup) + [f'let {var} = HttpLambdaIntegration("{ident}", handler: {function}{swift_props})' for var, ident, function, _, swift_props in shared]
    functions_of = {var: function for var, _, function, _, _ in shared}
    py.append(f'api = apigwv2.HttpApi(s, "Api"{py_options})')
    swift_routes = []
    for route in routes:
        methods, path, integration = route[:3]
        py_route = route[3] if len(route) > 3 else ""
        swift_route = route[4] if len(route) > 4 else ""
        py_integration = integration or f'integrations.HttpLambdaIntegration("Integration", {functions[0].lower()})'
        py.append(f'api.add_routes(path="{path}", methods=[{", ".join("apigwv2.HttpMethod." + m for m in methods)}], integration={py_integration}{py_route})')
        target = integration or functions[0].lower()
        swift_routes += [f'Route(.{m.lower()}, "{path}", to: {target}{swift_route})' for m in methods]
    swift.append(f'let api = HttpApi("Api"{swift_options}) {{ {"; ".join(swift_routes)} }}')
    return [fn(name) for name in functions] + [construct("; ".join(py), "; ".join(swift), "api")]


def breadth_cases():
    """Grants between every pair that has one, rule inputs, asynchronous invocation, table scaling, lifecycle."""
    pattern = o("event_pattern", 'events.EventPattern(source=["orders"])', "pattern", 'EventPattern(source: ["orders"])')
    rule = call("events.Rule", "Rule", "Rule", [pattern])
    bus = call("events.EventBus", "EventBus", "Bus", [])
    provisioned = [o("billing_mode", "dynamodb.BillingMode.PROVISIONED", "billing", ".provisioned(read: 5, write: 5)"),
                   o("read_capacity", "5", None, None), o("write_capacity", "5", None, None)]
    return [
        Case("GrantStreamRead", [stream(), fn(), stmt("stream.grant_read(fn)", "stream.grant(.read, to: fn)")]),
        Case("GrantStreamWrite", [stream(), fn(), stmt("stream.grant_write(fn)", "stream.grant(.write, to: fn)")]),
        Case("GrantBusPutEvents", [bus, fn(), stmt("bus.grant_put_events_to(fn)", "bus.grantPutEvents(to: fn)")]),
        Case("GrantMachineRead", [machine('sfn.Pass(s, "Start")', 'Chain(State.pass("Start"))'), fn(),
                                  stmt("machine.grant_read(fn)", "machine.grantRead(to: fn)")]),
        Case("GrantTableStreamRead", [table([o("stream", "dynamodb.StreamViewType.NEW_IMAGE", "stream", ".newImage")]), fn(),
                                      stmt("table.grant_stream_read(fn)", "table.grant(.streamRead, to: fn)")]),
        Case("RuleInputConstant", [fn(), rule, stmt('rule.add_target(targets.LambdaFunction(fn, event=events.RuleTargetInput.from_object({"kind": "nightly"})))',
                                                    'rule.target(fn, input: .constant(["kind": "nightly"]))')]),
        Case("FunctionAsyncFailureQueue", [queue("Failures"), fn("Fn", [
            o("on_failure", "destinations.SqsDestination(failures)", "asyncInvocation", ".init(onFailure: .queue(failures))")])]),
        Case("FunctionAsyncRetry", [fn("Fn", [o("retry_attempts", "0", "asyncInvocation", ".init(retryAttempts: 0, maxEventAge: .hours(1))"),
                                              o("max_event_age", "Duration.hours(1)", None, None)])]),
        Case("FunctionAsyncSuccessTopic", [topic(ident="Done"), fn("Fn", [
            o("on_success", "destinations.SnsDestination(done)", "asyncInvocation", ".init(onSuccess: .topic(done))")])]),
        Case("FunctionAsyncBusAndFunction", [call("events.EventBus", "EventBus", "Bus", []), fn("Next"), fn("Fn", [
            o("on_success", "destinations.EventBridgeDestination(bus)", "asyncInvocation", ".init(onSuccess: .eventBus(bus), onFailure: .function(next))"),
            o("on_failure", "destinations.LambdaDestination(next)", None, None)])]),
        Case("TableScaling", [table(provisioned + [o(None, None, "readScaling", ".init(minCapacity: 5, maxCapacity: 50, targetUtilizationPercent: 70)"),
                                                   o(None, None, "writeScaling", ".init(minCapacity: 5, maxCapacity: 20, targetUtilizationPercent: 60)")]),
                              stmt("table.auto_scale_read_capacity(min_capacity=5, max_capacity=50).scale_on_utilization(target_utilization_percent=70)", None),
                              stmt("table.auto_scale_write_capacity(min_capacity=5, max_capacity=20).scale_on_utilization(target_utilization_percent=60)", None)]),
        Case("BucketLifecycleTransitions", [bucket([o("lifecycle_rules", "[s3.LifecycleRule(id=\"archive\", transitions=[s3.Transition(storage_class=s3.StorageClass.INFREQUENT_ACCESS, transition_after=Duration.days(30)), s3.Transition(storage_class=s3.StorageClass.GLACIER, transition_after=Duration.days(90))])]",
                                                      "lifecycleRules", '[.init(id: "archive", transitions: [.init(to: .infrequentAccess, afterDays: 30), .init(to: .glacier, afterDays: 90)])]')])]),
        Case("BucketLifecycleNoncurrentTransitions", [bucket([o("versioned", "True", "versioned", "true"), o("lifecycle_rules", "[s3.LifecycleRule(noncurrent_version_transitions=[s3.NoncurrentVersionTransition(storage_class=s3.StorageClass.DEEP_ARCHIVE, transition_after=Duration.days(60))], noncurrent_version_expiration=Duration.days(365))]",
                                                                "lifecycleRules", '[.init(noncurrentVersionExpirationDays: 365, noncurrentVersionTransitions: [.init(to: .deepArchive, afterDays: 60)])]')])]),
        Case("BucketLifecycle", [bucket([o("lifecycle_rules", "[s3.LifecycleRule(id=\"expire\", prefix=\"tmp/\", expiration=Duration.days(7), abort_incomplete_multipart_upload_after=Duration.days(1))]",
                                           "lifecycleRules", '[.init(id: "expire", prefix: "tmp/", expirationDays: 7, abortIncompleteMultipartUploadDays: 1)]')])]),
    ]


def string_parameter(options=(), ident="Param"):
    return call("ssm.StringParameter", "StringParameter", ident, [o("string_value", '"v1"', "value", '"v1"')] + list(options))


def ssm_cases():
    slash_name = o("parameter_name", '"/shop/config/endpoint"', "parameterName", '"/shop/config/endpoint"')
    cases = variants("SsmParameter", string_parameter, [
        ("Name", [("Path", slash_name), ("Simple", o("parameter_name", '"shop-endpoint"', "parameterName", '"shop-endpoint"'))]),
        ("Description", [("Given", o("description", '"Where payments go"', "description", '"Where payments go"'))]),
        ("AllowedPattern", [("Given", o("allowed_pattern", '"^v[0-9]+$"', "allowedPattern", '"^v[0-9]+$"'))]),
        ("Tier", [("Standard", o("tier", "ssm.ParameterTier.STANDARD", "tier", ".standard")),
                  ("Advanced", o("tier", "ssm.ParameterTier.ADVANCED", "tier", ".advanced")),
                  ("IntelligentTiering", o("tier", "ssm.ParameterTier.INTELLIGENT_TIERING", "tier", ".intelligentTiering"))]),
        ("DataType", [("Text", o("data_type", "ssm.ParameterDataType.TEXT", "dataType", ".text")),
                      ("Ec2Image", o("data_type", "ssm.ParameterDataType.AWS_EC2_IMAGE", "dataType", ".awsEC2Image"))]),
    ])
    for grant, swift in [("grant_read", ".read"), ("grant_write", ".write")]:
        name = grant.split("_")[1].title()
        cases.append(Case(f"SsmParameterGrant{name}", [string_parameter(), fn(), stmt(f"param.{grant}(fn)", f"param.grant({swift}, to: fn)")]))
        cases.append(Case(f"SsmParameterGrant{name}PathName", [string_parameter([slash_name]), fn(), stmt(f"param.{grant}(fn)", f"param.grant({swift}, to: fn)")]))
    cases.append(Case("SsmParameterInEnvironment", [
        string_parameter(),
        fn(options=[o("environment", '{"PARAM": param.parameter_name, "VALUE": param.string_value}', "environment", '["PARAM": param.name, "VALUE": param.stringValue]')])]))
    cases.append(Case("SsmDynamicReference", [fn(options=[o("environment", '{"ENDPOINT": ssm.StringParameter.value_for_string_parameter(s, "/shop/endpoint", 3)}',
                                                       "environment", '["ENDPOINT": StringParameter.resolve("/shop/endpoint", version: 3)]')])]))
    return cases


def function_url_cases():
    def url(py_options, swift_options):
        return (f"url = fn.add_function_url({py_options})", f"let url = fn.url({swift_options})", "url")
    iam, none = "auth_type=lambda_.FunctionUrlAuthType.AWS_IAM", "auth_type=lambda_.FunctionUrlAuthType.NONE"
    output = stmt('cdk.CfnOutput(s, "Url", value=url.url)', 'Output("Url", value: url.url)')
    cors = ("cors=lambda_.FunctionUrlCorsOptions(allowed_origins=[\"https://shop.example.com\"], allowed_methods=[lambda_.HttpMethod.GET, lambda_.HttpMethod.POST], "
            "allowed_headers=[\"content-type\"], exposed_headers=[\"x-request-id\"], allow_credentials=True, max_age=Duration.seconds(300))",
            'cors: .init(allowedOrigins: ["https://shop.example.com"], allowedMethods: [.get, .post], allowedHeaders: ["content-type"], '
            'exposedHeaders: ["x-request-id"], allowCredentials: true, maxAge: .seconds(300))')
    return [
        Case("FunctionUrlIam", [fn(), url(iam, "authType: .awsIAM")]),
        Case("FunctionUrlDefaultAuth", [fn(), url("", "")]),
        Case("FunctionUrlNone", [fn(), url(none, "authType: .none")]),
        Case("FunctionUrlOutput", [fn(), url(none, "authType: .none"), output]),
        Case("FunctionUrlStreaming", [fn(), url(f"{iam}, invoke_mode=lambda_.InvokeMode.RESPONSE_STREAM", "authType: .awsIAM, invokeMode: .responseStream")]),
        Case("FunctionUrlBuffered", [fn(), url(f"{iam}, invoke_mode=lambda_.InvokeMode.BUFFERED", "authType: .awsIAM, invokeMode: .buffered")]),
        Case("FunctionUrlCors", [fn(), url(f"{iam}, {cors[0]}", f"authType: .awsIAM, {cors[1]}")]),
        Case("FunctionUrlCorsOriginsOnly", [fn(), url(f'{none}, cors=lambda_.FunctionUrlCorsOptions(allowed_origins=["*"])', 'authType: .none, cors: .init(allowedOrigins: ["*"])')]),
        Case("FunctionUrlAlias", [fn(), stmt("fn.current_version", "fn.currentVersion"), call("lambda_.Alias", "Alias", "Live", [o("alias_name", '"live"', "aliasName", '"live"'), o("version", "fn.current_version", "version", "fn.currentVersion")]),
                                  ("url = live.add_function_url()", "let url = live.url()", "url"), output]),
        Case("FunctionUrlAliasPublic", [fn(), stmt("fn.current_version", "fn.currentVersion"), call("lambda_.Alias", "Alias", "Live", [o("alias_name", '"live"', "aliasName", '"live"'), o("version", "fn.current_version", "version", "fn.currentVersion")]),
                                        ("url = live.add_function_url(auth_type=lambda_.FunctionUrlAuthType.NONE)", "let url = live.url(authType: .none)", "url")]),
        Case("FunctionUrlCorsAllMethods", [fn(), url(f'{iam}, cors=lambda_.FunctionUrlCorsOptions(allowed_origins=["https://a.example"], allowed_methods=[lambda_.HttpMethod.ALL])',
                                                    'authType: .awsIAM, cors: .init(allowedOrigins: ["https://a.example"], allowedMethods: [.all])')]),
    ]


def layer_cases():
    def s3_code(ident):
        return o("code", f'lambda_.Code.from_bucket(s3.Bucket.from_bucket_name(s, "{ident}Bucket", "shop-layers"), "layer.zip")',
                 "code", '.s3(bucket: "shop-layers", key: "layer.zip")')
    layer = lambda options, ident="Layer": call("lambda_.LayerVersion", "LayerVersion", ident, [s3_code(ident)] + list(options))
    cases = variants("Layer", layer, [
        ("Runtimes", [("One", o("compatible_runtimes", "[lambda_.Runtime.NODEJS_22_X]", "compatibleRuntimes", "[.nodejs22]")),
                      ("Two", o("compatible_runtimes", "[lambda_.Runtime.NODEJS_22_X, lambda_.Runtime.PYTHON_3_13]", "compatibleRuntimes", "[.nodejs22, .python313]"))]),
        ("Architectures", [("Arm", o("compatible_architectures", "[lambda_.Architecture.ARM_64]", "compatibleArchitectures", "[.arm64]")),
                           ("Both", o("compatible_architectures", "[lambda_.Architecture.X86_64, lambda_.Architecture.ARM_64]", "compatibleArchitectures", "[.x86_64, .arm64]"))]),
        ("Description", [("Given", o("description", '"Shared utilities"', "description", '"Shared utilities"'))]),
        ("License", [("Given", o("license", '"MIT"', "license", '"MIT"'))]),
        ("Name", [("Given", o("layer_version_name", '"shop-utils"', "layerVersionName", '"shop-utils"'))]),
        ("RemovalPolicy", [("Retain", o("removal_policy", "RemovalPolicy.RETAIN", "removalPolicy", ".retain")),
                           ("Destroy", o("removal_policy", "RemovalPolicy.DESTROY", "removalPolicy", ".destroy"))]),
    ])
    cases.append(Case("LayerOnFunction", [layer(()), fn(options=[o("layers", "[layer]", "layers", "[layer]")])]))
    # A folder asset: CDK's `aws:asset:*` metadata names the layer's `Content` (the app runs with asset metadata on, as `cdk synth`).
    asset_layer = call("lambda_.LayerVersion", "LayerVersion", "Layer", [asset_code("layer"), o("compatible_runtimes", "[lambda_.Runtime.NODEJS_22_X]", "compatibleRuntimes", "[.nodejs22]")])
    cases.append(Case("LayerAssetContent", [asset_layer, fn(options=[o("layers", "[layer]", "layers", "[layer]")])]))
    cases.append(Case("LayerAndFunctionAssetsCurrentVersion", [asset_layer, asset_fn("Fn", "handler", [o("layers", "[layer]", "layers", "[layer]")]),
                                                               stmt("fn.current_version", "fn.currentVersion")]))
    cases.append(Case("LayersOnFunctionInOrder", [layer((), "Layer"), layer((), "Second"),
                                                  fn(options=[o("layers", "[second, layer]", "layers", "[second, layer]")])]))
    return cases


def secret_cases():
    secret = lambda options: call("secretsmanager.Secret", "Secret", "Secret", list(options))
    gen = lambda py, swift: o("generate_secret_string", f"secretsmanager.SecretStringGenerator({py})", "generate", f".init({swift})")
    cases = variants("Secret", secret, [
        ("Description", [("Given", o("description", '"Database credentials"', "description", '"Database credentials"'))]),
        ("Name", [("Given", o("secret_name", '"shop/database"', "secretName", '"shop/database"'))]),
        ("RemovalPolicy", [("Retain", o("removal_policy", "RemovalPolicy.RETAIN", "removalPolicy", ".retain"))]),
        ("Generate", [("Template", gen('secret_string_template="{\\"username\\": \\"shop\\"}", generate_string_key="password"',
                                       'template: #"{"username": "shop"}"#, key: "password"')),
                      ("Length", gen("password_length=40", "length: 40")),
                      ("Excludes", gen('exclude_characters="/@", exclude_lowercase=True, exclude_numbers=False, exclude_punctuation=True, exclude_uppercase=False',
                                       'excludeCharacters: "/@", excludeLowercase: true, excludeNumbers: false, excludePunctuation: true, excludeUppercase: false')),
                      ("Space", gen("include_space=True, require_each_included_type=True", "includeSpace: true, requireEachIncludedType: true"))]),
    ])
    for grant, swift in [("grant_read", ".read"), ("grant_write", ".write")]:
        name = grant.split("_")[1].title()
        cases.append(Case(f"SecretGrant{name}", [secret(()), fn(), stmt(f"secret.{grant}(fn)", f"secret.grant({swift}, to: fn)")]))
    cases.append(Case("SecretInEnvironment", [secret(()), fn(options=[o(
        "environment", '{"ARN": secret.secret_arn, "WHOLE": secret.secret_value.unsafe_unwrap(), "FIELD": secret.secret_value_from_json("password").unsafe_unwrap()}',
        "environment", '["ARN": secret.arn, "WHOLE": secret.secretValue(), "FIELD": secret.secretValue(field: "password")]')])]))
    rotation = lambda py="", swift="", ident="Rotation": stmt(f'secret.add_rotation_schedule("{ident}", rotation_lambda=fn{py})',
                                                             f'secret.rotation(by: fn{swift}' + (f', id: "{ident}")' if ident != "Rotation" else ")"))
    cases += [
        Case("SecretRotation", [secret(()), fn(), rotation()]),
        Case("SecretRotationWeekly", [secret(()), fn(), rotation(", automatically_after=Duration.days(7), rotate_immediately_on_update=False",
                                                                 ", every: .days(7), rotateImmediatelyOnUpdate: false")]),
        Case("SecretRotationTracedFunction", [secret(()), fn(options=[o("tracing", "lambda_.Tracing.ACTIVE", "tracing", ".active")]), rotation()]),
        Case("SecretRotationHours", [secret(()), fn(), rotation(", automatically_after=Duration.hours(6)", ", every: .hours(6)", "Frequent")]),
        Case("SecretRotationTwoSecretsOneFunction", [secret(()), call("secretsmanager.Secret", "Secret", "Other", []), fn(), rotation(),
                                                     stmt('other.add_rotation_schedule("Rotation", rotation_lambda=fn)', "other.rotation(by: fn)")]),
    ]
    return cases


def scheduler_cases():
    cron = o("schedule", 'scheduler.ScheduleExpression.cron(minute="0", hour="3")', "schedule", '.cron(minute: "0", hour: "3")')
    rate = lambda py, swift: o("schedule", f"scheduler.ScheduleExpression.rate({py})", "schedule", f".rate({swift})")
    invoke = o("target", "scheduler_targets.LambdaInvoke(fn)", "target", ".init(.function(fn))")
    sched = lambda options, ident="Schedule": call("scheduler.Schedule", "EventBridgeSchedule", ident, list(options))
    group = lambda options=(): call("scheduler.ScheduleGroup", "ScheduleGroup", "Group", list(options))
    done = ('sfn.Succeed(s, "Done")', 'State.succeed("Done")')
    return [
        Case("ScheduleLambdaCron", [fn(), sched([cron, invoke])]),
        Case("ScheduleLambdaRateMinutes", [fn(), sched([rate("Duration.minutes(5)", ".minutes(5)"), invoke])]),
        Case("ScheduleLambdaRateHours", [fn(), sched([rate("Duration.hours(2)", ".hours(2)"), invoke])]),
        Case("ScheduleLambdaRateDay", [fn(), sched([rate("Duration.days(1)", ".days(1)"), invoke])]),
        Case("ScheduleCronWeekDay", [fn(), sched([o("schedule", 'scheduler.ScheduleExpression.cron(minute="30", hour="8", week_day="MON-FRI")', "schedule", '.cron(minute: "30", hour: "8", weekDay: "MON-FRI")'), invoke])]),
        Case("ScheduleTimeZone", [fn(), sched([o("schedule", 'scheduler.ScheduleExpression.cron(minute="0", hour="9", time_zone=cdk.TimeZone.EUROPE_BERLIN)', "schedule", '.cron(minute: "0", hour: "9")'),
                                              invoke, o(None, None, "timeZone", '"Europe/Berlin"')])]),
        Case("ScheduleDescribedNamedDisabled", [fn(), sched([cron, invoke, o("description", '"Nightly report"', "description", '"Nightly report"'),
                                                            o("enabled", "False", "enabled", "false"), o("schedule_name", '"nightly-report"', "scheduleName", '"nightly-report"')])]),
        Case("ScheduleEnabled", [fn(), sched([cron, invoke, o("enabled", "True", "enabled", "true")])]),
        Case("ScheduleFlexibleWindow", [fn(), sched([cron, invoke, o("time_window", "scheduler.TimeWindow.flexible(Duration.minutes(15))", "flexibleWindow", ".minutes(15)")])]),
        Case("ScheduleWindowOff", [fn(), sched([cron, invoke, o("time_window", "scheduler.TimeWindow.off()", None, None)])]),
        Case("ScheduleRetryAndDeadLetter", [fn(), queue("Dlq"), sched([cron, o(
            "target", "scheduler_targets.LambdaInvoke(fn, dead_letter_queue=dlq, retry_attempts=3, max_event_age=Duration.hours(2))",
            "target", ".init(.function(fn), deadLetterQueue: dlq, retryAttempts: 3, maxEventAge: .hours(2))")])]),
        Case("ScheduleQueueWithInput", [queue(), sched([cron, o("target", 'scheduler_targets.SqsSendMessage(queue, input=scheduler.ScheduleTargetInput.from_text("tick"))',
                                                               "target", '.init(.queue(queue), input: "tick")')])]),
        Case("ScheduleFifoQueue", [queue(options=[o("fifo", "True", "fifo", "true"), o("content_based_deduplication", "True", "contentBasedDeduplication", "true")]),
                                   sched([cron, o("target", 'scheduler_targets.SqsSendMessage(queue, message_group_id="reports")',
                                                  "target", '.init(.queue(queue, messageGroupId: "reports"))')])]),
        Case("ScheduleTopic", [topic(), sched([cron, o("target", "scheduler_targets.SnsPublish(topic)", "target", ".init(.topic(topic))")])]),
        Case("ScheduleStateMachine", [machine(done[0], done[1]),
                                      sched([cron, o("target", "scheduler_targets.StepFunctionsStartExecution(machine)", "target", ".init(.stateMachine(machine))")])]),
        Case("ScheduleGroupNamed", [fn(), group([o("schedule_group_name", '"reports"', "scheduleGroupName", '"reports"')]),
                                    sched([cron, invoke, o("schedule_group", "group", "group", "group")])]),
        Case("ScheduleGroupGeneratedName", [fn(), group(), sched([cron, invoke, o("schedule_group", "group", "group", "group")])]),
        Case("ScheduleGroupDestroy", [group([o("removal_policy", "RemovalPolicy.DESTROY", "removalPolicy", ".destroy")])]),
        Case("ScheduleTwoOnOneTarget", [fn(), sched([cron, invoke], "Nightly"), sched([rate("Duration.hours(1)", ".hours(1)"), invoke], "Hourly")]),
        Case("ScheduleTwoTargets", [fn(), fn("Other"), sched([cron, invoke], "First"),
                                    sched([cron, o("target", "scheduler_targets.LambdaInvoke(other)", "target", ".init(.function(other))")], "Second")]),
    ]


def version_cases():
    version = lambda options=(), ident="V1": call("lambda_.Version", "Version", ident, [o("lambda_", "fn", "function", "fn")] + list(options))
    alias = lambda options, ident="Live": call("lambda_.Alias", "Alias", ident, list(options))
    live = o("alias_name", '"live"', "aliasName", '"live"')
    return [
        Case("VersionPlain", [fn(), version()]),
        Case("VersionDescribed", [fn(), version([o("description", '"First"', "description", '"First"')])]),
        Case("VersionProvisioned", [fn(), version([o("provisioned_concurrent_executions", "2", "provisionedConcurrentExecutions", "2")])]),
        Case("VersionRetain", [fn(), version([o("removal_policy", "RemovalPolicy.RETAIN", "removalPolicy", ".retain")])]),
        Case("VersionDestroy", [fn(), version([o("removal_policy", "RemovalPolicy.DESTROY", "removalPolicy", ".destroy")])]),
        Case("AliasPlain", [fn(), version(), alias([live, o("version", "v1", "version", "v1")])]),
        Case("AliasDescribedProvisioned", [fn(), version(), alias([live, o("version", "v1", "version", "v1"), o("description", '"Live traffic"', "description", '"Live traffic"'),
                                                                  o("provisioned_concurrent_executions", "5", "provisionedConcurrentExecutions", "5")])]),
        Case("AliasWeighted", [fn(), version(), version((), "V2"), alias([live, o("version", "v2", "version", "v2"),
                               o("additional_versions", "[lambda_.VersionWeight(version=v1, weight=0.1)]", "additionalVersions", "[(v1, 0.1)]")])]),
        Case("AliasAutoScaling", [fn(), version(), alias([live, o("version", "v1", "version", "v1"), o("provisioned_concurrent_executions", "2", "provisionedConcurrentExecutions", "2"),
                                                         o(None, None, "autoScaling", ".init(minCapacity: 2, maxCapacity: 20, utilizationTarget: 0.7)")]),
                                  stmt("live.add_auto_scaling(min_capacity=2, max_capacity=20).scale_on_utilization(utilization_target=0.7)", None)]),
        Case("AliasScheduledScaling", [fn(), version(), alias([live, o("version", "v1", "version", "v1"),
                                                              o(None, None, "autoScaling", '.init(maxCapacity: 50, scheduled: [.init("Morning", schedule: .cron(minute: "0", hour: "8"), minCapacity: 10), .init("Night", schedule: .cron(minute: "0", hour: "22"), minCapacity: 1, maxCapacity: 5)])')]),
                                       stmt('sc = live.add_auto_scaling(max_capacity=50); sc.scale_on_schedule("Morning", schedule=appscaling.Schedule.cron(hour="8", minute="0"), min_capacity=10); sc.scale_on_schedule("Night", schedule=appscaling.Schedule.cron(hour="22", minute="0"), min_capacity=1, max_capacity=5)', None)]),
        Case("AliasArnOutput", [fn(), version(), alias([live, o("version", "v1", "version", "v1")]),
                                stmt('cdk.CfnOutput(s, "AliasArn", value=live.function_arn)', 'Output("AliasArn", value: live.arn)')]),
        Case("CurrentVersionPlain", [fn(), stmt("fn.current_version", "fn.currentVersion")]),
        Case("CurrentVersionOptions", [fn(options=[o("current_version_options", 'lambda_.VersionOptions(description="Release", provisioned_concurrent_executions=3, removal_policy=RemovalPolicy.RETAIN)', None, None)]),
                                       stmt("fn.current_version", 'fn.currentVersion(description: "Release", provisionedConcurrentExecutions: 3, removalPolicy: .retain)')]),
        Case("CurrentVersionConfigured", [fn(options=[o("memory_size", "256", "memorySize", "256"), o("timeout", "Duration.seconds(10)", "timeout", ".seconds(10)"),
                                                      o("environment", '{"STAGE": "prod", "MODE": "fast"}', "environment", '["STAGE": "prod", "MODE": "fast"]'),
                                                      o("tracing", "lambda_.Tracing.ACTIVE", "tracing", ".active"), o("description", '"Checkout"', "description", '"Checkout"')]),
                                          stmt("fn.current_version", "fn.currentVersion")]),
        Case("CurrentVersionReservedConcurrency", [fn(options=[o("reserved_concurrent_executions", "10", "reservedConcurrentExecutions", "10")]),
                                                   stmt("fn.current_version", "fn.currentVersion")]),
        Case("CurrentVersionAlias", [fn(), stmt("fn.current_version", "fn.currentVersion"),
                                     alias([live, o("version", "fn.current_version", "version", "fn.currentVersion"),
                                            o("provisioned_concurrent_executions", "2", "provisionedConcurrentExecutions", "2")])]),
        Case("CurrentVersionLayers", [call("lambda_.LayerVersion", "LayerVersion", "Layer", [o("code", 'lambda_.Code.from_bucket(s3.Bucket.from_bucket_name(s, "LayerBucket", "shop-layers"), "layer.zip")',
                                                                                            "code", '.s3(bucket: "shop-layers", key: "layer.zip")'),
                                                                                          o("compatible_runtimes", "[lambda_.Runtime.NODEJS_22_X]", "compatibleRuntimes", "[.nodejs22]")]),
                                      fn(options=[o("layers", "[layer]", "layers", "[layer]")]), stmt("fn.current_version", "fn.currentVersion")]),
        Case("CurrentVersionLayersRecognized", [stmt('s.node.set_context("@aws-cdk/aws-lambda:recognizeLayerVersion", True)', None), call("lambda_.LayerVersion", "LayerVersion", "Layer", [o("code", 'lambda_.Code.from_bucket(s3.Bucket.from_bucket_name(s, "LayerBucket", "shop-layers"), "layer.zip")',
                                                                                            "code", '.s3(bucket: "shop-layers", key: "layer.zip")'),
                                                                                          o("compatible_runtimes", "[lambda_.Runtime.NODEJS_22_X]", "compatibleRuntimes", "[.nodejs22]")]),
                                      fn(options=[o("layers", "[layer]", "layers", "[layer]")]), stmt("fn.current_version", "fn.currentVersion(recognizeLayerVersion: true)")]),
        Case("CurrentVersionRecognizedNoLayers", [stmt('s.node.set_context("@aws-cdk/aws-lambda:recognizeLayerVersion", True)', None), call("lambda_.LayerVersion", "LayerVersion", "Layer", [o("code", 'lambda_.Code.from_bucket(s3.Bucket.from_bucket_name(s, "LayerBucket", "shop-layers"), "layer.zip")',
                                                                                            "code", '.s3(bucket: "shop-layers", key: "layer.zip")'),
                                                                                          o("compatible_runtimes", "[lambda_.Runtime.NODEJS_22_X]", "compatibleRuntimes", "[.nodejs22]")]),
                                      fn(), stmt("fn.current_version", "fn.currentVersion(recognizeLayerVersion: true)")]),
    ]


def function_runtime_cases():
    key = call("kms.Key", "Key", "Key", [])
    java = [o("runtime", "lambda_.Runtime.JAVA_21", "runtime", ".java21"), o("handler", '"shop.Handler::handleRequest"', "handler", '"shop.Handler::handleRequest"'),
            o("code", 'lambda_.Code.from_bucket(s3.Bucket.from_bucket_name(s, "CodeBucket", "shop-code"), "app.jar")', "code", '.s3(bucket: "shop-code", key: "app.jar")')]
    return [
        Case("FunctionEphemeralStorage", [fn(options=[o("ephemeral_storage_size", "Size.mebibytes(2048)", "ephemeralStorageSize", "2048")])]),
        Case("FunctionEnvironmentEncryption", [key, fn(options=[o("environment", '{"STAGE": "prod"}', "environment", '["STAGE": "prod"]'),
                                                                o("environment_encryption", "key", "environmentEncryption", "key")])]),
        Case("FunctionSnapStart", [call("lambda_.Function", "Function", "Fn", java + [o("snap_start", "lambda_.SnapStartConf.ON_PUBLISHED_VERSIONS", "snapStart", "true")])]),
        Case("FunctionSnapStartPython", [call("lambda_.Function", "Function", "Fn", [
            o("runtime", "lambda_.Runtime.PYTHON_3_13", "runtime", ".python313"), o("handler", '"index.handler"', "handler", '"index.handler"'),
            o("code", 'lambda_.Code.from_inline("def handler(e, c): return {}")', "code", '.inline("def handler(e, c): return {}")'),
            o("snap_start", "lambda_.SnapStartConf.ON_PUBLISHED_VERSIONS", "snapStart", "true")])]),
        Case("FunctionSnsEventSource", [topic(), fn(), stmt("fn.add_event_source(les.SnsEventSource(topic))", "fn.consumes(topic)")]),
    ]


# CDK's StandardAttributes, Python name and Swift name, in the order CDK writes them.
STANDARD_ATTRIBUTES = [("address", "address"), ("birthdate", "birthdate"), ("email", "email"), ("family_name", "familyName"),
                       ("fullname", "fullname"), ("gender", "gender"), ("given_name", "givenName"), ("last_update_time", "lastUpdateTime"),
                       ("locale", "locale"), ("middle_name", "middleName"), ("nickname", "nickname"), ("phone_number", "phoneNumber"),
                       ("preferred_username", "preferredUsername"), ("profile_page", "profilePage"), ("profile_picture", "profilePicture"),
                       ("timezone", "timezone"), ("website", "website")]


def cognito_cases():
    pool = lambda options=(): call("cognito.UserPool", "UserPool", "Pool", list(options))
    std = lambda py, swift: o("standard_attributes", f"cognito.StandardAttributes({py})", "standardAttributes", f".init({swift})")
    custom = lambda py, swift: o("custom_attributes", f"{{{py}}}", "customAttributes", f"[{swift}]" if swift else "[:]")
    cases = variants("UserPool", pool, [
        ("Name", [("Given", o("user_pool_name", '"customers"', "userPoolName", '"customers"'))]),
        ("SelfSignUp", [("On", o("self_sign_up_enabled", "True", "selfSignUpEnabled", "true")), ("Off", o("self_sign_up_enabled", "False", "selfSignUpEnabled", "false"))]),
        ("SignIn", [("Email", o("sign_in_aliases", "cognito.SignInAliases(email=True)", "signInAliases", "[.email]")),
                    ("UsernameAndEmail", o("sign_in_aliases", "cognito.SignInAliases(username=True, email=True)", "signInAliases", "[.username, .email]")),
                    ("UsernamePreferred", o("sign_in_aliases", "cognito.SignInAliases(username=True, preferred_username=True)", "signInAliases", "[.username, .preferredUsername]"))]),
        ("AutoVerify", [("Email", o("auto_verify", "cognito.AutoVerifiedAttrs(email=True)", "autoVerify", "[.email]"))]),
        ("Password", [("Length", o("password_policy", "cognito.PasswordPolicy(min_length=12)", "passwordPolicy", ".init(minLength: 12)")),
                      ("Full", o("password_policy", "cognito.PasswordPolicy(min_length=10, require_lowercase=True, require_uppercase=False, require_digits=True, require_symbols=False, temp_password_validity=Duration.days(3))",
                                 "passwordPolicy", ".init(minLength: 10, requireLowercase: true, requireUppercase: false, requireDigits: true, requireSymbols: false, temporaryPasswordValidityDays: 3)"))]),
        ("Mfa", [("Off", o("mfa", "cognito.Mfa.OFF", "mfa", ".off")),
                 ("OptionalOtp", o("mfa", "cognito.Mfa.OPTIONAL, mfa_second_factor=cognito.MfaSecondFactor(otp=True, sms=False)", "mfa", ".optional(otp: true)")),
                 ("RequiredOtp", o("mfa", "cognito.Mfa.REQUIRED, mfa_second_factor=cognito.MfaSecondFactor(otp=True, sms=False)", "mfa", ".required(otp: true)")),
                 ("OptionalOtpAndSms", o("mfa", "cognito.Mfa.OPTIONAL, mfa_second_factor=cognito.MfaSecondFactor(otp=True, sms=True)", "mfa", ".optional(otp: true, sms: true)")),
                 ("RequiredSms", o("mfa", "cognito.Mfa.REQUIRED, mfa_second_factor=cognito.MfaSecondFactor(otp=False, sms=True)", "mfa", ".required(otp: false, sms: true)"))]),
        ("Recovery", [("EmailOnly", o("account_recovery", "cognito.AccountRecovery.EMAIL_ONLY", "accountRecovery", ".emailOnly")),
                      ("EmailAndPhone", o("account_recovery", "cognito.AccountRecovery.EMAIL_AND_PHONE_WITHOUT_MFA", "accountRecovery", ".emailAndPhoneWithoutMFA")),
                      ("PhoneOnly", o("account_recovery", "cognito.AccountRecovery.PHONE_ONLY_WITHOUT_MFA", "accountRecovery", ".phoneOnlyWithoutMFA")),
                      ("None", o("account_recovery", "cognito.AccountRecovery.NONE", "accountRecovery", ".none"))]),
        ("DeletionProtection", [("On", o("deletion_protection", "True", "deletionProtection", "true")), ("Off", o("deletion_protection", "False", "deletionProtection", "false"))]),
        ("RemovalPolicy", [("Destroy", o("removal_policy", "RemovalPolicy.DESTROY", "removalPolicy", ".destroy"))]),
        ("StandardAttributes", [("None", std("", "")),
                                ("Default", std("fullname=cognito.StandardAttribute()", "fullname: .init()")),
                                ("DefaultGiven", std("fullname=cognito.StandardAttribute(required=False, mutable=True)", "fullname: .init(required: false, mutable: true)")),
                                ("Required", std("email=cognito.StandardAttribute(required=True, mutable=False)", "email: .init(required: true, mutable: false)")),
                                ("Several", std("phone_number=cognito.StandardAttribute(required=True), email=cognito.StandardAttribute(required=True, mutable=False), fullname=cognito.StandardAttribute(mutable=False)",
                                                "email: .init(required: true, mutable: false), fullname: .init(mutable: false), phoneNumber: .init(required: true)")),
                                ("All", std(", ".join(f"{py}=cognito.StandardAttribute()" for py, _ in STANDARD_ATTRIBUTES),
                                            ", ".join(f"{swift}: .init()" for _, swift in STANDARD_ATTRIBUTES)))]),
        ("CustomAttributes", [("None", custom("", "")),
                              ("String", custom('"tenant": cognito.StringAttribute(min_len=1, max_len=64, mutable=False)', '"tenant": .string(minLen: 1, maxLen: 64, mutable: false)')),
                              ("StringPlain", custom('"tenant": cognito.StringAttribute()', '"tenant": .string()')),
                              ("StringMaxOnly", custom('"tenant": cognito.StringAttribute(max_len=2048)', '"tenant": .string(maxLen: 2048)')),
                              ("StringZeroMin", custom('"tenant": cognito.StringAttribute(min_len=0), "team": cognito.StringAttribute(min_len=0, max_len=10)',
                                                       '"tenant": .string(minLen: 0), "team": .string(minLen: 0, maxLen: 10)')),
                              ("Number", custom('"age": cognito.NumberAttribute(min=1, max=150, mutable=True)', '"age": .number(min: 1, max: 150, mutable: true)')),
                              ("NumberPlain", custom('"age": cognito.NumberAttribute(), "score": cognito.NumberAttribute(min=0), "level": cognito.NumberAttribute(max=9)',
                                                     '"age": .number(), "score": .number(min: 0), "level": .number(max: 9)')),
                              ("Boolean", custom('"vip": cognito.BooleanAttribute(mutable=False), "beta": cognito.BooleanAttribute()', '"vip": .boolean(mutable: false), "beta": .boolean()')),
                              ("DateTime", custom('"joined": cognito.DateTimeAttribute(mutable=True), "left": cognito.DateTimeAttribute()', '"joined": .dateTime(mutable: true), "left": .dateTime()')),
                              ("Mixed", custom('"tier": cognito.StringAttribute(max_len=16), "age": cognito.NumberAttribute(min=18), "vip": cognito.BooleanAttribute(), "joined": cognito.DateTimeAttribute()',
                                               '"tier": .string(maxLen: 16), "age": .number(min: 18), "vip": .boolean(), "joined": .dateTime()'))]),
    ])
    cases.append(Case("UserPoolStandardAndCustomAttributes", [pool([std("email=cognito.StandardAttribute(required=True)", "email: .init(required: true)"),
                                                                   custom('"tenant": cognito.StringAttribute()', '"tenant": .string()')])]))
    def client(py, swift):
        return [pool(), stmt(f'pool.add_client("Web"{py})', f'pool.client("Web"{swift})')]
    cases += [
        Case("UserPoolTrigger", [fn(), pool([o("lambda_triggers", "cognito.UserPoolTriggers(pre_sign_up=fn)", "triggers", "[.preSignUp: fn]")])]),
        Case("UserPoolTriggers", [fn(), fn("Confirm"), pool([o("lambda_triggers", "cognito.UserPoolTriggers(pre_sign_up=fn, post_confirmation=confirm, pre_token_generation=confirm, custom_message=fn)",
                                                             "triggers", "[.preSignUp: fn, .postConfirmation: confirm, .preTokenGeneration: confirm, .customMessage: fn]")])]),
        Case("UserPoolDomain", [pool(), stmt('pool.add_domain("Domain", cognito_domain=cognito.CognitoDomainOptions(domain_prefix="shop-sign-in"))', 'pool.domain("Domain", prefix: "shop-sign-in")')]),
        Case("UserPoolClientDefault", client("", "")),
        Case("UserPoolClientNoOAuth", client(', disable_o_auth=True, auth_flows=cognito.AuthFlow(user_srp=True)', ", authFlows: [.userSrp], oAuth: nil")),
        Case("UserPoolClientAllFlows", client(", auth_flows=cognito.AuthFlow(user_srp=True, user_password=True, admin_user_password=True, custom=True)",
                                              ", authFlows: [.userSrp, .userPassword, .adminUserPassword, .custom]")),
        Case("UserPoolClientSecretNamed", client(', generate_secret=True, user_pool_client_name="web", prevent_user_existence_errors=True',
                                                 ', clientName: "web", generateSecret: true, preventUserExistenceErrors: true')),
        Case("UserPoolClientOAuth", client(', o_auth=cognito.OAuthSettings(flows=cognito.OAuthFlows(authorization_code_grant=True), scopes=[cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL], '
                                           'callback_urls=["https://shop.example.com/cb"], logout_urls=["https://shop.example.com"])',
                                           ', oAuth: .init(flows: [.authorizationCodeGrant], scopes: ["openid", "email"], callbackURLs: ["https://shop.example.com/cb"], logoutURLs: ["https://shop.example.com"])')),
        Case("UserPoolClientTokens", client(", access_token_validity=Duration.minutes(30), id_token_validity=Duration.hours(1), refresh_token_validity=Duration.days(7)",
                                            ", accessTokenValidity: .minutes(30), idTokenValidity: .hours(1), refreshTokenValidity: .days(7)")),
        Case("UserPoolClientAccessTokenOnly", client(", access_token_validity=Duration.minutes(30)", ", accessTokenValidity: .minutes(30)")),
        Case("UserPoolClientIdTokenOnly", client(", id_token_validity=Duration.hours(2)", ", idTokenValidity: .hours(2)")),
        Case("UserPoolClientRefreshTokenOnly", client(", refresh_token_validity=Duration.days(30)", ", refreshTokenValidity: .days(30)")),
        Case("UserPoolClientAccessAndRefreshTokens", client(", access_token_validity=Duration.hours(1), refresh_token_validity=Duration.days(7)",
                                                            ", accessTokenValidity: .hours(1), refreshTokenValidity: .days(7)")),
        Case("UserPoolClientLogoutURLsEmpty", client(", o_auth=cognito.OAuthSettings(logout_urls=[])", ", oAuth: .init(logoutURLs: [])")),
        Case("UserPoolClientImplicitOnly", client(", o_auth=cognito.OAuthSettings(flows=cognito.OAuthFlows(implicit_code_grant=True))", ", oAuth: .init(flows: [.implicitCodeGrant])")),
        Case("UserPoolClientScopesAddOpenid", client(', o_auth=cognito.OAuthSettings(scopes=[cognito.OAuthScope.EMAIL, cognito.OAuthScope.custom("shop/orders.read"), cognito.OAuthScope.EMAIL])',
                                                     ', oAuth: .init(scopes: [.email, .custom("shop/orders.read"), .email])')),
        Case("UserPoolClientScopesNoOpenid", client(', o_auth=cognito.OAuthSettings(scopes=[cognito.OAuthScope.COGNITO_ADMIN, cognito.OAuthScope.custom("shop/orders.read")])',
                                                    ', oAuth: .init(scopes: [.cognitoAdmin, "shop/orders.read"])')),
        Case("UserPoolClientScopesAll", client(', o_auth=cognito.OAuthSettings(scopes=[cognito.OAuthScope.PHONE, cognito.OAuthScope.EMAIL, cognito.OAuthScope.OPENID, cognito.OAuthScope.PROFILE, cognito.OAuthScope.COGNITO_ADMIN])',
                                               ', oAuth: .init(scopes: [.phone, .email, .openid, .profile, .cognitoAdmin])')),
        Case("UserPoolResourceServer", [pool(), stmt('pool.add_resource_server("Api", identifier="orders")', 'pool.resourceServer("Api", identifier: "orders")')]),
        Case("UserPoolResourceServerScopes", [pool(), stmt('pool.add_resource_server("Api", identifier="https://api.example.com", user_pool_resource_server_name="Orders API", '
                                                           'scopes=[cognito.ResourceServerScope(scope_name="read", scope_description="Read orders"), cognito.ResourceServerScope(scope_name="write", scope_description="Place orders")])',
                                                           'pool.resourceServer("Api", identifier: "https://api.example.com", userPoolResourceServerName: "Orders API", '
                                                           'scopes: [.init(scopeName: "read", scopeDescription: "Read orders"), .init(scopeName: "write", scopeDescription: "Place orders")])')]),
        Case("UserPoolResourceServerNoScopes", [pool(), stmt('pool.add_resource_server("Api", identifier="orders", scopes=[])', 'pool.resourceServer("Api", identifier: "orders", scopes: [])')]),
        Case("UserPoolClientCredentials", [pool(), construct(
            'read = cognito.ResourceServerScope(scope_name="read", scope_description="Read orders"); '
            'write = cognito.ResourceServerScope(scope_name="write", scope_description="Place orders"); '
            'server = pool.add_resource_server("Api", identifier="orders", scopes=[read, write])',
            'let read = UserPoolResourceServer.Scope(scopeName: "read", scopeDescription: "Read orders"); '
            'let write = UserPoolResourceServer.Scope(scopeName: "write", scopeDescription: "Place orders"); '
            'let server = pool.resourceServer("Api", identifier: "orders", scopes: [read, write])', "server"),
            stmt('pool.add_client("Machine", generate_secret=True, o_auth=cognito.OAuthSettings(flows=cognito.OAuthFlows(client_credentials=True), '
                 'scopes=[cognito.OAuthScope.resource_server(server, read), cognito.OAuthScope.resource_server(server, write)]))',
                 'pool.client("Machine", generateSecret: true, oAuth: .init(flows: [.clientCredentials], scopes: [.resourceServer(server, read), .resourceServer(server, write)]))')]),
        Case("UserPoolClientCredentialsCallback", [pool(), construct(
            'read = cognito.ResourceServerScope(scope_name="read", scope_description="Read orders"); server = pool.add_resource_server("Api", identifier="orders", scopes=[read])',
            'let read = UserPoolResourceServer.Scope(scopeName: "read", scopeDescription: "Read orders"); let server = pool.resourceServer("Api", identifier: "orders", scopes: [read])', "server"),
            stmt('pool.add_client("Machine", generate_secret=True, o_auth=cognito.OAuthSettings(flows=cognito.OAuthFlows(client_credentials=True), '
                 'scopes=[cognito.OAuthScope.resource_server(server, read)], callback_urls=["https://machine.example.com/cb"]))',
                 'pool.client("Machine", generateSecret: true, oAuth: .init(flows: [.clientCredentials], scopes: [.resourceServer(server, read)], callbackURLs: ["https://machine.example.com/cb"]))')]),
        Case("UserPoolResourceServerOutput", [pool(), construct('server = pool.add_resource_server("Api", identifier="orders")', 'let server = pool.resourceServer("Api", identifier: "orders")', "server"),
                                              stmt('cdk.CfnOutput(s, "ServerId", value=server.user_pool_resource_server_id)', 'Output("ServerId", value: server.userPoolResourceServerId)')]),
        Case("UserPoolOutputs", [pool(), stmt('cdk.CfnOutput(s, "PoolId", value=pool.user_pool_id)', 'Output("PoolId", value: pool.userPoolId)'),
                                 stmt('cdk.CfnOutput(s, "PoolArn", value=pool.user_pool_arn)', 'Output("PoolArn", value: pool.arn)')]),
    ]
    return cases


def authorizer_cases():
    token = construct('auth = apigw.TokenAuthorizer(s, "Auth", handler=authFn)', 'let auth = LambdaAuthorizer("Auth", handler: authFn)', "auth")
    def with_auth(auth, py_method, swift_route, more=()):
        return [fn("AuthFn"), auth] + list(more) + rest_api([("GET", "/orders", "fn", ("", py_method), swift_route)])
    pool = call("cognito.UserPool", "UserPool", "Pool", [])
    cognito_auth = construct('auth = apigw.CognitoUserPoolsAuthorizer(s, "Auth", cognito_user_pools=[pool])', 'let auth = CognitoAuthorizer("Auth", userPools: [pool])', "auth")
    return [
        Case("AuthorizerToken", with_auth(token, ", authorizer=auth", ", authorization: .lambda(auth)")),
        Case("AuthorizerTokenOptions", with_auth(construct(
            'auth = apigw.TokenAuthorizer(s, "Auth", handler=authFn, identity_source="method.request.header.X-Token", validation_regex="^Bearer .+$", results_cache_ttl=Duration.minutes(10), authorizer_name="shop-token")',
            'let auth = LambdaAuthorizer("Auth", handler: authFn, kind: .token(identitySource: "method.request.header.X-Token", validationRegex: "^Bearer .+$"), resultsCacheTtl: .minutes(10), authorizerName: "shop-token")', "auth"),
            ", authorizer=auth", ", authorization: .lambda(auth)")),
        Case("AuthorizerTokenNoCache", with_auth(construct('auth = apigw.TokenAuthorizer(s, "Auth", handler=authFn, results_cache_ttl=Duration.seconds(0))',
                                                           'let auth = LambdaAuthorizer("Auth", handler: authFn, resultsCacheTtl: .seconds(0))', "auth"),
                                                 ", authorizer=auth", ", authorization: .lambda(auth)")),
        Case("AuthorizerRequest", with_auth(construct(
            'auth = apigw.RequestAuthorizer(s, "Auth", handler=authFn, identity_sources=[apigw.IdentitySource.header("Authorization"), apigw.IdentitySource.query_string("tenant")])',
            'let auth = LambdaAuthorizer("Auth", handler: authFn, kind: .request(identitySources: ["method.request.header.Authorization", "method.request.querystring.tenant"]))', "auth"),
            ", authorizer=auth", ", authorization: .lambda(auth)")),
        Case("AuthorizerCognito", [pool, cognito_auth] + rest_api([("GET", "/orders", "fn", ("", ", authorizer=auth"), ", authorization: .cognito(auth)")])),
        Case("AuthorizerCognitoScopes", [pool, cognito_auth] + rest_api([("GET", "/orders", "fn", ("", ', authorizer=auth, authorization_scopes=["shop/orders.read"]'),
                                                                           ', authorization: .cognito(auth, scopes: ["shop/orders.read"])')])),
        Case("AuthorizerCognitoCached", [pool, construct('auth = apigw.CognitoUserPoolsAuthorizer(s, "Auth", cognito_user_pools=[pool], results_cache_ttl=Duration.minutes(5))',
                                                         'let auth = CognitoAuthorizer("Auth", userPools: [pool], resultsCacheTtl: .minutes(5))', "auth")]
                                        + rest_api([("GET", "/orders", "fn", ("", ", authorizer=auth"), ", authorization: .cognito(auth)")])),
        Case("AuthorizerTwoRoutes", [fn("AuthFn"), token] + rest_api([("GET", "/orders", "fn", ("", ", authorizer=auth"), ", authorization: .lambda(auth)"),
                                                                     ("POST", "/orders", "fn", ("", ", authorizer=auth"), ", authorization: .lambda(auth)"),
                                                                     ("GET", "/health", "fn", ("", ""), "")])),
    ]


def http_authorizer_cases():
    def api(py_authorizer, swift_authorizer, py_route, swift_route, functions=("Fn",), path="/orders", method="GET"):
        py = ([py_authorizer] if py_authorizer else []) + ['api = apigwv2.HttpApi(s, "Api")',
              f'api.add_routes(path="{path}", methods=[apigwv2.HttpMethod.{method}], integration=integrations.HttpLambdaIntegration("Integration", fn){py_route})']
        swift = f'{swift_authorizer}; let api = HttpApi("Api") {{ Route(.{method.lower()}, "{path}", to: fn{swift_route}) }}' if swift_authorizer else \
            f'let api = HttpApi("Api") {{ Route(.{method.lower()}, "{path}", to: fn{swift_route}) }}'
        return [fn(name) for name in functions] + [construct("; ".join(py), swift, "api")]
    jwt_py = 'jwt = authorizers.HttpJwtAuthorizer("Jwt", "https://issuer.example.com", jwt_audience=["shop"])'
    jwt_swift = 'let jwt = HttpAuthorizer.jwt("Jwt", issuer: "https://issuer.example.com", audience: ["shop"])'
    lam_py = 'lam = authorizers.HttpLambdaAuthorizer("Lam", authFn{})'
    lam_swift = 'let lam = HttpAuthorizer.lambda("Lam", handler: authFn{})'
    return [
        Case("HttpAuthorizerJwt", api(jwt_py, jwt_swift, ", authorizer=jwt", ", authorization: .http(jwt)")),
        Case("HttpAuthorizerJwtScopes", api(jwt_py, jwt_swift, ', authorizer=jwt, authorization_scopes=["orders:read"]', ', authorization: .http(jwt, scopes: ["orders:read"])')),
        Case("HttpAuthorizerJwtNamed", api('jwt = authorizers.HttpJwtAuthorizer("Jwt", "https://issuer.example.com", jwt_audience=["shop", "admin"], authorizer_name="shop-jwt", identity_source=["$request.header.X-Token"])',
                                           'let jwt = HttpAuthorizer.jwt("Jwt", issuer: "https://issuer.example.com", audience: ["shop", "admin"], identitySource: ["$request.header.X-Token"], name: "shop-jwt")',
                                           ", authorizer=jwt", ", authorization: .http(jwt)")),
        Case("HttpAuthorizerLambda", api(lam_py.format(""), lam_swift.format(""), ", authorizer=lam", ", authorization: .http(lam)", functions=("Fn", "AuthFn"))),
        Case("HttpAuthorizerLambdaSimple", api(lam_py.format(", response_types=[authorizers.HttpLambdaResponseType.SIMPLE], results_cache_ttl=Duration.minutes(1)"),
                                               lam_swift.format(", simpleResponses: true, resultsCacheTtl: .minutes(1)"), ", authorizer=lam", ", authorization: .http(lam)", functions=("Fn", "AuthFn"))),
        Case("HttpAuthorizerIam", api(None, None, ", authorizer=authorizers.HttpIamAuthorizer()", ", authorization: .iam")),
    ] + http_default_authorizer_cases(jwt_py, jwt_swift, lam_py.format(""), lam_swift.format(""))


def http_default_authorizer_cases(jwt_py, jwt_swift, lam_py, lam_swift):
    """`defaultAuthorizer` and `defaultAuthorizationScopes` of an HTTP API, each route inheriting or overriding them,
    and the user pool authorizer."""
    def api(py_setup, swift_setup, py_options, swift_options, second=("", ""), functions=("Fn",), shared=False):
        integration = "integ" if shared else None
        return shared_api([("integ", "OrdersIntegration", "fn", "", "")] if shared else [],
                          [(["GET"], "/orders", integration), (["POST"], "/orders", integration, second[0], second[1])],
                          functions=functions, py_options=py_options, swift_options=swift_options,
                          py_setup=[py_setup] if py_setup else [], swift_setup=[swift_setup] if swift_setup else [])
    jwt = (", default_authorizer=jwt", ", defaultAuthorizer: jwt")
    scopes = (', default_authorization_scopes=["orders/read"]', ', defaultAuthorizationScopes: ["orders/read"]')
    jwt_scopes = (jwt[0] + scopes[0], jwt[1] + scopes[1])
    pool = ('pool = cognito.UserPool(s, "Pool")', 'let pool = UserPool("Pool")')
    web = ('web = pool.add_client("Web")', 'let web = pool.client("Web")')
    pool_stmt = [construct(pool[0], pool[1], "pool")]
    web_stmt = [construct(web[0], web[1], "web")]
    return [
        Case("HttpAuthorizerDefault", api(jwt_py, jwt_swift, *jwt)),
        Case("HttpAuthorizerDefaultScopes", api(jwt_py, jwt_swift, *jwt_scopes)),
        Case("HttpAuthorizerDefaultScopesEmpty", api(jwt_py, jwt_swift, jwt[0] + ", default_authorization_scopes=[]", jwt[1] + ", defaultAuthorizationScopes: []")),
        Case("HttpAuthorizerDefaultScopesTwo", api(jwt_py, jwt_swift, jwt[0] + ', default_authorization_scopes=["orders/read", "orders/list", "orders/read"]',
                                                   jwt[1] + ', defaultAuthorizationScopes: ["orders/read", "orders/list", "orders/read"]')),
        Case("HttpAuthorizerDefaultRouteScopes", api(jwt_py, jwt_swift, *jwt_scopes, second=(', authorization_scopes=["orders/write"]', ', authorization: .http(jwt, scopes: ["orders/write"])'))),
        Case("HttpAuthorizerDefaultRouteNone", api(jwt_py, jwt_swift, *jwt_scopes, second=(", authorizer=apigwv2.HttpNoneAuthorizer()", ", authorization: .none"))),
        Case("HttpAuthorizerDefaultRouteNoneNoScopes", api(jwt_py, jwt_swift, *jwt, second=(", authorizer=apigwv2.HttpNoneAuthorizer()", ", authorization: .none"))),
        Case("HttpAuthorizerDefaultRouteIam", api(jwt_py, jwt_swift, *jwt_scopes, second=(", authorizer=authorizers.HttpIamAuthorizer()", ", authorization: .iam"))),
        Case("HttpAuthorizerDefaultRouteLambda", api(jwt_py + "; " + lam_py, jwt_swift + "; " + lam_swift, *jwt_scopes,
                                                     second=(", authorizer=lam", ", authorization: .http(lam)"), functions=("Fn", "AuthFn"))),
        Case("HttpAuthorizerDefaultLambda", api(lam_py, lam_swift, ", default_authorizer=lam", ", defaultAuthorizer: lam", functions=("Fn", "AuthFn"))),
        Case("HttpAuthorizerScopesWithoutDefault", api(None, None, *scopes, second=(", authorizer=apigwv2.HttpNoneAuthorizer()", ", authorization: .none"))),
        Case("HttpAuthorizerDefaultSharedIntegration", api(jwt_py, jwt_swift, *jwt_scopes, shared=True)),
        Case("HttpAuthorizerUserPool", pool_stmt + web_stmt + api('auth = authorizers.HttpUserPoolAuthorizer("Cognito", pool, user_pool_clients=[web])',
                                                                  'let auth = HttpAuthorizer.userPool("Cognito", pool: pool, clients: [web])', "", "",
                                                                  second=(", authorizer=auth", ", authorization: .http(auth)"))),
        Case("HttpAuthorizerUserPoolDefault", pool_stmt + api('auth = authorizers.HttpUserPoolAuthorizer("Cognito", pool)',
                                                              'let auth = HttpAuthorizer.userPool("Cognito", pool: pool)',
                                                              ", default_authorizer=auth" + scopes[0], ", defaultAuthorizer: auth" + scopes[1])),
        Case("HttpAuthorizerUserPoolOptions", pool_stmt + web_stmt + api(
            'auth = authorizers.HttpUserPoolAuthorizer("Cognito", pool, user_pool_clients=[web], user_pool_region="us-east-1", authorizer_name="shop-users", identity_source=["$request.header.X-Token"])',
            'let auth = HttpAuthorizer.userPool("Cognito", pool: pool, clients: [web], region: "us-east-1", identitySource: ["$request.header.X-Token"], name: "shop-users")',
            ", default_authorizer=auth", ", defaultAuthorizer: auth")),
        Case("HttpAuthorizerUserPoolInRegion", pool_stmt + api('auth = authorizers.HttpUserPoolAuthorizer("Cognito", pool)',
                                                               'let auth = HttpAuthorizer.userPool("Cognito", pool: pool)', ", default_authorizer=auth", ", defaultAuthorizer: auth"),
             region="eu-west-1"),
    ]


def vpc_cases():
    vpc = stmt('vpc = ec2.Vpc.from_vpc_attributes(s, "Vpc", vpc_id="vpc-0abc1234", availability_zones=["eu-west-1a", "eu-west-1b"], private_subnet_ids=["subnet-1", "subnet-2"])', None)
    placement = lambda swift_extra="": o("vpc", "vpc", "vpc", f'.init(vpcId: "vpc-0abc1234", subnetIds: ["subnet-1", "subnet-2"]{swift_extra})')
    group = lambda options, ident="Db": call("ec2.SecurityGroup", "SecurityGroup", ident, [o("vpc", "vpc", "vpcId", '"vpc-0abc1234"')] + list(options))
    return [
        Case("VpcFunction", [vpc, fn(options=[placement()])]),
        Case("VpcFunctionClosedGroup", [vpc, fn(options=[placement(", allowAllOutbound: false"), o("allow_all_outbound", "False", None, None)])]),
        Case("VpcFunctionOwnGroup", [vpc, group([o("description", '"functions"', "description", '"functions"')], "Group"),
                                     fn(options=[o("vpc", "vpc", "vpc", '.init(vpcId: "vpc-0abc1234", subnetIds: ["subnet-1", "subnet-2"], securityGroups: [group])'),
                                                 o("security_groups", "[group]", None, None)])]),
        Case("VpcFunctionOneSubnet", [vpc, fn(options=[o("vpc", "vpc", "vpc", '.init(vpcId: "vpc-0abc1234", subnetIds: ["subnet-1"])'),
                                                       o("vpc_subnets", "ec2.SubnetSelection(subnets=vpc.private_subnets[:1])", None, None)])]),
        Case("SecurityGroupPlain", [vpc, group([])]),
        Case("SecurityGroupClosed", [vpc, group([o("allow_all_outbound", "False", "allowAllOutbound", "false")])]),
        Case("SecurityGroupIngress", [vpc, group([o("description", '"database"', "description", '"database"'), o("allow_all_outbound", "False", "allowAllOutbound", "false"),
                                                  o(None, None, "ingress", '[.init(.securityGroupId("sg-0123456789abcdef0"), .tcp(5432), description: "from functions"), .init(.ipv4("10.0.0.0/16"), .tcpRange(8000, 8080)), .init(.anyIPv4, .allTraffic)]')]),
                                      stmt('db.add_ingress_rule(ec2.Peer.security_group_id("sg-0123456789abcdef0"), ec2.Port.tcp(5432), "from functions")', None),
                                      stmt('db.add_ingress_rule(ec2.Peer.ipv4("10.0.0.0/16"), ec2.Port.tcp_range(8000, 8080))', None),
                                      stmt('db.add_ingress_rule(ec2.Peer.any_ipv4(), ec2.Port.all_traffic())', None)]),
        Case("SecurityGroupEgress", [vpc, group([o("allow_all_outbound", "False", "allowAllOutbound", "false"),
                                                 o(None, None, "egress", '[.init(.ipv4("10.0.0.0/8"), .tcp(443)), .init(.ipv6("::/0"), .udp(53))]')]),
                                     stmt('db.add_egress_rule(ec2.Peer.ipv4("10.0.0.0/8"), ec2.Port.tcp(443))', None),
                                     stmt('db.add_egress_rule(ec2.Peer.ipv6("::/0"), ec2.Port.udp(53))', None)]),
    ]


def usage_plan_cases():
    routes = [("GET", "/orders", "fn", ("", ", api_key_required=True"), ", apiKeyRequired: true")]
    def plan(py_options, swift_options, keys=()):
        py = [f'plan = api.add_usage_plan("Plan"{py_options})', "plan.add_api_stage(stage=api.deployment_stage)"]
        swift_keys = []
        for ident, py_key, swift_key in keys:
            py += [f'{ident.lower()} = api.add_api_key("{ident}"{py_key})', f"plan.add_api_key({ident.lower()})"]
            swift_keys.append(f'ApiKey("{ident}"{swift_key})')
        swift_key_list = f", apiKeys: [{', '.join(swift_keys)}]" if swift_keys else ""
        return rest_api(routes) + [stmt("; ".join(py), f'api.usagePlan("Plan"{swift_options}{swift_key_list})')]
    return [
        Case("UsagePlanPlain", plan("", "")),
        Case("UsagePlanThrottleQuota", plan(', name="basic", description="Basic tier", throttle=apigw.ThrottleSettings(rate_limit=10, burst_limit=2), quota=apigw.QuotaSettings(limit=1000, period=apigw.Period.DAY)',
                                            ', name: "basic", description: "Basic tier", throttle: .init(rateLimit: 10, burstLimit: 2), quota: .init(limit: 1000, period: .day)')),
        Case("UsagePlanQuotaOffset", plan(", quota=apigw.QuotaSettings(limit=50000, period=apigw.Period.MONTH, offset=2)", ", quota: .init(limit: 50000, period: .month, offset: 2)")),
        Case("UsagePlanKey", plan("", "", keys=[("Key", "", "")])),
        Case("UsagePlanMethodThrottles", [fn(), construct(
            'api = apigw.RestApi(s, "Api"); getOrders = api.root.add_resource("orders").add_method("GET", apigw.LambdaIntegration(fn)); postRoot = api.root.add_method("POST", apigw.LambdaIntegration(fn))',
            'let api = RestApi("Api") { Route(.get, "/orders", to: fn); Route(.post, "/", to: fn) }', "api"),
            stmt('plan = api.add_usage_plan("Plan"); plan.add_api_stage(stage=api.deployment_stage, throttle=[apigw.ThrottlingPerMethod(method=getOrders, throttle=apigw.ThrottleSettings(rate_limit=5, burst_limit=2)), apigw.ThrottlingPerMethod(method=postRoot, throttle=apigw.ThrottleSettings(rate_limit=1))])',
                 'api.usagePlan("Plan", methodThrottles: [.init(.get, "/orders", .init(rateLimit: 5, burstLimit: 2)), .init(.post, "/", .init(rateLimit: 1))])')]),
        Case("UsagePlanNamedKeys", plan("", "", keys=[("Partner", ', api_key_name="partner", description="Partner key"', ', name: "partner", description: "Partner key"'),
                                                     ("Internal", "", "")])),
    ]


def dashboard_cases():
    def dash(py_rows, swift_rows, py_options="", swift_options=""):
        py = [f'dash = cloudwatch.Dashboard(s, "Dash"{py_options})'] + [f"dash.add_widgets({row})" for row in py_rows]
        return construct("; ".join(py), f'let dash = Dashboard("Dash"{swift_options}, rows: [{", ".join("[" + row + "]" for row in swift_rows)}])', "dash")
    errors = ("fn.metric_errors()", "fn.metric(.errors)")
    invocations = ("fn.metric_invocations()", "fn.metric(.invocations)")
    graph = lambda title, left, right=(): (f'cloudwatch.GraphWidget(title="{title}", left=[{", ".join(m[0] for m in left)}]' + (f', right=[{", ".join(m[0] for m in right)}]' if right else "") + ")",
                                           f'.graph(title: "{title}", left: [{", ".join(m[1] for m in left)}]' + (f', right: [{", ".join(m[1] for m in right)}]' if right else "") + ")")
    depth = ('cloudwatch.SingleValueWidget(title="Depth", metrics=[queue.metric_approximate_number_of_messages_visible()])',
             '.singleValue(title: "Depth", metrics: [queue.metric(.approximateNumberOfMessagesVisible)])')
    text = ('cloudwatch.TextWidget(markdown="# Shop\\n*orders* \\"live\\"", width=24, height=2)', '.text(markdown: "# Shop\\n*orders* \\"live\\"", width: 24, height: 2)')
    g = graph("Errors", [errors], [invocations])
    sum_expr = ('cloudwatch.MathExpression(expression="errors + invocations", using_metrics={"errors": fn.metric_errors(), "invocations": fn.metric_invocations()})',
                'MathExpression("errors + invocations", using: ["errors": fn.metric(.errors), "invocations": fn.metric(.invocations)])')
    return [
        Case("DashboardGraph", [fn(), dash([g[0]], [g[1]], ', dashboard_name="shop"', ', dashboardName: "shop"')]),
        Case("DashboardSingleValue", [queue(), dash([depth[0]], [depth[1]])]),
        Case("DashboardText", [dash([text[0]], [text[1]])]),
        Case("DashboardRows", [fn(), queue(), dash([f"{g[0]}, {depth[0]}", text[0]], [f"{g[1]}, {depth[1]}", text[1]])]),
        Case("DashboardWrap", [fn(), dash([", ".join(graph(f"G{i}", [errors])[0] for i in range(5))], [", ".join(graph(f"G{i}", [errors])[1] for i in range(5))])]),
        Case("DashboardAlarmStatus", [queue(), call("cloudwatch.Alarm", "Alarm", "Deep", [o("metric", "queue.metric_approximate_number_of_messages_visible()", "metric", "queue.metric(.approximateNumberOfMessagesVisible)"),
                                                                                   o("threshold", "100", "threshold", "100"), o("evaluation_periods", "1", None, None)]),
                                      dash(['cloudwatch.AlarmStatusWidget(alarms=[deep])', 'cloudwatch.AlarmStatusWidget(title="Queues", alarms=[deep], width=12, height=4)'],
                                           ['.alarmStatus(alarms: [deep])', '.alarmStatus(title: "Queues", alarms: [deep], width: 12, height: 4)'])]),
        # A graph showing two metrics and an expression over them: the metrics once, shown, with the expression's ids.
        Case("DashboardMathReusesShown", [fn(), dash([graph("Sum", [errors, invocations, sum_expr])[0]], [graph("Sum", [errors, invocations, sum_expr])[1]])]),
        # The expression first: the metric shown later takes its row (and the right axis); the other is hidden.
        Case("DashboardMathShownAfter", [fn(), dash([graph("Sum", [sum_expr], [invocations])[0]], [graph("Sum", [sum_expr], [invocations])[1]])]),
        # The same metric on both axes: one row, on the left.
        Case("DashboardSameMetricTwice", [fn(), dash([graph("Errors", [errors], [errors])[0]], [graph("Errors", [errors], [errors])[1]])]),
        Case("DashboardAverageAndPeriod", [fn(), dash([graph("Duration", [("fn.metric_duration()", "fn.metric(.duration)"),
                                                                          ("fn.metric_errors(period=Duration.minutes(1))", "fn.metric(.errors, period: .minutes(1))")])[0]],
                                                      [graph("Duration", [("fn.metric_duration()", "fn.metric(.duration)"),
                                                                          ("fn.metric_errors(period=Duration.minutes(1))", "fn.metric(.errors, period: .minutes(1))")])[1]])]),
    ]


def composite_alarm_cases():
    alarms = [queue(), call("cloudwatch.Alarm", "Alarm", "A1", [o("metric", "queue.metric_approximate_number_of_messages_visible()", "metric", "queue.metric(.approximateNumberOfMessagesVisible)"),
                                                               o("threshold", "1", "threshold", "1"), o("evaluation_periods", "1", None, None)]),
              call("cloudwatch.Alarm", "Alarm", "A2", [o("metric", "queue.metric_approximate_age_of_oldest_message()", "metric", "queue.metric(.approximateAgeOfOldestMessage)"),
                                                       o("threshold", "300", "threshold", "300"), o("evaluation_periods", "1", None, None)])]
    composite = lambda py_rule, swift_rule, py="", swift="": construct(f'cloudwatch.CompositeAlarm(s, "Both", alarm_rule={py_rule}{py})',
                                                                       f'let both = CompositeAlarm("Both", rule: {swift_rule}{swift})', "both")
    return [
        Case("CompositeAnyOf", alarms + [composite("cloudwatch.AlarmRule.any_of(a1, a2)", ".anyOf([.alarm(a1), .alarm(a2)])")]),
        Case("CompositeAllOf", alarms + [composite("cloudwatch.AlarmRule.all_of(a1, a2)", ".allOf([.alarm(a1), .alarm(a2)])")]),
        Case("CompositeNested", alarms + [composite("cloudwatch.AlarmRule.all_of(cloudwatch.AlarmRule.from_alarm(a1, cloudwatch.AlarmState.ALARM), cloudwatch.AlarmRule.any_of(a2, cloudwatch.AlarmRule.not_(a1)))",
                                                    ".allOf([.alarm(a1, state: .alarm), .anyOf([.alarm(a2), .not(.alarm(a1))])])")]),
        Case("CompositeStates", alarms + [composite("cloudwatch.AlarmRule.any_of(cloudwatch.AlarmRule.from_alarm(a1, cloudwatch.AlarmState.OK), cloudwatch.AlarmRule.from_alarm(a2, cloudwatch.AlarmState.INSUFFICIENT_DATA))",
                                                    ".anyOf([.alarm(a1, state: .ok), .alarm(a2, state: .insufficientData)])")]),
        Case("CompositeOptions", alarms + [composite("cloudwatch.AlarmRule.any_of(a1, a2)", ".anyOf([.alarm(a1), .alarm(a2)])",
                                                     ', alarm_description="Orders are stuck", composite_alarm_name="orders-stuck", actions_enabled=True',
                                                     ', description: "Orders are stuck", alarmName: "orders-stuck", actionsEnabled: true')]),
    ]


def table_v2_cases():
    pk = o("partition_key", 'dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING)', "partitionKey", '.string("pk")')
    table = lambda options: call("dynamodb.TableV2", "TableV2", "Table", [pk] + list(options))
    cases = variants("TableV2", table, [
        ("SortKey", [("Number", o("sort_key", 'dynamodb.Attribute(name="sk", type=dynamodb.AttributeType.NUMBER)', "sortKey", '.number("sk")'))]),
        ("Name", [("Given", o("table_name", '"carts"', "tableName", '"carts"'))]),
        ("PointInTimeRecovery", [("On", o("point_in_time_recovery", "True", "pointInTimeRecovery", "true")),
                                 ("Off", o("point_in_time_recovery", "False", "pointInTimeRecovery", "false"))]),
        ("Stream", [("NewAndOld", o("dynamo_stream", "dynamodb.StreamViewType.NEW_AND_OLD_IMAGES", "stream", ".newAndOldImages"))]),
        ("Ttl", [("Given", o("time_to_live_attribute", '"expiresAt"', "timeToLiveAttribute", '"expiresAt"'))]),
        ("RemovalPolicy", [("Destroy", o("removal_policy", "RemovalPolicy.DESTROY", "removalPolicy", ".destroy"))]),
        ("DeletionProtection", [("On", o("deletion_protection", "True", "deletionProtection", "true"))]),
        ("ContributorInsights", [("On", o("contributor_insights_specification", "dynamodb.ContributorInsightsSpecification(enabled=True)", "contributorInsights", "true"))]),
        ("TableClass", [("InfrequentAccess", o("table_class", "dynamodb.TableClass.STANDARD_INFREQUENT_ACCESS", "tableClass", ".standardInfrequentAccess"))]),
        ("Provisioned", [("FixedReads", o("billing", "dynamodb.Billing.provisioned(read_capacity=dynamodb.Capacity.fixed(10), write_capacity=dynamodb.Capacity.autoscaled(max_capacity=20))",
                                          "billing", ".provisioned(read: .fixed(10), write: .autoscaled(max: 20))")),
                         ("Autoscaled", o("billing", "dynamodb.Billing.provisioned(read_capacity=dynamodb.Capacity.autoscaled(min_capacity=2, max_capacity=40, target_utilization_percent=50), write_capacity=dynamodb.Capacity.autoscaled(max_capacity=20, target_utilization_percent=80))",
                                          "billing", ".provisioned(read: .autoscaled(min: 2, max: 40, targetUtilization: 50), write: .autoscaled(max: 20, targetUtilization: 80))"))]),
    ])
    replica = lambda py, swift: o("replicas", f"[{py}]", "replicas", f"[{swift}]")
    cases += [
        Case("TableV2Replica", [table([replica('dynamodb.ReplicaTableProps(region="us-east-1")', '"us-east-1"')])], region="eu-west-1"),
        Case("TableV2Replicas", [table([replica('dynamodb.ReplicaTableProps(region="us-east-1"), dynamodb.ReplicaTableProps(region="ap-southeast-2")', '"us-east-1", "ap-southeast-2"'),
                                        o("point_in_time_recovery_specification", "dynamodb.PointInTimeRecoverySpecification(point_in_time_recovery_enabled=True)", "pointInTimeRecovery", "true")])],
             region="eu-west-1"),
        Case("TableV2ReplicaSettings", [table([replica('dynamodb.ReplicaTableProps(region="us-east-1", deletion_protection=True, contributor_insights_specification=dynamodb.ContributorInsightsSpecification(enabled=True), table_class=dynamodb.TableClass.STANDARD_INFREQUENT_ACCESS, point_in_time_recovery_specification=dynamodb.PointInTimeRecoverySpecification(point_in_time_recovery_enabled=False)), dynamodb.ReplicaTableProps(region="us-west-2")',
                                                       '.init("us-east-1", deletionProtection: true, contributorInsights: true, pointInTimeRecovery: false, tableClass: .standardInfrequentAccess), "us-west-2"'),
                                               o("point_in_time_recovery_specification", "dynamodb.PointInTimeRecoverySpecification(point_in_time_recovery_enabled=True)", "pointInTimeRecovery", "true"),
                                               o("deletion_protection", "False", "deletionProtection", "false"),
                                               o("contributor_insights_specification", "dynamodb.ContributorInsightsSpecification(enabled=False)", "contributorInsights", "false")])],
             region="eu-west-1"),
        Case("TableV2ReplicaReadCapacity", [table([o("billing", "dynamodb.Billing.provisioned(read_capacity=dynamodb.Capacity.fixed(10), write_capacity=dynamodb.Capacity.autoscaled(max_capacity=20))",
                                                     "billing", ".provisioned(read: .fixed(10), write: .autoscaled(max: 20))"),
                                                   replica('dynamodb.ReplicaTableProps(region="us-east-1", read_capacity=dynamodb.Capacity.autoscaled(max_capacity=30, min_capacity=2, target_utilization_percent=60))',
                                                           '.init("us-east-1", readCapacity: .autoscaled(min: 2, max: 30, targetUtilization: 60))')])],
             region="eu-west-1"),
        Case("TableV2ReplicaOldAndNewStream", [table([replica('dynamodb.ReplicaTableProps(region="us-east-1")', '"us-east-1"'),
                                                      o("dynamo_stream", "dynamodb.StreamViewType.NEW_AND_OLD_IMAGES", "stream", ".newAndOldImages")])], region="eu-west-1"),
    ]
    # Billing × replicas × table-wide settings: generated, not picked.
    billings = {"OnDemand": None,
                "Fixed": o("billing", "dynamodb.Billing.provisioned(read_capacity=dynamodb.Capacity.fixed(5), write_capacity=dynamodb.Capacity.autoscaled(max_capacity=10))",
                           "billing", ".provisioned(read: .fixed(5), write: .autoscaled(max: 10))"),
                "Scaled": o("billing", "dynamodb.Billing.provisioned(read_capacity=dynamodb.Capacity.autoscaled(max_capacity=50), write_capacity=dynamodb.Capacity.autoscaled(min_capacity=2, max_capacity=10, target_utilization_percent=60))",
                            "billing", ".provisioned(read: .autoscaled(max: 50), write: .autoscaled(min: 2, max: 10, targetUtilization: 60))")}
    replica_sets = {"NoReplica": None,
                    "OneReplica": replica('dynamodb.ReplicaTableProps(region="us-east-1")', '"us-east-1"'),
                    "TunedReplica": replica('dynamodb.ReplicaTableProps(region="us-east-1", table_class=dynamodb.TableClass.STANDARD, deletion_protection=False)',
                                            '.init("us-east-1", deletionProtection: false, tableClass: .standard)'),
                    "TwoReplicas": replica('dynamodb.ReplicaTableProps(region="us-east-1"), dynamodb.ReplicaTableProps(region="us-west-2", point_in_time_recovery_specification=dynamodb.PointInTimeRecoverySpecification(point_in_time_recovery_enabled=True))',
                                           '"us-east-1", .init("us-west-2", pointInTimeRecovery: true)')}
    table_wide = {"": [], "Hardened": [o("deletion_protection", "True", "deletionProtection", "true"),
                                       o("contributor_insights_specification", "dynamodb.ContributorInsightsSpecification(enabled=True)", "contributorInsights", "true"),
                                       o("table_class", "dynamodb.TableClass.STANDARD_INFREQUENT_ACCESS", "tableClass", ".standardInfrequentAccess")]}
    for billing_name, billing in billings.items():
        for replicas_name, replicas in replica_sets.items():
            for wide_name, wide in table_wide.items():
                options = [x for x in [billing, replicas] if x is not None] + wide
                cases.append(Case(f"TableV2Matrix{billing_name}{replicas_name}{wide_name}", [table(options)], region="eu-west-1"))
    return cases


def pipe_cases():
    """Pipes: CDK's L2 is alpha (aws-cdk.aws-pipes-alpha, -sources-, -targets-, -enrichments-alpha 2.275.0a0)."""
    source_queue = queue("Source")
    stream_table = table([o("stream", "dynamodb.StreamViewType.NEW_IMAGE", "stream", ".newImage")])
    express = construct('express = sfn.StateMachine(s, "Express", state_machine_type=sfn.StateMachineType.EXPRESS, definition_body=sfn.DefinitionBody.from_chainable(sfn.Pass(s, "Q")))',
                        'let express = StateMachine("Express", definition: Chain(State.pass("Q")), type: .express)', "express")
    standard = construct('machine = sfn.StateMachine(s, "Machine", definition_body=sfn.DefinitionBody.from_chainable(sfn.Pass(s, "P")))',
                         'let machine = StateMachine("Machine", definition: Chain(State.pass("P")))', "machine")
    bus = call("events.EventBus", "EventBus", "Bus", [])
    kinesis_stream = stream()
    log_group = call("logs.LogGroup", "LogGroup", "PipeLogs", [])

    def pipe(py_source, swift_source, py_target, swift_target, py="", swift="", swift_before_target=""):
        """A pipe; Swift takes `filters:` and `enrichment:` (swift_before_target) before `target:`."""
        return construct(f'pipe = pipes.Pipe(s, "Pipe", source={py_source}, target={py_target}{py})',
                         f'let pipe = Pipe("Pipe", source: {swift_source}{swift_before_target}, target: {swift_target}{swift})', "pipe")

    sqs_source = ("sources.SqsSource(source)", ".queue(source)")
    ddb = lambda py_options="", swift_options="", position="LATEST": (
        f"sources.DynamoDBSource(table, starting_position=sources.DynamoDBStartingPosition.{position}{py_options})",
        f".dynamoDBStream(table, .init(startingPosition: .{'latest' if position == 'LATEST' else 'trimHorizon'}{swift_options}))")
    cases = [
        Case("PipeQueueToQueue", [source_queue, queue("Target"), pipe(*sqs_source, "ptargets.SqsTarget(target)", ".queue(target)")]),
        Case("PipeQueueBatch", [source_queue, standard, pipe("sources.SqsSource(source, batch_size=5, maximum_batching_window=Duration.seconds(20))",
                                                             ".queue(source, batchSize: 5, maxBatchingWindow: .seconds(20))",
                                                             "ptargets.SfnStateMachine(machine)", ".stateMachine(machine)")]),
        Case("PipeNamedStopped", [source_queue, queue("Target"), pipe(*sqs_source, "ptargets.SqsTarget(target)", ".queue(target)",
                                                                      ', pipe_name="orders", description="Orders to fulfilment", desired_state=pipes.DesiredState.STOPPED',
                                                                      ', pipeName: "orders", description: "Orders to fulfilment", enabled: false')]),
        Case("PipeRunning", [source_queue, queue("Target"), pipe(*sqs_source, "ptargets.SqsTarget(target)", ".queue(target)",
                                                                 ", desired_state=pipes.DesiredState.RUNNING", ", enabled: true")]),
        Case("PipeStreamFilterEnrichMachine", [stream_table, fn("Enricher"), standard,
                                               pipe(*ddb(", batch_size=10", ", batchSize: 10"), "ptargets.SfnStateMachine(machine, invocation_type=ptargets.StateMachineInvocationType.FIRE_AND_FORGET)",
                                                    ".stateMachine(machine, invocation: .fireAndForget)",
                                                    ', filter=pipes.Filter([pipes.FilterPattern.from_object({"eventName": ["INSERT"]})]), enrichment=penrich.LambdaEnrichment(enricher)',
                                                    swift_before_target=', filters: [["eventName": ["INSERT"]]], enrichment: .function(enricher)')]),
        Case("PipeStreamToFunction", [stream_table, fn(), pipe(*ddb(position="TRIM_HORIZON"), "ptargets.LambdaFunction(fn)", ".function(fn)")]),
        Case("PipeStreamToBus", [stream_table, bus, pipe(*ddb(), 'ptargets.EventBridgeTarget(bus, detail_type="OrderPlaced", source="shop")',
                                                         '.eventBus(bus, detailType: "OrderPlaced", source: "shop")')]),
        Case("PipeBusDefaults", [source_queue, bus, pipe(*sqs_source, "ptargets.EventBridgeTarget(bus)", ".eventBus(bus)")]),
        Case("PipeStreamOptions", [stream_table, queue("Dlq"), kinesis_stream,
                                   pipe(*ddb(", dead_letter_target=dlq, maximum_retry_attempts=3, maximum_record_age=Duration.hours(1), parallelization_factor=2, on_partial_batch_item_failure=sources.OnPartialBatchItemFailure.AUTOMATIC_BISECT, maximum_batching_window=Duration.seconds(5), batch_size=50",
                                             ", batchSize: 50, maxBatchingWindow: .seconds(5), maxRecordAge: .hours(1), retryAttempts: 3, parallelizationFactor: 2, bisectBatchOnError: true, deadLetter: .queue(dlq)"),
                                        'ptargets.KinesisTarget(stream, partition_key="$.dynamodb.Keys.pk.S")', '.stream(stream, partitionKey: "$.dynamodb.Keys.pk.S")')]),
        Case("PipeStreamTopicDeadLetter", [stream_table, topic(ident="Dead"), queue("Target"),
                                           pipe(*ddb(", dead_letter_target=dead", ", deadLetter: .topic(dead)"), "ptargets.SqsTarget(target)", ".queue(target)")]),
        Case("PipeKinesisToTopic", [kinesis_stream, topic(), pipe("sources.KinesisSource(stream, starting_position=sources.KinesisStartingPosition.LATEST)",
                                                                  ".kinesisStream(stream, .init(startingPosition: .latest))", "ptargets.SnsTarget(topic)", ".topic(topic)")]),
        Case("PipeKinesisOptions", [kinesis_stream, topic(), pipe("sources.KinesisSource(stream, starting_position=sources.KinesisStartingPosition.TRIM_HORIZON, batch_size=200, parallelization_factor=4)",
                                                                  ".kinesisStream(stream, .init(startingPosition: .trimHorizon, batchSize: 200, parallelizationFactor: 4))", "ptargets.SnsTarget(topic)", ".topic(topic)")]),
        Case("PipeTwoFiltersAsyncFunction", [source_queue, fn(), pipe(*sqs_source, "ptargets.LambdaFunction(fn, invocation_type=ptargets.LambdaFunctionInvocationType.FIRE_AND_FORGET)",
                                                                     ".function(fn, invocation: .fireAndForget)",
                                                                     ', filter=pipes.Filter([pipes.FilterPattern.from_object({"body": {"kind": ["order"]}}), pipes.FilterPattern.from_object({"body": {"kind": ["refund"]}})])',
                                                                     swift_before_target=', filters: [["body": ["kind": ["order"]]], ["body": ["kind": ["refund"]]]]')]),
        Case("PipeInputText", [source_queue, queue("Target"), pipe(*sqs_source, 'ptargets.SqsTarget(target, input_transformation=pipes.InputTransformation.from_text("hello"))',
                                                                   '.queue(target, input: .text("hello"))')]),
        Case("PipeInputObject", [source_queue, topic(), fn("Enricher"),
                                 pipe(*sqs_source, 'ptargets.SnsTarget(topic, input_transformation=pipes.InputTransformation.from_object({"id": pipes.DynamicInput.from_event_path("$.body"), "kind": "order", "n": 3}))',
                                      '.topic(topic, input: .object(["id": .path("$.body"), "kind": .value("order"), "n": .value(3)]))',
                                      ', enrichment=penrich.LambdaEnrichment(enricher, input_transformation=pipes.InputTransformation.from_event_path("$.body"))',
                                      swift_before_target=', enrichment: .function(enricher, input: .path("$.body"))')]),
        Case("PipeExpressEnrichFifo", [source_queue, express, queue("Target", [o("fifo", "True", "fifo", "true")]),
                                       pipe(*sqs_source, 'ptargets.SqsTarget(target, message_group_id="orders", message_deduplication_id="$.messageId")',
                                            '.queue(target, messageGroupId: "orders", messageDeduplicationId: "$.messageId")',
                                            ", enrichment=penrich.StepFunctionsEnrichment(express)", swift_before_target=", enrichment: .stateMachine(express)")]),
        Case("PipeExpressWaited", [source_queue, express, pipe(*sqs_source, "ptargets.SfnStateMachine(express, invocation_type=ptargets.StateMachineInvocationType.REQUEST_RESPONSE)",
                                                              ".stateMachine(express, invocation: .requestResponse)")]),
        Case("PipeLogs", [source_queue, topic(), log_group, pipe(*sqs_source, "ptargets.SnsTarget(topic)", ".topic(topic)",
                                                                 ", log_destinations=[pipes.CloudwatchLogsLogDestination(pipeLogs)], log_level=pipes.LogLevel.ERROR",
                                                                 ", logging: .init(destination: pipeLogs, level: .error)")]),
        Case("PipeLogsTrace", [source_queue, topic(), log_group, pipe(*sqs_source, "ptargets.SnsTarget(topic)", ".topic(topic)",
                                                                      ", log_destinations=[pipes.CloudwatchLogsLogDestination(pipeLogs)], log_level=pipes.LogLevel.TRACE, log_include_execution_data=[pipes.IncludeExecutionData.ALL]",
                                                                      ", logging: .init(destination: pipeLogs, level: .trace, includeExecutionData: true)")]),
    ]
    # Every source with every target, with and without enrichment (function, express machine) and a filter:
    # generated, not picked.
    sources_ = {"Queue": (source_queue, ("sources.SqsSource(source)", ".queue(source)")),
                "Table": (stream_table, ddb(position="TRIM_HORIZON")),
                "Kinesis": (kinesis_stream, ("sources.KinesisSource(stream, starting_position=sources.KinesisStartingPosition.LATEST)",
                                             ".kinesisStream(stream, .init(startingPosition: .latest))"))}
    targets_ = {"Function": ([fn("Target")], "ptargets.LambdaFunction(target)", ".function(target)"),
                "Queue": ([queue("Out")], "ptargets.SqsTarget(out)", ".queue(out)"),
                "Topic": ([topic(ident="Out")], "ptargets.SnsTarget(out)", ".topic(out)"),
                "Machine": ([standard], "ptargets.SfnStateMachine(machine)", ".stateMachine(machine)"),
                "Bus": ([bus], 'ptargets.EventBridgeTarget(bus, source="shop")', '.eventBus(bus, source: "shop")'),
                "Stream": ([call("kinesis.Stream", "Stream", "OutStream", [])], 'ptargets.KinesisTarget(outStream, partition_key="k")', '.stream(outStream, partitionKey: "k")')}
    enrichments_ = {"": ([], "", ""),
                    "Enriched": ([fn("Enricher")], ", enrichment=penrich.LambdaEnrichment(enricher)", ", enrichment: .function(enricher)"),
                    "ExpressEnriched": ([express], ", enrichment=penrich.StepFunctionsEnrichment(express)", ", enrichment: .stateMachine(express)")}
    for index, ((source_name, (source_construct, source)), (target_name, (target_constructs, py_target, swift_target)), (enrich_name, (enrich_constructs, py_enrich, swift_enrich))) in \
            enumerate((s_, t_, e_) for s_ in sources_.items() for t_ in targets_.items() for e_ in enrichments_.items()):
        if source_name == "Kinesis" and target_name == "Stream":
            continue  # one stream construct per case
        py_filter, swift_filter = ((', filter=pipes.Filter([pipes.FilterPattern.from_object({"kind": ["order"]})])', ', filters: [["kind": ["order"]]]')
                                   if index % 2 else ("", ""))
        cases.append(Case(f"PipeMatrix{source_name}{enrich_name}{target_name}",
                          [source_construct] + enrich_constructs + target_constructs +
                          [pipe(source[0], source[1], py_target, swift_target, py_filter + py_enrich, swift_before_target=swift_filter + swift_enrich)]))
    return cases


def websocket_cases():
    lam = lambda ident, fn_var: f'integrations.WebSocketLambdaIntegration("{ident}", {fn_var})'
    def api(py_options, swift_routes, py_more=(), swift_options="", functions=("Fn",), swift_setup=""):
        py = [f'api = apigwv2.WebSocketApi(s, "Api"{py_options})'] + list(py_more)
        routes = " ".join(swift_routes)
        return [fn(name) for name in functions] + [construct("; ".join(py), f'{swift_setup}let api = WebSocketApi("Api"{swift_options}) {{ {routes} }}', "api")]
    route_options = lambda ident, fn_var: f"apigwv2.WebSocketRouteOptions(integration={lam(ident, fn_var)})"
    stage = lambda py="", swift="": construct(f'stage = apigwv2.WebSocketStage(s, "Stage", web_socket_api=api, stage_name="prod"{py})',
                                               f'let stage = WebSocketStage("Stage", api: api, stageName: "prod"{swift})', "stage")
    lifecycle = api(f', connect_route_options={route_options("ConnectIntegration", "onConnect")}, disconnect_route_options={route_options("DisconnectIntegration", "onDisconnect")}, default_route_options={route_options("DefaultIntegration", "fallback")}',
                    ['WebSocketRoute.connect(to: onConnect, integrationId: "ConnectIntegration");', 'WebSocketRoute.disconnect(to: onDisconnect, integrationId: "DisconnectIntegration");',
                     'WebSocketRoute.default(to: fallback, integrationId: "DefaultIntegration")'],
                    functions=("OnConnect", "OnDisconnect", "Fallback"))
    return [
        Case("WebSocketLifecycle", lifecycle + [stage(", auto_deploy=True", ", autoDeploy: true")]),
        Case("WebSocketCustomRoute", api("", ['WebSocketRoute("sendMessage", to: fn, integrationId: "Send")'], [f'api.add_route("sendMessage", integration={lam("Send", "fn")})']) + [stage()]),
        Case("WebSocketIntegrationDefaultName", api("", ['WebSocketRoute("sendMessage", to: fn)'], [f'api.add_route("sendMessage", integration={lam("Integration", "fn")})'])),
        Case("WebSocketOptions", api(', api_name="chat", description="Live orders", route_selection_expression="$request.body.type"',
                                     ['WebSocketRoute.connect(to: fn, integrationId: "C", returnResponse: true)'],
                                     [f'api.add_route("$connect", integration={lam("C", "fn")}, return_response=True)'],
                                     ', name: "chat", description: "Live orders", routeSelectionExpression: "$request.body.type"')
                                 + [stage(", throttle=apigwv2.ThrottleSettings(rate_limit=10, burst_limit=5), description=\"prod stage\"",
                                          ', description: "prod stage", throttlingRateLimit: 10, throttlingBurstLimit: 5')]),
        Case("WebSocketLambdaAuthorizer", api(f', connect_route_options=apigwv2.WebSocketRouteOptions(integration={lam("C", "fn")}, authorizer=authorizers.WebSocketLambdaAuthorizer("Auth", authFn, identity_source=["route.request.querystring.token"]))',
                                              ['WebSocketRoute.connect(to: fn, integrationId: "C", authorization: .lambda(auth))'],
                                              swift_setup='let auth = WebSocketAuthorizer("Auth", handler: authFn, identitySource: ["route.request.querystring.token"]); ',
                                              functions=("Fn", "AuthFn"))),
        Case("WebSocketLambdaAuthorizerDefaults", api(f', connect_route_options=apigwv2.WebSocketRouteOptions(integration={lam("C", "fn")}, authorizer=authorizers.WebSocketLambdaAuthorizer("Auth", authFn))',
                                                      ['WebSocketRoute.connect(to: fn, integrationId: "C", authorization: .lambda(auth))'],
                                                      swift_setup='let auth = WebSocketAuthorizer("Auth", handler: authFn); ', functions=("Fn", "AuthFn"))),
        Case("WebSocketIamAuthorizer", api(f', connect_route_options=apigwv2.WebSocketRouteOptions(integration={lam("C", "fn")}, authorizer=authorizers.WebSocketIamAuthorizer())',
                                           ['WebSocketRoute.connect(to: fn, integrationId: "C", authorization: .iam)'])),
        Case("WebSocketManageConnections", api("", ['WebSocketRoute("sendMessage", to: fn, integrationId: "Send")'], [f'api.add_route("sendMessage", integration={lam("Send", "fn")})'])
                                           + [fn("Pusher"), stmt("api.grant_manage_connections(pusher)", "api.grantManageConnections(to: pusher)")]),
        Case("WebSocketStageOutputs", api("", ['WebSocketRoute("sendMessage", to: fn, integrationId: "Send")'], [f'api.add_route("sendMessage", integration={lam("Send", "fn")})'])
                                      + [stage(), stmt('cdk.CfnOutput(s, "Url", value=stage.url); cdk.CfnOutput(s, "Callback", value=stage.callback_url)',
                                                       'Output("Url", value: stage.url); Output("Callback", value: stage.callbackUrl)')]),
    ]


def metric_math_cases():
    rate = ('cloudwatch.MathExpression(expression="100 * errors / invocations", using_metrics={"errors": fn.metric_errors(), "invocations": fn.metric_invocations()}@)',
            'MathExpression("100 * errors / invocations", using: ["errors": fn.metric(.errors), "invocations": fn.metric(.invocations)]@)')
    expr = lambda py="", swift="": (rate[0].replace("@", py), rate[1].replace("@", swift))
    alarm = lambda e, py_options="", swift_options="": call("cloudwatch.Alarm", "Alarm", "Rate", [o("metric", e[0], "metric", e[1]), o("threshold", "5", "threshold", "5"),
                                                                                             o("evaluation_periods", "1", None, None)] + list(py_options and [py_options] or []))
    dash = lambda py_widget, swift_widget: construct(f'dash = cloudwatch.Dashboard(s, "Dash"); dash.add_widgets({py_widget})', f'let dash = Dashboard("Dash", rows: [[{swift_widget}]])', "dash")
    labelled = expr(', label="Error rate"', ', label: "Error rate"')
    minute = ('cloudwatch.MathExpression(expression="errors + throttles", using_metrics={"errors": fn.metric_errors(), "throttles": fn.metric_throttles(statistic="Maximum")}, period=Duration.minutes(1))',
              'MathExpression("errors + throttles", using: ["errors": fn.metric(.errors), "throttles": fn.metric(.throttles, statistic: .maximum)], period: .minutes(1))')
    p99 = ('cloudwatch.MathExpression(expression="slow * 2", using_metrics={"slow": fn.metric_duration(statistic="p99")})',
           'MathExpression("slow * 2", using: ["slow": fn.metric(.duration, statistic: .percentile(99))])')
    shared = ('cloudwatch.MathExpression(expression="errors * 2", using_metrics={"errors": fn.metric_errors()})',
              'MathExpression("errors * 2", using: ["errors": fn.metric(.errors)])')
    other_id = ('cloudwatch.MathExpression(expression="failed - 1", using_metrics={"failed": fn.metric_errors()})',
                'MathExpression("failed - 1", using: ["failed": fn.metric(.errors)])')
    twice = ('cloudwatch.MathExpression(expression="a + b", using_metrics={"a": fn.metric_errors(), "b": fn.metric_errors()})',
             'MathExpression("a + b", using: ["a": fn.metric(.errors), "b": fn.metric(.errors)])')
    return [
        Case("MathAlarm", [fn(), alarm(expr())]),
        Case("MathAlarmLabel", [fn(), alarm(labelled)]),
        Case("MathAlarmPeriod", [fn(), alarm(minute)]),
        Case("MathAlarmPercentile", [fn(), alarm(p99)]),
        Case("MathGraph", [fn(), dash(f'cloudwatch.GraphWidget(title="Rate", left=[{labelled[0]}], right=[fn.metric_duration()])',
                                      f'.graph(title: "Rate", left: [{labelled[1]}], right: [fn.metric(.duration)])')]),
        Case("MathGraphRight", [fn(), dash(f'cloudwatch.GraphWidget(left=[fn.metric_errors()], right=[{minute[0]}])',
                                           f'.graph(left: [fn.metric(.errors)], right: [{minute[1]}])')]),
        Case("MathSingleValue", [fn(), dash(f'cloudwatch.SingleValueWidget(metrics=[{minute[0]}, {p99[0]}])', f'.singleValue(metrics: [{minute[1]}, {p99[1]}])')]),
        # A metric shown and used: one row with the expression's id; the one only used is hidden.
        Case("MathSingleValueShown", [fn(), dash(f'cloudwatch.SingleValueWidget(metrics=[fn.metric_errors(), {rate[0].replace("@", "")}])',
                                                 f'.singleValue(metrics: [fn.metric(.errors), {rate[1].replace("@", "")}])')]),
        # Two expressions using the same metric under the same id (one row), a third under another id (a row of its own).
        Case("MathGraphSharedMetric", [fn(), dash(f'cloudwatch.GraphWidget(left=[{rate[0].replace("@", "")}, {shared[0]}], right=[{other_id[0]}])',
                                                  f'.graph(left: [{rate[1].replace("@", "")}, {shared[1]}], right: [{other_id[1]}])')]),
        # The metric shown is read over another period than the expression's: two rows.
        Case("MathGraphOtherPeriod", [fn(), dash(f'cloudwatch.GraphWidget(left=[fn.metric_errors(period=Duration.minutes(1)), {shared[0]}])',
                                                 f'.graph(left: [fn.metric(.errors, period: .minutes(1)), {shared[1]}])')]),
        # Shown over the expression's own period: one row, with the period.
        Case("MathGraphSamePeriod", [fn(), dash(f'cloudwatch.GraphWidget(left=[fn.metric_errors(period=Duration.minutes(1)), {minute[0]}])',
                                                f'.graph(left: [fn.metric(.errors, period: .minutes(1)), {minute[1]}])')]),
        # An alarm's expression using one metric under two ids: a query for each.
        Case("MathAlarmSameMetricTwice", [fn(), alarm(twice)]),
    ]


def request_model_cases():
    py_schema = ('apigw.JsonSchema(schema=apigw.JsonSchemaVersion.DRAFT4, title="Order", type=apigw.JsonSchemaType.OBJECT, required=["sku"], '
                 'properties={"sku": apigw.JsonSchema(type=apigw.JsonSchemaType.STRING), "qty": apigw.JsonSchema(type=apigw.JsonSchemaType.INTEGER, minimum=1)})')
    swift_schema = ('["properties": ["sku": ["type": "string"], "qty": ["minimum": 1, "type": "integer"]], "required": ["sku"], '
                    '"$schema": "http://json-schema.org/draft-04/schema#", "title": "Order", "type": "object"]')
    model = lambda py="", swift="": (f'model = api.add_model("OrderModel", schema={py_schema}{py})', f'ApiModel("OrderModel", schema: {swift_schema}{swift})')
    body_validator = 'validator = api.add_request_validator("BodyValidator", validate_request_body=True, validate_request_parameters=False)'
    def post(py_model, swift_model, py_method, swift_route, setup=()):
        return rest_api([("POST", "/orders", "fn", ("", py_method), f", {swift_route}")], py_setup=[py_model] + list(setup))
    plain = model()
    named = model(', content_type="application/json", model_name="Order", description="An order"', ', modelName: "Order", description: "An order"')
    cert = "arn:aws:acm:us-east-1:123456789012:certificate/abc"
    domain = lambda py="", swift="": construct(f'domain = apigw.DomainName(s, "Domain", domain_name="api.shop.example.com", certificate=acm.Certificate.from_certificate_arn(s, "Cert", "{cert}"){py})',
                                                f'let domain = ApiDomainName("Domain", domainName: "api.shop.example.com", certificateArn: "{cert}"{swift})', "domain")
    return [
        Case("RestApiModel", post(plain[0], plain[1], ', request_models={"application/json": model}', f"requestModel: {plain[1]}")),
        Case("RestApiModelNamed", post(named[0], named[1], ', request_models={"application/json": model}', f"requestModel: {named[1]}")),
        Case("RestApiModelValidated", post(plain[0], plain[1], ', request_models={"application/json": model}, request_validator=validator',
                                           f"validateRequestBody: true, requestModel: {plain[1]}", setup=[body_validator])),
        Case("RestApiParametersValidated", rest_api([("GET", "/orders", "fn", ("", ', request_parameters={"method.request.querystring.status": True}, request_validator=validator'),
                                                      ', requiredParameters: ["querystring.status"], validateRequestParameters: true')],
                                                    py_setup=['validator = api.add_request_validator("ParametersValidator", validate_request_body=False, validate_request_parameters=True)'])),
        Case("RestApiParametersRequired", rest_api([("GET", "/orders", "fn", ("", ', request_parameters={"method.request.querystring.status": True}'),
                                                     ', requiredParameters: ["querystring.status"]')])),
        Case("RestApiDomain", rest_api([("GET", "/orders", "fn", ("", ""), "")]) + [domain(), stmt('domain.add_base_path_mapping(api, base_path="v1")', 'domain.mapping(api, basePath: "v1")')]),
        Case("RestApiCustomDomain", rest_api([("GET", "/orders", "fn", ("", ""), "")],
                                             py_options=f', domain_name=apigw.DomainNameOptions(domain_name="api.shop.example.com", certificate=acm.Certificate.from_certificate_arn(s, "Cert", "{cert}"))',
                                             swift_options=f', customDomain: .init(domainName: "api.shop.example.com", certificateArn: "{cert}")')),
        Case("RestApiCustomDomainOptions", rest_api([("GET", "/orders", "fn", ("", ""), "")],
                                                    py_options=f', domain_name=apigw.DomainNameOptions(domain_name="api.shop.example.com", certificate=acm.Certificate.from_certificate_arn(s, "Cert", "{cert}"), endpoint_type=apigw.EndpointType.EDGE, security_policy=apigw.SecurityPolicy.TLS_1_2, base_path="v1")',
                                                    swift_options=f', customDomain: .init(domainName: "api.shop.example.com", certificateArn: "{cert}", endpointType: .edge, securityPolicy: .tls12, basePath: "v1")')),
        Case("RestApiDomainRoot", rest_api([("GET", "/orders", "fn", ("", ""), "")]) + [domain(), stmt("domain.add_base_path_mapping(api)", "domain.mapping(api)")]),
        Case("RestApiDomainEdge", rest_api([("GET", "/orders", "fn", ("", ""), "")]) + [domain(", endpoint_type=apigw.EndpointType.EDGE, security_policy=apigw.SecurityPolicy.TLS_1_2",
                                                                                             ", endpointType: .edge, securityPolicy: .tls12"),
                                                                                      stmt('domain.add_base_path_mapping(api, base_path="v2")', 'domain.mapping(api, basePath: "v2")')]),
    ]


ASL_PUT_TEXT = '{"StartAt":"Put","States":{"Put":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:putItem","Parameters":{"TableName":"${TableName}","Item":{"pk":{"S.$":"$.id"}}},"End":true}}}'


def http_invoke(py_auth, swift_auth, py_options, swift_options, py_connection="", swift_connection=""):
    connection = construct(f'conn = events.Connection(s, "Conn", authorization={py_auth}{py_connection})',
                           f'let conn = Connection("Conn", authorization: {swift_auth}{swift_connection})', "conn")
    machine = construct(f'machine = sfn.StateMachine(s, "Machine", definition_body=sfn.DefinitionBody.from_chainable(tasks.HttpInvoke(s, "Call", api_root="https://api.example.com", connection=conn, {py_options})))',
                        f'let machine = StateMachine("Machine", definition: Chain(State.httpInvoke("Call", connection: conn, apiRoot: "https://api.example.com", {swift_options})))', "machine")
    return [connection, machine]


def api_destination(py="", swift="", method="POST"):
    connection = construct('conn = events.Connection(s, "Conn", authorization=events.Authorization.api_key("x-api-key", SecretValue.unsafe_plain_text("k")))',
                           'let conn = Connection("Conn", authorization: .apiKey(name: "x-api-key", value: "k"))', "conn")
    destination = construct(f'dest = events.ApiDestination(s, "Dest", connection=conn, endpoint="https://api.example.com/*", http_method=events.HttpMethod.{method}{py})',
                            f'let dest = ApiDestination("Dest", connection: conn, endpoint: "https://api.example.com/*", httpMethod: "{method}"{swift})', "dest")
    return [connection, destination]


def step_functions_integration_cases():
    """Distributed maps, the HTTP task and definitions given as text."""
    bucket_ = bucket()
    def dmap(py_options, swift_options, py_processor='sfn.Pass(s, "P")', swift_processor='Chain(State.pass("P"))', more=()):
        py = f'm = sfn.DistributedMap(s, "Each"{py_options}); m.item_processor({py_processor}); machine = sfn.StateMachine(s, "Machine", definition_body=sfn.DefinitionBody.from_chainable(m))'
        swift = f'let machine = StateMachine("Machine", definition: Chain(State.distributedMap("Each"{swift_options}, processor: {swift_processor})))'
        return [bucket_] + list(more) + [construct(py, swift, "machine")]
    json_reader = (', item_reader=sfn.S3JsonItemReader(bucket=bucket, key="orders.json")', ', itemReader: .json(bucket: bucket, key: "orders.json")')
    return [
        Case("DistributedMapJson", dmap(*json_reader)),
        Case("DistributedMapOptions", dmap(json_reader[0] + ', result_writer=sfn.ResultWriter(bucket=bucket, prefix="results"), max_concurrency=100, tolerated_failure_percentage=5, tolerated_failure_count=10, label="orders"',
                                           ', itemReader: .json(bucket: bucket, key: "orders.json"), resultWriter: (bucket, "results"), maxConcurrency: 100, toleratedFailurePercentage: 5, toleratedFailureCount: 10, label: "orders"')),
        Case("DistributedMapCsv", dmap(', item_reader=sfn.S3CsvItemReader(bucket=bucket, key="orders.csv", max_items=500, csv_delimiter=sfn.CsvDelimiter.SEMICOLON), map_execution_type=sfn.StateMachineType.EXPRESS',
                                       ', itemReader: .csv(bucket: bucket, key: "orders.csv", maxItems: 500, delimiter: .semicolon), executionType: .express')),
        Case("DistributedMapBatched", dmap(json_reader[0] + ', item_batcher=sfn.ItemBatcher(max_items_per_batch=10, max_input_bytes_per_batch=1024, batch_input={"run": "nightly"}), item_selector={"order": sfn.JsonPath.object_at("$$.Map.Item.Value")}',
                                           ', itemReader: .json(bucket: bucket, key: "orders.json"), itemSelector: ["order.$": "$$.Map.Item.Value"], itemBatcher: .init(maxItemsPerBatch: 10, maxInputBytesPerBatch: 1024, batchInput: ["run": "nightly"])')),
        Case("DistributedMapObjects", dmap(', item_reader=sfn.S3ObjectsItemReader(bucket=bucket, prefix="in/")', ', itemReader: .objects(bucket: bucket, prefix: "in/")')),
        Case("DistributedMapItemsPath", dmap(', items_path="$.orders"', ', itemsPath: "$.orders"')),
        Case("HttpInvokeApiKey", http_invoke('events.Authorization.api_key("x-api-key", SecretValue.unsafe_plain_text("k"))', '.apiKey(name: "x-api-key", value: "k")',
                                             'api_endpoint=sfn.TaskInput.from_text("orders"), method=sfn.TaskInput.from_text("POST"), body=sfn.TaskInput.from_object({"a": 1})',
                                             'apiEndpoint: "orders", method: "POST", body: ["a": 1]')),
        Case("HttpInvokeBasicPath", http_invoke('events.Authorization.basic("shop", SecretValue.unsafe_plain_text("p"))', '.basic(username: "shop", password: "p")',
                                                'api_endpoint=sfn.TaskInput.from_json_path_at("$.path"), method=sfn.TaskInput.from_text("GET"), headers=sfn.TaskInput.from_object({"Accept": "application/json"}), query_string_parameters=sfn.TaskInput.from_object({"page": "1"})',
                                                'apiEndpoint: "$.path", method: "GET", headers: ["Accept": "application/json"], queryParameters: ["page": "1"]',
                                                ', description="Partner API", connection_name="partner"', ', description: "Partner API", connectionName: "partner"')),
        Case("HttpInvokeOAuthForm", http_invoke('events.Authorization.oauth(authorization_endpoint="https://auth.example.com/token", client_id="shop", client_secret=SecretValue.unsafe_plain_text("s"), http_method=events.HttpMethod.POST)',
                                                '.oauth(endpoint: "https://auth.example.com/token", clientId: "shop", clientSecret: "s", httpMethod: "POST")',
                                                'api_endpoint=sfn.TaskInput.from_text("orders"), method=sfn.TaskInput.from_text("POST"), body=sfn.TaskInput.from_object({"a": [1, 2]}), url_encoding_format=tasks.URLEncodingFormat.BRACKETS',
                                                'apiEndpoint: "orders", method: "POST", body: ["a": [1, 2]], urlEncoding: .brackets')),
        Case("HttpInvokeFormHeaders", http_invoke('events.Authorization.api_key("x-api-key", SecretValue.unsafe_plain_text("k"))', '.apiKey(name: "x-api-key", value: "k")',
                                                  'api_endpoint=sfn.TaskInput.from_text("orders"), method=sfn.TaskInput.from_text("POST"), headers=sfn.TaskInput.from_object({"X": "1"}), url_encoding_format=tasks.URLEncodingFormat.DEFAULT',
                                                  'apiEndpoint: "orders", method: "POST", headers: ["X": "1"], urlEncoding: .default')),
        Case("ApiDestinationRule", api_destination() + [call("events.Rule", "Rule", "Rule", [o("event_pattern", 'events.EventPattern(source=["shop"])', "pattern", 'EventPattern(source: ["shop"])')]),
                                                        stmt("rule.add_target(targets.ApiDestination(dest))", "rule.target(dest)")]),
        Case("ApiDestinationTwoRules", api_destination(', rate_limit_per_second=10, description="partner", api_destination_name="partner-orders"',
                                                       ', rateLimitPerSecond: 10, description: "partner", apiDestinationName: "partner-orders"', method="PUT")
             + [call("events.Rule", "Rule", ident, [o("event_pattern", f'events.EventPattern(source=["{ident.lower()}"])', "pattern", f'EventPattern(source: ["{ident.lower()}"])')]) for ident in ("Placed", "Paid")]
             + [stmt("placed.add_target(targets.ApiDestination(dest))", "placed.target(dest)"), stmt("paid.add_target(targets.ApiDestination(dest))", "paid.target(dest)")]),
        Case("ApiDestinationPipe", api_destination() + [queue("Source"), construct(
            'pipe = pipes.Pipe(s, "Pipe", source=sources.SqsSource(source), target=ptargets.ApiDestinationTarget(dest, header_parameters={"X-Shop": "1"}, query_string_parameters={"q": "a"}, path_parameter_values=["orders"]))',
            'let pipe = Pipe("Pipe", source: .queue(source), target: .apiDestination(dest, http: .init(headers: ["X-Shop": "1"], pathParameters: ["orders"], queryParameters: ["q": "a"])))', "pipe")]),
        Case("ApiDestinationPipePlain", api_destination() + [queue("Source"), construct(
            'pipe = pipes.Pipe(s, "Pipe", source=sources.SqsSource(source), target=ptargets.ApiDestinationTarget(dest))',
            'let pipe = Pipe("Pipe", source: .queue(source), target: .apiDestination(dest))', "pipe")]),
        Case("MachineDefinitionText", [table(), construct(
            "machine = sfn.StateMachine(s, \"Machine\", definition_body=sfn.DefinitionBody.from_string(ASL_PUT), definition_substitutions={\"TableName\": table.table_name}); table.grant_write_data(machine)",
            'let machine = StateMachine("Machine", definition: .text(#"""\n' + ASL_PUT_TEXT + '\n"""#), substitutions: ["TableName": table.name])', "machine"),
            stmt(None, "table.grant(.write, to: machine)")]),
        Case("DistributedMapLambda", dmap(json_reader[0] + ', result_writer=sfn.ResultWriter(bucket=bucket, prefix="out")', ', itemReader: .json(bucket: bucket, key: "orders.json"), resultWriter: (bucket, "out")',
                                          'tasks.LambdaInvoke(s, "Work", lambda_function=fn)', 'Chain(State.lambdaInvoke("Work", function: fn))', more=[fn()])),
        # The map's own statements (writer, reader) when it is reached, the queue after it next, its processor's last.
        Case("DistributedMapThenTask", [bucket_, fn(), queue(), construct(
            'm = sfn.DistributedMap(s, "Each", item_reader=sfn.S3JsonItemReader(bucket=bucket, key="orders.json"), result_writer=sfn.ResultWriter(bucket=bucket, prefix="out")); '
            'm.item_processor(tasks.LambdaInvoke(s, "Work", lambda_function=fn)); '
            'machine = sfn.StateMachine(s, "Machine", definition_body=sfn.DefinitionBody.from_chainable(m.next(tasks.SqsSendMessage(s, "Send", queue=queue, message_body=sfn.TaskInput.from_text("done")))))',
            'let machine = StateMachine("Machine", definition: Chain(State.distributedMap("Each", itemReader: .json(bucket: bucket, key: "orders.json"), resultWriter: (bucket, "out"), '
            'processor: Chain(State.lambdaInvoke("Work", function: fn)))).next(State.sqsSendMessage("Send", queue: queue, messageBody: "done")))', "machine")]),
    ]


# MARK: Imported resources

QUEUE_ARN = "arn:aws:sqs:us-east-1:123456789012:orders"
TOPIC_ARN = "arn:aws:sns:us-east-1:123456789012:events"


def imported_queue(py_arn=f'"{QUEUE_ARN}"', swift_arn=f'"{QUEUE_ARN}"', var="imported", ident="Imported"):
    """An existing queue (`Queue.fromQueueArn`): nothing declared, its name and URL read from the ARN."""
    return construct(f'{var} = sqs.Queue.from_queue_arn(s, "{ident}", {py_arn})',
                     f'let {var} = Queue.fromQueueArn("{ident}", arn: {swift_arn})', var)


def imported_topic(py_arn=f'"{TOPIC_ARN}"', swift_arn=f'"{TOPIC_ARN}"', var="imported", ident="Imported"):
    """An existing topic (`Topic.fromTopicArn`)."""
    return construct(f'{var} = sns.Topic.from_topic_arn(s, "{ident}", {py_arn})',
                     f'let {var} = Topic.fromTopicArn("{ident}", arn: {swift_arn})', var)


TABLE_ARN = "arn:aws:dynamodb:us-east-1:123456789012:table/orders"
FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:orders-handler"
BUCKET_ARN = "arn:aws:s3:::orders-data"


def imported_table(how="arn", py_arn=f'"{TABLE_ARN}"', swift_arn=f'"{TABLE_ARN}"', var="imported", ident="Imported"):
    """An existing table (`Table.fromTableArn`, or `fromTableName` with how="name" and the name as the argument)."""
    py_kw, swift_label = ("from_table_name", "fromTableName", ) if how == "name" else ("from_table_arn", "fromTableArn")
    label = "name" if how == "name" else "arn"
    return construct(f'{var} = dynamodb.Table.{py_kw}(s, "{ident}", {py_arn})',
                     f'let {var} = Table.{swift_label}("{ident}", {label}: {swift_arn})', var)


def imported_function(py_arn=f'"{FUNCTION_ARN}"', swift_arn=f'"{FUNCTION_ARN}"', var="imported", ident="Imported"):
    """An existing function (`Function.fromFunctionArn`)."""
    return construct(f'{var} = lambda_.Function.from_function_arn(s, "{ident}", {py_arn})',
                     f'let {var} = Function.fromFunctionArn("{ident}", arn: {swift_arn})', var)


def imported_function_by(how, py_value, swift_value, same_environment=None, var="imported", ident="Imported"):
    """An existing function by name (`Function.fromFunctionName`, how="name") or by attributes
    (`Function.fromFunctionAttributes` with `functionArn` and `sameEnvironment`, how="attributes")."""
    if how == "name":
        return construct(f'{var} = lambda_.Function.from_function_name(s, "{ident}", {py_value})',
                         f'let {var} = Function.fromFunctionName("{ident}", name: {swift_value})', var)
    py_same = "" if same_environment is None else f", same_environment={same_environment}"
    swift_same = "" if same_environment is None else f", sameEnvironment: {str(same_environment).lower()}"
    return construct(f'{var} = lambda_.Function.from_function_attributes(s, "{ident}", function_arn={py_value}{py_same})',
                     f'let {var} = Function.fromFunctionAttributes("{ident}", arn: {swift_value}{swift_same})', var)


def http_api_route(function):
    """An HTTP API with the route `GET /orders` to `function`."""
    return construct(f'api = apigwv2.HttpApi(s, "Api"); api.add_routes(path="/orders", methods=[apigwv2.HttpMethod.GET], '
                     f'integration=integrations.HttpLambdaIntegration("Integration", {function}))',
                     f'let api = HttpApi("Api") {{ Route(.get, "/orders", to: {function}) }}', "api")


def imported_bucket(how="arn", py_arn=f'"{BUCKET_ARN}"', swift_arn=f'"{BUCKET_ARN}"', var="imported", ident="Imported"):
    """An existing bucket (`Bucket.fromBucketArn`, or `fromBucketName` with how="name" and the name as the argument)."""
    py_kw, swift_label = ("from_bucket_name", "fromBucketName") if how == "name" else ("from_bucket_arn", "fromBucketArn")
    label = "name" if how == "name" else "arn"
    return construct(f'{var} = s3.Bucket.{py_kw}(s, "{ident}", {py_arn})',
                     f'let {var} = Bucket.{swift_label}("{ident}", {label}: {swift_arn})', var)


def arn_parameter(ident):
    """A template parameter whose value is the ARN: the imported resource's ARN is a reference."""
    var = ident[0].lower() + ident[1:]
    return construct(f'{var} = cdk.CfnParameter(s, "{ident}")', f'let {var} = Parameter("{ident}")', var)


def import_cases():
    """Existing queues and topics (`fromQueueArn`, `fromTopicArn`) in each place a queue or a topic goes: CDK declares
    nothing for them and no policy on them, and reads their name, URL and region from the ARN; then existing tables,
    functions and buckets."""
    pattern = o("event_pattern", 'events.EventPattern(source=["orders"])', "pattern", 'EventPattern(source: ["orders"])')
    rule = call("events.Rule", "Rule", "Rule", [pattern])
    hourly = o("schedule", "scheduler.ScheduleExpression.rate(Duration.hours(1))", "schedule", ".rate(.hours(1))")
    schedule = lambda py, swift: call("scheduler.Schedule", "EventBridgeSchedule", "Schedule", [hourly, o("target", py, "target", swift)])
    output = lambda ident, py, swift: stmt(f'cdk.CfnOutput(s, "{ident}", value={py})', f'Output("{ident}", value: {swift})')
    # A template needs a resource: the attributes are also kept in a parameter, as an app shares them.
    stored = lambda py, swift: call("ssm.StringParameter", "StringParameter", "Stored", [o("string_value", py, "value", swift)])
    queue_outputs = [output("Url", "imported.queue_url", "imported.url"), output("Name", "imported.queue_name", "imported.name"),
                     output("Arn", "imported.queue_arn", "imported.arn"), stored("imported.queue_url", "imported.url")]
    topic_outputs = [output("Name", "imported.topic_name", "imported.name"), output("Arn", "imported.topic_arn", "imported.arn"),
                     stored("imported.topic_name", "imported.name")]
    joined_queue = ('f"arn:aws:sqs:{cdk.Aws.REGION}:{cdk.Aws.ACCOUNT_ID}:orders"', '"arn:aws:sqs:\\(Aws.region):\\(Aws.accountId):orders"')
    joined_topic = ('f"arn:aws:sns:{cdk.Aws.REGION}:{cdk.Aws.ACCOUNT_ID}:events"', '"arn:aws:sns:\\(Aws.region):\\(Aws.accountId):events"')
    pipe = lambda py_source, swift_source, py_target, swift_target: construct(
        f'pipe = pipes.Pipe(s, "Pipe", source={py_source}, target={py_target})', f'let pipe = Pipe("Pipe", source: {swift_source}, target: {swift_target})', "pipe")
    return [
        Case("ImportQueueAttributes", [imported_queue()] + queue_outputs),
        Case("ImportQueueFromParameter", [arn_parameter("QueueArn"), imported_queue("queueArn.value_as_string", "queueArn.value")] + queue_outputs),
        Case("ImportQueueFromJoinedArn", [imported_queue(*joined_queue)] + queue_outputs),
        Case("ImportQueueGrantSend", [fn(), imported_queue(), stmt("imported.grant_send_messages(fn)", "imported.grant(.send, to: fn)")]),
        Case("ImportQueueGrantConsumeFromParameter", [arn_parameter("QueueArn"), fn(), imported_queue("queueArn.value_as_string", "queueArn.value"),
                                                      stmt("imported.grant_consume_messages(fn)", "imported.grant(.consume, to: fn)")]),
        Case("ImportQueueSubscribed", [topic(), imported_queue(), stmt("topic.add_subscription(subs.SqsSubscription(imported))", "topic.subscribe(imported)")]),
        Case("ImportQueueSubscriptionDeadLetter", [topic(), queue(), imported_queue(),
                                                   stmt("topic.add_subscription(subs.SqsSubscription(queue, dead_letter_queue=imported))",
                                                        "topic.subscribe(queue, deadLetterQueue: imported)")]),
        Case("ImportQueueEventSource", [fn(), imported_queue(), stmt("fn.add_event_source(les.SqsEventSource(imported))", "fn.consumes(imported)")]),
        Case("ImportQueueFifoEventSource", [fn(), imported_queue(f'"{QUEUE_ARN}.fifo"', f'"{QUEUE_ARN}.fifo"'),
                                            stmt("fn.add_event_source(les.SqsEventSource(imported))", "fn.consumes(imported)")]),
        Case("ImportQueueRuleTarget", [imported_queue(), rule, stmt("rule.add_target(targets.SqsQueue(imported))", "rule.target(imported)")]),
        Case("ImportQueueScheduleTarget", [imported_queue(), schedule("scheduler_targets.SqsSendMessage(imported)", ".init(.queue(imported))")]),
        Case("ImportQueuePipeSource", [imported_queue(), queue("Target"), pipe("sources.SqsSource(imported)", ".queue(imported)", "ptargets.SqsTarget(target)", ".queue(target)")]),
        Case("ImportQueuePipeTarget", [queue("Source"), imported_queue(), pipe("sources.SqsSource(source)", ".queue(source)", "ptargets.SqsTarget(imported)", ".queue(imported)")]),
        Case("ImportQueueMachineSend", [imported_queue(), machine('tasks.SqsSendMessage(s, "Send", queue=imported, message_body=sfn.TaskInput.from_text("hello"))',
                                                                  'Chain(State.sqsSendMessage("Send", queue: imported, messageBody: "hello"))')]),
        Case("ImportTopicAttributes", [imported_topic()] + topic_outputs),
        Case("ImportTopicFromParameter", [arn_parameter("TopicArn"), imported_topic("topicArn.value_as_string", "topicArn.value"),
                                          output("Name", "imported.topic_name", "imported.name"), stored("imported.topic_name", "imported.name")]),
        Case("ImportTopicGrantPublish", [fn(), imported_topic(), stmt("imported.grant_publish(fn)", "imported.grant(.publish, to: fn)")]),
        Case("ImportTopicSqsSubscription", [imported_topic(), queue(), stmt("imported.add_subscription(subs.SqsSubscription(queue))", "imported.subscribe(queue)")]),
        Case("ImportTopicLambdaSubscription", [imported_topic(), fn(), stmt("imported.add_subscription(subs.LambdaSubscription(fn))", "imported.subscribe(fn)")]),
        Case("ImportTopicLambdaSubscriptionFromParameter", [arn_parameter("TopicArn"), imported_topic("topicArn.value_as_string", "topicArn.value"), fn(),
                                                            stmt("imported.add_subscription(subs.LambdaSubscription(fn))", "imported.subscribe(fn)")]),
        Case("ImportTopicSubscriptionFromJoinedArn", [imported_topic(*joined_topic), queue(),
                                                      stmt("imported.add_subscription(subs.SqsSubscription(queue))", "imported.subscribe(queue)"),
                                                      output("Name", "imported.topic_name", "imported.name")]),
        Case("ImportTopicSubscribedBoth", [imported_topic(), imported_queue(var="orders", ident="Orders"),
                                           stmt("imported.add_subscription(subs.SqsSubscription(orders))", "imported.subscribe(orders)")]),
        Case("ImportTopicRuleTarget", [imported_topic(), rule, stmt("rule.add_target(targets.SnsTopic(imported))", "rule.target(imported)")]),
        Case("ImportTopicScheduleTarget", [imported_topic(), schedule("scheduler_targets.SnsPublish(imported)", ".init(.topic(imported))")]),
        Case("ImportTopicPipeTarget", [queue("Source"), imported_topic(), pipe("sources.SqsSource(source)", ".queue(source)", "ptargets.SnsTarget(imported)", ".topic(imported)")]),
    ] + imported_table_cases(output, stored) + imported_function_cases(output, stored, rule, schedule, pipe) + imported_bucket_cases(output, stored)


def imported_table_cases(output, stored):
    """Existing tables (`fromTableName`, `fromTableArn`, `fromTableAttributes` with a stream ARN): nothing declared, their
    name read from the ARN, grants on the table's ARN alone."""
    table_outputs = lambda kept_py, kept_swift: [output("Name", "imported.table_name", "imported.name"), output("Arn", "imported.table_arn", "imported.arn"),
                                                 stored(kept_py, kept_swift)]
    stream_arn = f'"{TABLE_ARN}/stream/2024-01-01T00:00:00.000"'
    with_stream = construct(f'imported = dynamodb.Table.from_table_attributes(s, "Imported", table_arn="{TABLE_ARN}", table_stream_arn={stream_arn})',
                            f'let imported = Table.fromTableAttributes("Imported", arn: "{TABLE_ARN}", streamArn: {stream_arn})', "imported")
    with_name_and_stream = construct(f'imported = dynamodb.Table.from_table_attributes(s, "Imported", table_name="orders", table_stream_arn={stream_arn})',
                                     f'let imported = Table.fromTableAttributes("Imported", name: "orders", streamArn: {stream_arn})', "imported")
    return [
        Case("ImportTableNameAttributes", [imported_table("name", '"orders"', '"orders"')] + table_outputs("imported.table_arn", "imported.arn")),
        Case("ImportTableArnAttributes", [imported_table()] + table_outputs("imported.table_name", "imported.name")),
        Case("ImportTableFromParameter", [arn_parameter("TableArn"), imported_table("arn", "tableArn.value_as_string", "tableArn.value"),
                                          output("Name", "imported.table_name", "imported.name"), stored("imported.table_name", "imported.name")]),
        Case("ImportTableNameGrantReadWrite", [fn(), imported_table("name", '"orders"', '"orders"'),
                                               stmt("imported.grant_read_write_data(fn)", "imported.grant(.readWrite, to: fn)")]),
        Case("ImportTableArnGrantRead", [fn(), imported_table(), stmt("imported.grant_read_data(fn)", "imported.grant(.read, to: fn)")]),
        Case("ImportTableArnGrantWrite", [fn(), imported_table(), stmt("imported.grant_write_data(fn)", "imported.grant(.write, to: fn)")]),
        Case("ImportTableGrantStreamRead", [fn(), with_stream, stmt("imported.grant_stream_read(fn)", "imported.grant(.streamRead, to: fn)"),
                                            output("StreamArn", "imported.table_stream_arn", "imported.streamArn")]),
        Case("ImportTableNameGrantStreamRead", [fn(), with_name_and_stream, stmt("imported.grant_read_data(fn)", "imported.grant(.read, to: fn)"),
                                                stmt("imported.grant_stream_read(fn)", "imported.grant(.streamRead, to: fn)")]),
    ]


def imported_function_cases(output, stored, rule, schedule, pipe):
    """Existing functions (`fromFunctionArn`): nothing declared, the name the seventh part of the ARN; in an
    environment-agnostic stack CDK adds no permission for them, and grants on them only when the ARN's account is a
    reference too (a parameter, `Aws.accountId`)."""
    joined = ('f"arn:aws:lambda:{cdk.Aws.REGION}:{cdk.Aws.ACCOUNT_ID}:function:orders-handler"',
              '"arn:aws:lambda:\\(Aws.region):\\(Aws.accountId):function:orders-handler"')
    from_parameter = [arn_parameter("FunctionArn"), imported_function("functionArn.value_as_string", "functionArn.value")]
    function_outputs = [output("Name", "imported.function_name", "imported.name"), stored("imported.function_name", "imported.name")]
    by_name = imported_function_by("name", '"orders-handler"', '"orders-handler"')
    return [
        Case("ImportFunctionAttributes", [imported_function(), output("Arn", "imported.function_arn", "imported.arn")] + function_outputs),
        Case("ImportFunctionFromParameter", from_parameter + function_outputs),
        Case("ImportFunctionFromJoinedArn", [imported_function(*joined)] + function_outputs),
        Case("ImportFunctionRuleTarget", [imported_function(), rule, stmt("rule.add_target(targets.LambdaFunction(imported))", "rule.target(imported)")]),
        Case("ImportFunctionRuleTargetFromParameter", from_parameter + [rule, stmt("rule.add_target(targets.LambdaFunction(imported))", "rule.target(imported)")]),
        Case("ImportFunctionSubscription", [imported_function(), topic(), stmt("topic.add_subscription(subs.LambdaSubscription(imported))", "topic.subscribe(imported)")]),
        Case("ImportFunctionGrantInvokeFromParameter", from_parameter + [fn(), stmt("imported.grant_invoke(fn)", "imported.grantInvoke(to: fn)")]),
        Case("ImportFunctionGrantInvokeFromJoinedArn", [imported_function(*joined), fn(), stmt("imported.grant_invoke(fn)", "imported.grantInvoke(to: fn)")]),
        Case("ImportFunctionScheduleTarget", from_parameter + [schedule("scheduler_targets.LambdaInvoke(imported)", ".init(.function(imported))")]),
        Case("ImportFunctionPipeTarget", [queue("Source")] + from_parameter + [pipe("sources.SqsSource(source)", ".queue(source)", "ptargets.LambdaFunction(imported)", ".function(imported)")]),
        Case("ImportFunctionNameAttributes", [by_name, output("Arn", "imported.function_arn", "imported.arn")] + function_outputs),
        Case("ImportFunctionNameRuleTarget", [by_name, rule, stmt("rule.add_target(targets.LambdaFunction(imported))", "rule.target(imported)")]),
        Case("ImportFunctionNameSubscription", [by_name, topic(), stmt("topic.add_subscription(subs.LambdaSubscription(imported))", "topic.subscribe(imported)")]),
        Case("ImportFunctionNameGrantInvoke", [by_name, fn(), stmt("imported.grant_invoke(fn)", "imported.grantInvoke(to: fn)")]),
        Case("ImportFunctionSameEnvironmentRuleTarget", [imported_function_by("attributes", f'"{FUNCTION_ARN}"', f'"{FUNCTION_ARN}"', True), rule,
                                                         stmt("rule.add_target(targets.LambdaFunction(imported))", "rule.target(imported)")]),
        Case("ImportFunctionSameEnvironmentSubscription", [imported_function_by("attributes", f'"{FUNCTION_ARN}"', f'"{FUNCTION_ARN}"', True), topic(),
                                                           stmt("topic.add_subscription(subs.LambdaSubscription(imported))", "topic.subscribe(imported)")]),
        Case("ImportFunctionNotSameEnvironmentRuleTarget", from_parameter[:1] + [imported_function_by("attributes", "functionArn.value_as_string", "functionArn.value", False), rule,
                                                            stmt("rule.add_target(targets.LambdaFunction(imported))", "rule.target(imported)")]),
        # API Gateway, S3 and the other services that invoke a function get a permission only as CDK's
        # canCreatePermissions allows: never for a function imported by ARN into an environment-agnostic stack,
        # always with sameEnvironment (fromFunctionName).
        Case("ImportFunctionRestApi", [imported_function(var="fn", ident="Fn")] + rest_api([("GET", "/orders", "fn", ("", ""), "")])[1:]),
        Case("ImportFunctionNameRestApi", [imported_function_by("name", '"orders-handler"', '"orders-handler"', var="fn", ident="Fn")]
             + rest_api([("GET", "/orders", "fn", ("", ""), "")])[1:]),
        Case("ImportFunctionHttpApi", [imported_function(var="fn", ident="Fn"), http_api_route("fn")]),
        Case("ImportFunctionNameHttpApi", [imported_function_by("name", '"orders-handler"', '"orders-handler"', var="fn", ident="Fn"), http_api_route("fn")]),
        Case("ImportFunctionBucketNotification", [call("s3.Bucket", "Bucket", "Bucket", []), imported_function(var="fn", ident="Fn"),
                                                  stmt("bucket.add_event_notification(s3.EventType.OBJECT_CREATED, s3n.LambdaDestination(fn))",
                                                       "bucket.notify(fn, on: .objectCreated)")]),
        Case("ImportFunctionMachineInvoke", [imported_function(), machine('tasks.LambdaInvoke(s, "Invoke", lambda_function=imported)',
                                                                          'Chain(State.lambdaInvoke("Invoke", function: imported))')]),
    ]


def imported_bucket_cases(output, stored):
    """Existing buckets (`fromBucketName`, `fromBucketArn`): nothing declared and no policy, the ARN
    `arn:<partition>:s3:::<name>`, grants on the bucket's and its objects' ARNs."""
    bucket_outputs = lambda kept_py, kept_swift: [output("Name", "imported.bucket_name", "imported.name"), output("Arn", "imported.bucket_arn", "imported.arn"),
                                                  stored(kept_py, kept_swift)]
    by_name = imported_bucket("name", '"orders-data"', '"orders-data"')
    return [
        Case("ImportBucketNameAttributes", [by_name] + bucket_outputs("imported.bucket_arn", "imported.arn")),
        Case("ImportBucketArnAttributes", [imported_bucket()] + bucket_outputs("imported.bucket_name", "imported.name")),
        Case("ImportBucketFromParameter", [arn_parameter("BucketArn"), imported_bucket("arn", "bucketArn.value_as_string", "bucketArn.value"),
                                           output("Name", "imported.bucket_name", "imported.name"), stored("imported.bucket_name", "imported.name")]),
        Case("ImportBucketNameGrantRead", [fn(), by_name, stmt("imported.grant_read(fn)", "imported.grant(.read, to: fn)")]),
        Case("ImportBucketNameGrantPut", [fn(), by_name, stmt("imported.grant_put(fn)", "imported.grant(.put, to: fn)")]),
        Case("ImportBucketNameGrantWriteDelete", [fn(), by_name, stmt("imported.grant_write(fn)", "imported.grant(.write, to: fn)"),
                                                  stmt("imported.grant_delete(fn)", "imported.grant(.delete, to: fn)")]),
        Case("ImportBucketArnGrantReadWrite", [fn(), imported_bucket(), stmt("imported.grant_read_write(fn)", "imported.grant(.readWrite, to: fn)")]),
    ]


def all_groups():
    """The cases by group: each group becomes one Swift file of the test target."""
    return {"Queue": queue_cases(), "Topic": topic_cases(), "Table": table_cases(), "Stream": stream_cases(),
            "Bucket": bucket_cases(), "Function": function_cases(), "EventBus": bus_cases(), "Rule": rule_cases(),
            "LogGroup": log_group_cases(), "Key": key_cases(), "Alarm": alarm_cases(),
            "StateMachine": state_machine_cases(), "RestApi": rest_api_cases(), "Tags": tag_cases(),
            "Metric": metric_cases(), "CrossStack": cross_stack_cases(), "EventSource": event_source_cases(),
            "HttpApi": http_api_cases(), "Breadth": breadth_cases(), "SSM": ssm_cases(),
            "FunctionUrl": function_url_cases(), "Layer": layer_cases(),
            "Secret": secret_cases(), "Scheduler": scheduler_cases(),
            "Version": version_cases(), "FunctionRuntime": function_runtime_cases(),
            "Cognito": cognito_cases(), "Authorizer": authorizer_cases(),
            "HttpAuthorizer": http_authorizer_cases(), "Vpc": vpc_cases(),
            "UsagePlan": usage_plan_cases(), "Dashboard": dashboard_cases(),
            "CompositeAlarm": composite_alarm_cases(), "TableV2": table_v2_cases(),
            "Pipe": pipe_cases(), "WebSocket": websocket_cases(),
            "MetricMath": metric_math_cases(), "RequestModel": request_model_cases(),
            "StepFunctionsIntegration": step_functions_integration_cases(), "Import": import_cases()}
