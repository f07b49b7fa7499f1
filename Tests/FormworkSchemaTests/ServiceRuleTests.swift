import FormworkSchema
import FormworkTemplate
import Testing

/// The relations between properties and resources that cfn-lint checks in code (E3039, E3052, E3057, E3059,
/// E3060, E3502, E3504, E3700): each refuses the mistake, and leaves alone what it cannot know before deploy.
@Suite struct ServiceRuleTests {
    func errors(_ yaml: String) throws -> [ValidationIssue] {
        TemplateValidator().validate(try Template.parse("Resources:\n" + yaml, format: .yaml)).filter { $0.severity == .error }
    }

    func table(definitions: String, index: String = "") -> String {
        """
          Table:
            Type: AWS::DynamoDB::Table
            Properties:
              BillingMode: PAY_PER_REQUEST
              AttributeDefinitions: [\(definitions)]
              KeySchema: [{AttributeName: pk, KeyType: HASH}]
        \(index)
        """
    }

    @Test func tableAttributeDefinitionsAreExactlyTheKeyAttributesOfTheTableAndItsIndexes() throws {
        let gsi = "      GlobalSecondaryIndexes: [{IndexName: byEmail, KeySchema: [{AttributeName: email, KeyType: HASH}], Projection: {ProjectionType: ALL}}]"
        #expect(try errors(table(definitions: "{AttributeName: pk, AttributeType: S}")) == [])
        #expect(try errors(table(definitions: "{AttributeName: pk, AttributeType: S}, {AttributeName: email, AttributeType: S}", index: gsi)) == [])
        #expect(
            try errors(table(definitions: "{AttributeName: pk, AttributeType: S}, {AttributeName: email, AttributeType: S}")).map(\.rule) == ["key-attributes"])
        #expect(try errors(table(definitions: "{AttributeName: pk, AttributeType: S}", index: gsi)).map(\.rule) == ["key-attributes"])
    }

    func queues(sourceFIFO: String, targetFIFO: String?) -> String {
        """
          Dlq:
            Type: AWS::SQS::Queue
            Properties: {\(targetFIFO.map { "FifoQueue: \($0)" } ?? "")}
          Source:
            Type: AWS::SQS::Queue
            Properties:
              FifoQueue: \(sourceFIFO)
              RedrivePolicy: {deadLetterTargetArn: !GetAtt Dlq.Arn, maxReceiveCount: 3}
        """
    }

    @Test func aDeadLetterQueueIsOfItsSourcesTypeUnlessEitherIsDecidedAtDeploy() throws {
        #expect(try errors(queues(sourceFIFO: "true", targetFIFO: nil)).map(\.rule) == ["dead-letter-queue"])
        #expect(try errors(queues(sourceFIFO: "'True'", targetFIFO: "true")) == [])
        #expect(try errors(queues(sourceFIFO: "false", targetFIFO: nil)) == [])
        #expect(try errors(queues(sourceFIFO: "!Ref AWS::NoValue", targetFIFO: "!Ref AWS::NoValue")) == [])
    }

    func subnets(_ first: String, _ second: String, condition: String = "") -> String {
        """
          Vpc:
            Type: AWS::EC2::VPC
            Properties: {CidrBlock: 10.0.0.0/16}
          A:
            Type: AWS::EC2::Subnet
            Properties: {VpcId: !Ref Vpc, CidrBlock: \(first)}
          B:
            Type: AWS::EC2::Subnet
            \(condition)
            Properties: {VpcId: !Ref Vpc, CidrBlock: \(second)}
        """
    }

    @Test func subnetsLieInsideTheirVPCAndDoNotOverlap() throws {
        #expect(try errors(subnets("10.0.0.0/24", "10.0.1.0/24")) == [])
        #expect(try errors(subnets("10.0.0.0/24", "10.1.0.0/24")).map(\.message) == ["10.1.0.0/24 is not inside 10.0.0.0/16, the CIDR block of the VPC 'Vpc'"])
        #expect(
            try errors(subnets("10.0.0.0/23", "10.0.1.0/24")).map(\.message) == [
                "10.0.1.0/24 overlaps 10.0.0.0/23, the CIDR block of the subnet 'A' in the same VPC"
            ])
        #expect(try errors(subnets("!Select [0, !Cidr [!GetAtt Vpc.CidrBlock, 2, 8]]", "!Select [1, !Cidr [!GetAtt Vpc.CidrBlock, 2, 8]]")) == [])
    }

    @Test func backupsStayInColdStorageNinetyDays() throws {
        func plan(cold: Int, delete: Int) -> String {
            """
              Plan:
                Type: AWS::Backup::BackupPlan
                Properties:
                  BackupPlan:
                    BackupPlanName: p
                    BackupPlanRule:
                      - {RuleName: r, TargetBackupVault: v, Lifecycle: {MoveToColdStorageAfterDays: \(cold), DeleteAfterDays: \(delete)}}
            """
        }
        #expect(try errors(plan(cold: 30, delete: 120)) == [])
        #expect(try errors(plan(cold: 30, delete: 119)).map(\.rule) == ["backup-lifecycle"])
    }

    @Test func aPipelinesSourceActionsAreInItsFirstStageOnly() throws {
        func pipeline(_ first: String, _ second: String) -> String {
            """
              Pipeline:
                Type: AWS::CodePipeline::Pipeline
                Properties:
                  RoleArn: arn:aws:iam::123456789012:role/pipeline
                  Stages:
                    - Name: One
                      Actions: [{Name: a, ActionTypeId: {Category: \(first), Owner: AWS, Provider: S3, Version: '1'}}]
                    - Name: Two
                      Actions: [{Name: b, ActionTypeId: {Category: \(second), Owner: AWS, Provider: CodeBuild, Version: '1'}}]
            """
        }
        #expect(try errors(pipeline("Source", "Build")).filter { $0.rule == "pipeline-stages" } == [])
        #expect(try errors(pipeline("Build", "Source")).filter { $0.rule == "pipeline-stages" }.count == 2)
    }

    @Test func aServiceOfAnAwsvpcTaskDefinitionHasItsNetworkConfiguration() throws {
        func service(mode: String, network: String) -> String {
            """
              Task:
                Type: AWS::ECS::TaskDefinition
                Properties:
                  NetworkMode: \(mode)
                  ContainerDefinitions: [{Name: web, Image: nginx}]
              Service:
                Type: AWS::ECS::Service
                Properties:
                  TaskDefinition: !Ref Task
                  \(network)
            """
        }
        let network = "NetworkConfiguration: {AwsvpcConfiguration: {Subnets: [subnet-0abc1234]}}"
        #expect(try errors(service(mode: "awsvpc", network: "DesiredCount: 1")).map(\.rule) == ["missing-required"])
        #expect(try errors(service(mode: "awsvpc", network: network)) == [])
        #expect(try errors(service(mode: "bridge", network: "DesiredCount: 1")) == [])
    }

    @Test func aCacheBehaviorTargetsADeclaredOriginOrOriginGroup() throws {
        func distribution(target: String) -> String {
            """
              Cdn:
                Type: AWS::CloudFront::Distribution
                Properties:
                  DistributionConfig:
                    Enabled: true
                    Origins: [{Id: site, DomainName: example.com, CustomOriginConfig: {OriginProtocolPolicy: https-only}}]
                    DefaultCacheBehavior: {TargetOriginId: \(target), ViewerProtocolPolicy: redirect-to-https, CachePolicyId: 658327ea-f89d-4fab-a63d-7e88639e58f6}
            """
        }
        #expect(try errors(distribution(target: "site")) == [])
        #expect(try errors(distribution(target: "sight")).map(\.rule) == ["cache-behavior-origin"])
    }

    @Test func aQueuesVisibilityTimeoutCoversItsFunctionsTimeoutWithTheServicesDefaults() throws {
        func mapping(visibility: String?, timeout: String?) -> String {
            """
              Queue:
                Type: AWS::SQS::Queue
                Properties: {\(visibility.map { "VisibilityTimeout: \($0)" } ?? "")}
              Function:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: python3.12
                  Handler: index.handler
                  Role: arn:aws:iam::123456789012:role/run
                  Code: {ZipFile: x}
                  \(timeout.map { "Timeout: \($0)" } ?? "")
              Mapping:
                Type: AWS::Lambda::EventSourceMapping
                Properties: {EventSourceArn: !GetAtt Queue.Arn, FunctionName: !Ref Function}
            """
        }
        #expect(try errors(mapping(visibility: nil, timeout: nil)) == [])
        #expect(try errors(mapping(visibility: nil, timeout: "30")) == [])
        #expect(try errors(mapping(visibility: nil, timeout: "31")).map(\.rule) == ["event-source"])
        #expect(try errors(mapping(visibility: "'900'", timeout: "900")) == [])
        #expect(try errors(mapping(visibility: "!Ref AWS::NoValue", timeout: "900")) == [])
    }

    @Test func aMethodsAuthorizationTypeIsItsAuthorizersKindOnTheSameApi() throws {
        func method(authorization: String, authorizerType: String) -> String {
            """
              Api:
                Type: AWS::ApiGateway::RestApi
                Properties: {Name: api}
              Authorizer:
                Type: AWS::ApiGateway::Authorizer
                Properties: {Name: auth, RestApiId: !Ref Api, Type: \(authorizerType), IdentitySource: method.request.header.Authorization, ProviderARNs: [arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc]}
              Method:
                Type: AWS::ApiGateway::Method
                Properties: {RestApiId: !Ref Api, ResourceId: !GetAtt Api.RootResourceId, HttpMethod: GET, AuthorizationType: \(authorization), AuthorizerId: !Ref Authorizer, Integration: {Type: MOCK}}
            """
        }
        #expect(try errors(method(authorization: "COGNITO_USER_POOLS", authorizerType: "COGNITO_USER_POOLS")) == [])
        #expect(try errors(method(authorization: "COGNITO_USER_POOLS", authorizerType: "TOKEN")).map(\.rule) == ["api-parts"])
    }

    @Test func aStateMachinesStatesHaveStatesLanguageTypesAndStartAtNamesOne() throws {
        func machine(type: String, startAt: String = "Begin") -> String {
            """
              Machine:
                Type: AWS::StepFunctions::StateMachine
                Properties:
                  RoleArn: arn:aws:iam::123456789012:role/run
                  Definition:
                    StartAt: \(startAt)
                    States:
                      Begin: {Type: Parallel, End: true, Branches: [{StartAt: Nap, States: {Nap: {Type: \(type), Seconds: 5, End: true}}}]}
            """
        }
        #expect(try errors(machine(type: "Wait")) == [])
        #expect(
            try errors(machine(type: "Sleep")).map(\.path) == [
                ["Resources", "Machine", "Properties", "Definition", "States", "Begin", "Branches", "0", "States", "Nap", "Type"]
            ])
        #expect(try errors(machine(type: "Wait", startAt: "Start")).map(\.rule) == ["state-machine"])
    }
}
