#!/usr/bin/env python3
"""Valid templates for the validator to accept: the real CDK synthesizes small apps over many service
modules of aws-cdk-lib (each L2 with many options), and the SAM translator expands SAM templates. Writes
Tests/FormworkSchemaTests/Fixtures/corpus/{cdk,sam}/*.json (minified); `ValidCorpusTests` requires every
one to validate with no error.

usage: cdk_corpus.py     (pip install aws-cdk-lib aws-sam-translator; about a minute)
"""
import glob, json, os, shutil, sys, tempfile

import aws_cdk as cdk
from aws_cdk import (Duration, RemovalPolicy, Stack, Tags, aws_apigateway as apigw, aws_apigatewayv2 as apigwv2,
    aws_apigatewayv2_integrations as apigwv2_integrations, aws_appsync as appsync, aws_autoscaling as autoscaling,
    aws_certificatemanager as acm, aws_cloudfront as cloudfront, aws_cloudfront_origins as origins, aws_cloudwatch as cloudwatch,
    aws_cloudwatch_actions as cw_actions, aws_codebuild as codebuild, aws_codepipeline as codepipeline, aws_cognito as cognito,
    aws_dynamodb as dynamodb, aws_ec2 as ec2, aws_ecr as ecr, aws_ecs as ecs, aws_ecs_patterns as ecs_patterns, aws_efs as efs,
    aws_elasticloadbalancingv2 as elbv2, aws_events as events, aws_events_targets as targets, aws_iam as iam, aws_kinesis as kinesis,
    aws_kinesisfirehose as firehose, aws_kms as kms, aws_lambda as lambda_, aws_lambda_event_sources as les, aws_logs as logs,
    aws_rds as rds, aws_route53 as route53, aws_s3 as s3, aws_s3_notifications as s3n, aws_scheduler as scheduler,
    aws_secretsmanager as secretsmanager, aws_sns as sns, aws_sns_subscriptions as subs, aws_sqs as sqs, aws_ssm as ssm,
    aws_stepfunctions as sfn, aws_stepfunctions_tasks as tasks, aws_wafv2 as wafv2, aws_elasticache as elasticache,
    aws_backup as backup, aws_glue as glue, aws_athena as athena, aws_opensearchservice as opensearch)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Tests", "FormworkSchemaTests", "Fixtures", "corpus")
ENV = cdk.Environment(account="111122223333", region="eu-west-1")


def fn(scope, id, **kw):
    return lambda_.Function(scope, id, runtime=lambda_.Runtime.NODEJS_22_X, handler="index.handler",
                            code=lambda_.Code.from_inline("exports.handler = async () => ({});"), **kw)


def vpc_stacks(app):
    for name, kw in {
        "VpcDefault": {},
        "VpcTwoAzsNoNat": {"max_azs": 2, "nat_gateways": 0},
        "VpcIsolated": {"max_azs": 2, "subnet_configuration": [ec2.SubnetConfiguration(name="Isolated", subnet_type=ec2.SubnetType.PRIVATE_ISOLATED, cidr_mask=24)]},
        "VpcFlowLogs": {"max_azs": 2, "nat_gateways": 1, "flow_logs": {"all": ec2.FlowLogOptions()}},
        "VpcIpv6": {"max_azs": 2, "ip_protocol": ec2.IpProtocol.DUAL_STACK, "nat_gateways": 0},
    }.items():
        s = Stack(app, name, env=ENV)
        vpc = ec2.Vpc(s, "Vpc", **kw)
        sg = ec2.SecurityGroup(s, "Sg", vpc=vpc, description="web", allow_all_outbound=False)
        sg.add_ingress_rule(ec2.Peer.any_ipv4(), ec2.Port.tcp(443), "https")
        sg.add_egress_rule(ec2.Peer.ipv4("10.0.0.0/8"), ec2.Port.tcp_range(1024, 2048))
        vpc.add_gateway_endpoint("S3", service=ec2.GatewayVpcEndpointAwsService.S3)
        if name == "VpcDefault":
            vpc.add_interface_endpoint("Sqs", service=ec2.InterfaceVpcEndpointAwsService.SQS)
            ec2.Instance(s, "Bastion", vpc=vpc, instance_type=ec2.InstanceType("t3.micro"),
                         machine_image=ec2.MachineImage.latest_amazon_linux2023(), security_group=sg)


def ecs_stacks(app):
    s = Stack(app, "EcsFargateService", env=ENV)
    vpc = ec2.Vpc(s, "Vpc", max_azs=2, nat_gateways=1)
    cluster = ecs.Cluster(s, "Cluster", vpc=vpc, container_insights_v2=ecs.ContainerInsights.ENABLED)
    ecs_patterns.ApplicationLoadBalancedFargateService(s, "Web", cluster=cluster, cpu=512, memory_limit_mib=1024, desired_count=2,
        task_image_options=ecs_patterns.ApplicationLoadBalancedTaskImageOptions(image=ecs.ContainerImage.from_registry("nginx"), container_port=80))
    s2 = Stack(app, "EcsQueueWorker", env=ENV)
    vpc2 = ec2.Vpc(s2, "Vpc", max_azs=2, nat_gateways=1)
    cluster2 = ecs.Cluster(s2, "Cluster", vpc=vpc2)
    ecs_patterns.QueueProcessingFargateService(s2, "Worker", cluster=cluster2, image=ecs.ContainerImage.from_registry("busybox"),
                                               min_scaling_capacity=1, max_scaling_capacity=5)
    s3_ = Stack(app, "EcsTaskDefinition", env=ENV)
    task = ecs.FargateTaskDefinition(s3_, "Task", cpu=256, memory_limit_mib=512)
    task.add_container("App", image=ecs.ContainerImage.from_registry("amazon/amazon-ecs-sample"), port_mappings=[ecs.PortMapping(container_port=8080)],
                       logging=ecs.LogDrivers.aws_logs(stream_prefix="app"), environment={"STAGE": "prod"}, health_check=ecs.HealthCheck(command=["CMD", "true"]))
    ecr.Repository(s3_, "Repo", image_scan_on_push=True, removal_policy=RemovalPolicy.DESTROY, empty_on_delete=True)


def rds_stacks(app):
    s = Stack(app, "RdsPostgres", env=ENV)
    vpc = ec2.Vpc(s, "Vpc", max_azs=2, nat_gateways=0)
    rds.DatabaseInstance(s, "Db", engine=rds.DatabaseInstanceEngine.postgres(version=rds.PostgresEngineVersion.VER_16),
                         vpc=vpc, vpc_subnets=ec2.SubnetSelection(subnet_type=ec2.SubnetType.PRIVATE_ISOLATED),
                         instance_type=ec2.InstanceType.of(ec2.InstanceClass.T4G, ec2.InstanceSize.MICRO),
                         multi_az=True, storage_encrypted=True, backup_retention=Duration.days(7), deletion_protection=True)
    s2 = Stack(app, "RdsAuroraServerless", env=ENV)
    vpc2 = ec2.Vpc(s2, "Vpc", max_azs=2, nat_gateways=0)
    rds.DatabaseCluster(s2, "Cluster", engine=rds.DatabaseClusterEngine.aurora_postgres(version=rds.AuroraPostgresEngineVersion.VER_16_4),
                        writer=rds.ClusterInstance.serverless_v2("Writer"), readers=[rds.ClusterInstance.serverless_v2("Reader", scale_with_writer=True)],
                        serverless_v2_min_capacity=0.5, serverless_v2_max_capacity=4, vpc=vpc2,
                        vpc_subnets=ec2.SubnetSelection(subnet_type=ec2.SubnetType.PRIVATE_ISOLATED))


def cloudfront_stacks(app):
    s = Stack(app, "CloudFrontS3", env=cdk.Environment(account="111122223333", region="us-east-1"))
    bucket = s3.Bucket(s, "Site", block_public_access=s3.BlockPublicAccess.BLOCK_ALL, enforce_ssl=True)
    cloudfront.Distribution(s, "Cdn", default_behavior=cloudfront.BehaviorOptions(
        origin=origins.S3BucketOrigin.with_origin_access_control(bucket), viewer_protocol_policy=cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cache_policy=cloudfront.CachePolicy.CACHING_OPTIMIZED), default_root_object="index.html",
        error_responses=[cloudfront.ErrorResponse(http_status=404, response_http_status=200, response_page_path="/index.html")],
        price_class=cloudfront.PriceClass.PRICE_CLASS_100)
    fnc = cloudfront.Function(s, "Rewrite", code=cloudfront.FunctionCode.from_inline("function handler(event) { return event.request; }"))
    cloudfront.Distribution(s, "Api", default_behavior=cloudfront.BehaviorOptions(origin=origins.HttpOrigin("api.example.com"),
        function_associations=[cloudfront.FunctionAssociation(function=fnc, event_type=cloudfront.FunctionEventType.VIEWER_REQUEST)],
        allowed_methods=cloudfront.AllowedMethods.ALLOW_ALL, cache_policy=cloudfront.CachePolicy.CACHING_DISABLED))


def cognito_stacks(app):
    s = Stack(app, "CognitoUserPool", env=ENV)
    pool = cognito.UserPool(s, "Pool", self_sign_up_enabled=True, sign_in_aliases=cognito.SignInAliases(email=True),
                            password_policy=cognito.PasswordPolicy(min_length=12, require_symbols=True), mfa=cognito.Mfa.OPTIONAL,
                            mfa_second_factor=cognito.MfaSecondFactor(sms=False, otp=True), account_recovery=cognito.AccountRecovery.EMAIL_ONLY,
                            removal_policy=RemovalPolicy.DESTROY, standard_attributes=cognito.StandardAttributes(fullname=cognito.StandardAttribute(required=True)))
    pool.add_client("Web", auth_flows=cognito.AuthFlow(user_srp=True), o_auth=cognito.OAuthSettings(callback_urls=["https://example.com/cb"],
                    flows=cognito.OAuthFlows(authorization_code_grant=True), scopes=[cognito.OAuthScope.OPENID]))
    pool.add_domain("Domain", cognito_domain=cognito.CognitoDomainOptions(domain_prefix="example-corpus"))
    cognito.CfnIdentityPool(s, "Identities", allow_unauthenticated_identities=False)


def messaging_stacks(app):
    s = Stack(app, "MessagingFull", env=ENV)
    key = kms.Key(s, "Key", enable_key_rotation=True)
    dlq = sqs.Queue(s, "Dlq", encryption=sqs.QueueEncryption.KMS, encryption_master_key=key)
    q = sqs.Queue(s, "Queue", encryption=sqs.QueueEncryption.KMS, encryption_master_key=key, dead_letter_queue=sqs.DeadLetterQueue(queue=dlq, max_receive_count=3),
                  enforce_ssl=True, visibility_timeout=Duration.minutes(5))
    topic = sns.Topic(s, "Topic", master_key=key, enforce_ssl=True)
    topic.add_subscription(subs.SqsSubscription(q, raw_message_delivery=True, filter_policy={"type": sns.SubscriptionFilter.string_filter(allowlist=["a"])}))
    topic.add_subscription(subs.EmailSubscription("ops@example.com"))
    topic.add_subscription(subs.UrlSubscription("https://example.com/hook"))
    f = fn(s, "Fn", tracing=lambda_.Tracing.ACTIVE, memory_size=256, timeout=Duration.seconds(30))
    f.add_event_source(les.SqsEventSource(q, batch_size=5, report_batch_item_failures=True))
    stream = kinesis.Stream(s, "Stream", encryption=kinesis.StreamEncryption.KMS, encryption_key=key)
    f.add_event_source(les.KinesisEventSource(stream, starting_position=lambda_.StartingPosition.TRIM_HORIZON, bisect_batch_on_error=True, retry_attempts=3))
    bus = events.EventBus(s, "Bus")
    bus.archive("Archive", event_pattern=events.EventPattern(source=["orders"]), retention=Duration.days(7))
    events.Rule(s, "Rule", event_bus=bus, event_pattern=events.EventPattern(source=["orders"], detail={"amount": events.Match.greater_than(100)}),
                targets=[targets.LambdaFunction(f, dead_letter_queue=dlq, retry_attempts=2), targets.SqsQueue(q), targets.SnsTopic(topic)])
    events.Rule(s, "Schedule", schedule=events.Schedule.cron(minute="0", hour="3"), targets=[targets.LambdaFunction(f)])


def data_stacks(app):
    s = Stack(app, "DataTables", env=ENV)
    table = dynamodb.TableV2(s, "Global", partition_key=dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING),
                             sort_key=dynamodb.Attribute(name="sk", type=dynamodb.AttributeType.NUMBER),
                             global_secondary_indexes=[dynamodb.GlobalSecondaryIndexPropsV2(index_name="gsi", partition_key=dynamodb.Attribute(name="g", type=dynamodb.AttributeType.STRING))],
                             point_in_time_recovery_specification=dynamodb.PointInTimeRecoverySpecification(point_in_time_recovery_enabled=True),
                             dynamo_stream=dynamodb.StreamViewType.NEW_AND_OLD_IMAGES, time_to_live_attribute="ttl")
    t1 = dynamodb.Table(s, "Provisioned", partition_key=dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING),
                        billing_mode=dynamodb.BillingMode.PROVISIONED, read_capacity=5, write_capacity=5)
    t1.auto_scale_read_capacity(min_capacity=5, max_capacity=50).scale_on_utilization(target_utilization_percent=70)
    t1.add_global_secondary_index(index_name="byStatus", partition_key=dynamodb.Attribute(name="status", type=dynamodb.AttributeType.STRING),
                                  projection_type=dynamodb.ProjectionType.INCLUDE, non_key_attributes=["a", "b"], read_capacity=5, write_capacity=5)
    b = s3.Bucket(s, "Lake", versioned=True, encryption=s3.BucketEncryption.KMS_MANAGED, lifecycle_rules=[
        s3.LifecycleRule(transitions=[s3.Transition(storage_class=s3.StorageClass.GLACIER, transition_after=Duration.days(90))],
                         noncurrent_version_expiration=Duration.days(30))], cors=[s3.CorsRule(allowed_methods=[s3.HttpMethods.GET], allowed_origins=["*"])],
        server_access_logs_bucket=s3.Bucket(s, "Logs", object_ownership=s3.ObjectOwnership.OBJECT_WRITER), event_bridge_enabled=True)
    b.add_event_notification(s3.EventType.OBJECT_CREATED, s3n.SqsDestination(sqs.Queue(s, "Uploads")), s3.NotificationKeyFilter(prefix="in/"))
    ssm.StringParameter(s, "Param", string_value="v", parameter_name="/corpus/param", tier=ssm.ParameterTier.STANDARD)
    secretsmanager.Secret(s, "Secret", generate_secret_string=secretsmanager.SecretStringGenerator(secret_string_template='{"user":"a"}', generate_string_key="password"))
    logs.LogGroup(s, "Logs2", retention=logs.RetentionDays.ONE_MONTH, log_group_class=logs.LogGroupClass.INFREQUENT_ACCESS)
    firehose.DeliveryStream(s, "Firehose", destination=firehose.S3Bucket(b))
    glue.CfnDatabase(s, "Db", catalog_id="111122223333", database_input=glue.CfnDatabase.DatabaseInputProperty(name="corpus"))
    athena.CfnWorkGroup(s, "WorkGroup", name="corpus", work_group_configuration=athena.CfnWorkGroup.WorkGroupConfigurationProperty(enforce_work_group_configuration=True))


def api_stacks(app):
    s = Stack(app, "ApisFull", env=ENV)
    f = fn(s, "Fn")
    pool = cognito.UserPool(s, "Pool")
    api = apigw.RestApi(s, "Rest", deploy_options=apigw.StageOptions(tracing_enabled=True, logging_level=apigw.MethodLoggingLevel.INFO,
        access_log_destination=apigw.LogGroupLogDestination(logs.LogGroup(s, "Access")), access_log_format=apigw.AccessLogFormat.json_with_standard_fields(
            caller=True, http_method=True, ip=True, protocol=True, request_time=True, resource_path=True, response_length=True, status=True, user=True)),
        endpoint_types=[apigw.EndpointType.REGIONAL], default_cors_preflight_options=apigw.CorsOptions(allow_origins=apigw.Cors.ALL_ORIGINS))
    auth = apigw.CognitoUserPoolsAuthorizer(s, "Auth", cognito_user_pools=[pool])
    orders = api.root.add_resource("orders")
    orders.add_method("GET", apigw.LambdaIntegration(f), authorizer=auth, authorization_type=apigw.AuthorizationType.COGNITO)
    orders.add_resource("{id}").add_method("DELETE", apigw.LambdaIntegration(f), api_key_required=True)
    plan = api.add_usage_plan("Plan", throttle=apigw.ThrottleSettings(rate_limit=10, burst_limit=20))
    plan.add_api_key(api.add_api_key("Key"))
    plan.add_api_stage(stage=api.deployment_stage)
    token = apigw.TokenAuthorizer(s, "Token", handler=f)
    orders.add_resource("admin").add_method("POST", apigw.MockIntegration(), authorizer=token)
    http = apigwv2.HttpApi(s, "Http", cors_preflight=apigwv2.CorsPreflightOptions(allow_origins=["*"], allow_methods=[apigwv2.CorsHttpMethod.GET]))
    http.add_routes(path="/items/{id}", methods=[apigwv2.HttpMethod.GET], integration=apigwv2_integrations.HttpLambdaIntegration("Items", f))
    ws = apigwv2.WebSocketApi(s, "Ws", connect_route_options=apigwv2.WebSocketRouteOptions(integration=apigwv2_integrations.WebSocketLambdaIntegration("Connect", f)))
    apigwv2.WebSocketStage(s, "WsStage", web_socket_api=ws, stage_name="prod", auto_deploy=True)
    gql = appsync.GraphqlApi(s, "Graphql", name="corpus", definition=appsync.Definition.from_schema(appsync.SchemaFile.from_asset(os.path.join(os.path.dirname(__file__), "schema.graphql"))),
                             xray_enabled=True)
    gql.add_none_data_source("None").create_resolver("Query", type_name="Query", field_name="hello",
        request_mapping_template=appsync.MappingTemplate.from_string('{"version":"2017-02-28","payload":{}}'),
        response_mapping_template=appsync.MappingTemplate.from_string("$util.toJson('hi')"))
    wafv2.CfnWebACL(s, "Waf", default_action=wafv2.CfnWebACL.DefaultActionProperty(allow={}), scope="REGIONAL",
                    visibility_config=wafv2.CfnWebACL.VisibilityConfigProperty(cloud_watch_metrics_enabled=True, metric_name="waf", sampled_requests_enabled=True),
                    rules=[wafv2.CfnWebACL.RuleProperty(name="common", priority=0, override_action=wafv2.CfnWebACL.OverrideActionProperty(none={}),
                           statement=wafv2.CfnWebACL.StatementProperty(managed_rule_group_statement=wafv2.CfnWebACL.ManagedRuleGroupStatementProperty(vendor_name="AWS", name="AWSManagedRulesCommonRuleSet")),
                           visibility_config=wafv2.CfnWebACL.VisibilityConfigProperty(cloud_watch_metrics_enabled=True, metric_name="common", sampled_requests_enabled=True))])


def workflow_stacks(app):
    s = Stack(app, "WorkflowsFull", env=ENV)
    f = fn(s, "Fn")
    table = dynamodb.Table(s, "Table", partition_key=dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING))
    q = sqs.Queue(s, "Queue")
    choice = sfn.Choice(s, "Route").when(sfn.Condition.string_equals("$.kind", "a"), tasks.LambdaInvoke(s, "Invoke", lambda_function=f, output_path="$.Payload"))
    choice.otherwise(tasks.DynamoPutItem(s, "Put", table=table, item={"pk": tasks.DynamoAttributeValue.from_string(sfn.JsonPath.string_at("$.id"))}))
    definition = sfn.Pass(s, "Start").next(sfn.Parallel(s, "Both").branch(choice).branch(tasks.SqsSendMessage(s, "Send", queue=q, message_body=sfn.TaskInput.from_json_path_at("$"))))
    machine = sfn.StateMachine(s, "Machine", definition_body=sfn.DefinitionBody.from_chainable(definition), tracing_enabled=True,
                               logs=sfn.LogOptions(destination=logs.LogGroup(s, "MachineLogs"), level=sfn.LogLevel.ALL), timeout=Duration.minutes(10))
    role = iam.Role(s, "SchedulerRole", assumed_by=iam.ServicePrincipal("scheduler.amazonaws.com"))
    machine.grant_start_execution(role)
    scheduler.CfnSchedule(s, "Schedule", schedule_expression="rate(1 hour)", flexible_time_window=scheduler.CfnSchedule.FlexibleTimeWindowProperty(mode="OFF"),
                          target=scheduler.CfnSchedule.TargetProperty(arn=machine.state_machine_arn, role_arn=role.role_arn))
    backup.BackupPlan.daily_weekly_monthly5_year_retention(s, "Backup").add_selection("Tables", resources=[backup.BackupResource.from_dynamo_db_table(table)])


def misc_stacks(app):
    s = Stack(app, "IamAndAlarms", env=ENV)
    role = iam.Role(s, "Role", assumed_by=iam.CompositePrincipal(iam.ServicePrincipal("lambda.amazonaws.com"), iam.AccountPrincipal("111122223333")),
                    managed_policies=[iam.ManagedPolicy.from_aws_managed_policy_name("ReadOnlyAccess")], max_session_duration=Duration.hours(2))
    policy = iam.ManagedPolicy(s, "Policy", statements=[iam.PolicyStatement(actions=["s3:GetObject"], resources=["arn:aws:s3:::b/*"],
                               conditions={"StringEquals": {"aws:RequestedRegion": "eu-west-1"}})])
    role.add_managed_policy(policy)
    user = iam.User(s, "User")
    iam.Group(s, "Group").add_user(user)
    topic = sns.Topic(s, "Alerts")
    f = fn(s, "Fn")
    alarm = cloudwatch.Alarm(s, "Errors", metric=f.metric_errors(period=Duration.minutes(1)), threshold=1, evaluation_periods=3, datapoints_to_alarm=2,
                             treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING)
    alarm.add_alarm_action(cw_actions.SnsAction(topic))
    composite = cloudwatch.CompositeAlarm(s, "Composite", alarm_rule=cloudwatch.AlarmRule.any_of(alarm))
    cloudwatch.Dashboard(s, "Dashboard", widgets=[[cloudwatch.GraphWidget(left=[f.metric_invocations()]), cloudwatch.AlarmWidget(alarm=alarm)]])
    cloudwatch.MathExpression(expression="a + b", using_metrics={"a": f.metric_errors(), "b": f.metric_throttles()}).create_alarm(s, "Math", threshold=5, evaluation_periods=1)
    zone = route53.PublicHostedZone(s, "Zone", zone_name="corpus.example.com")
    route53.ARecord(s, "A", zone=zone, target=route53.RecordTarget.from_ip_addresses("192.0.2.1"), ttl=Duration.minutes(5))
    route53.TxtRecord(s, "Txt", zone=zone, values=["hello"])
    acm.Certificate(s, "Cert", domain_name="corpus.example.com", validation=acm.CertificateValidation.from_dns(zone))
    s2 = Stack(app, "BuildPipeline", env=ENV)
    project = codebuild.PipelineProject(s2, "Build", build_spec=codebuild.BuildSpec.from_object({"version": "0.2", "phases": {"build": {"commands": ["make"]}}}),
                                        environment=codebuild.BuildEnvironment(build_image=codebuild.LinuxBuildImage.STANDARD_7_0, compute_type=codebuild.ComputeType.SMALL))
    s3.Bucket(s2, "Artifacts")
    s3b = Stack(app, "ElastiCacheAndSearch", env=ENV)
    vpc = ec2.Vpc(s3b, "Vpc", max_azs=2, nat_gateways=0)
    group = elasticache.CfnSubnetGroup(s3b, "Subnets", description="cache", subnet_ids=[sn.subnet_id for sn in vpc.isolated_subnets])
    elasticache.CfnReplicationGroup(s3b, "Redis", replication_group_description="corpus", engine="redis", cache_node_type="cache.t4g.micro",
                                    num_cache_clusters=2, automatic_failover_enabled=True, cache_subnet_group_name=group.ref, at_rest_encryption_enabled=True,
                                    transit_encryption_enabled=True)
    efs.FileSystem(s3b, "Files", vpc=vpc, vpc_subnets=ec2.SubnetSelection(subnet_type=ec2.SubnetType.PRIVATE_ISOLATED), encrypted=True,
                   lifecycle_policy=efs.LifecyclePolicy.AFTER_30_DAYS, removal_policy=RemovalPolicy.DESTROY)
    opensearch.Domain(s3b, "Search", version=opensearch.EngineVersion.OPENSEARCH_2_17, capacity=opensearch.CapacityConfig(data_node_instance_type="t3.small.search", data_nodes=1, multi_az_with_standby_enabled=False),
                      ebs=opensearch.EbsOptions(volume_size=10), enforce_https=True, node_to_node_encryption=True, encryption_at_rest=opensearch.EncryptionAtRestOptions(enabled=True),
                      removal_policy=RemovalPolicy.DESTROY)
    s4 = Stack(app, "AutoScalingAndAlb", env=ENV)
    vpc4 = ec2.Vpc(s4, "Vpc", max_azs=2, nat_gateways=1)
    asg = autoscaling.AutoScalingGroup(s4, "Asg", vpc=vpc4, instance_type=ec2.InstanceType("t3.micro"), machine_image=ec2.MachineImage.latest_amazon_linux2023(),
                                       min_capacity=1, max_capacity=3)
    asg.scale_on_cpu_utilization("Cpu", target_utilization_percent=60)
    Tags.of(asg).add("team", "corpus")
    alb = elbv2.ApplicationLoadBalancer(s4, "Alb", vpc=vpc4, internet_facing=True)
    listener = alb.add_listener("Http", port=80, open=True)
    listener.add_targets("Asg", port=80, targets=[asg], health_check=elbv2.HealthCheck(path="/health"))
    elbv2.NetworkLoadBalancer(s4, "Nlb", vpc=vpc4).add_listener("Tcp", port=443).add_targets("Asg", port=443, targets=[asg])


def main():
    out = tempfile.mkdtemp()
    app = cdk.App(outdir=out, analytics_reporting=False, context={"aws:cdk:enable-path-metadata": False, "aws:cdk:version-reporting": False})
    for build in (vpc_stacks, ecs_stacks, rds_stacks, cloudfront_stacks, cognito_stacks, messaging_stacks, data_stacks, api_stacks,
                  workflow_stacks, misc_stacks):
        build(app)
    app.synth()
    target = os.path.join(OUT, "cdk")
    shutil.rmtree(target, ignore_errors=True)
    os.makedirs(target)
    count = 0
    for path in sorted(glob.glob(os.path.join(out, "*.template.json"))):
        template = json.load(open(path))
        with open(os.path.join(target, os.path.basename(path)), "w") as f:
            json.dump(template, f, separators=(",", ":"))
            f.write("\n")
        count += 1
    print(f"{count} CDK templates in {os.path.relpath(target, ROOT)}")


if __name__ == "__main__":
    main()
