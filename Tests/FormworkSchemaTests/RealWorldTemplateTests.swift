import FormworkSchema
import FormworkTemplate
import Testing

/// Valid CloudFormation that real-world templates use (AWS Quick Starts, templates for `aws cloudformation
/// package`, templates with modules): no error, and a warning where Formwork cannot tell.
@Suite struct RealWorldTemplateTests {
    func issues(_ yaml: String) throws -> [String] {
        TemplateValidator().validate(try Template.parse(yaml, format: .yaml)).map { "\($0.severity.rawValue) \($0.rule) \($0.path.joined(separator: "."))" }
    }

    @Test func removalPoliciesGivenAsIntrinsicFunctionsAreValid() throws {
        let yaml = """
            Parameters:
              Keep: {Type: String, AllowedValues: [Retain, Delete]}
            Conditions:
              IsProd: !Equals [!Ref Keep, Retain]
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                DeletionPolicy: !If [IsProd, Retain, Delete]
                UpdateReplacePolicy: !Ref Keep
            """
        #expect(try issues(yaml) == [])
        let template = try Template.parse(yaml, format: .yaml)
        #expect(template.resources["Queue"]?.otherAttributes["DeletionPolicy"] == ["Fn::If": ["IsProd", "Retain", "Delete"]])
        #expect(try Template.parse(JSONWriter(style: .compact).string(from: template.json), format: .json) == template)
    }

    @Test func subVariablesMayHaveSpacesInsideTheBraces() throws {
        let yaml = """
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: !Sub "${ AWS::StackName }-${ Topic.TopicName }-${AWS::Region}"
              Topic:
                Type: AWS::SNS::Topic
            """
        #expect(try issues(yaml) == [])
        #expect(JSONValue.subVariables("${ Topic.TopicName } ${!Literal} ${ AWS::Region }") == ["Topic.TopicName"])
    }

    @Test func conditionNamesOfQuickStartsOnlyWarn() throws {
        let yaml = """
            Parameters:
              Zones: {Type: Number, Default: 3}
            Conditions:
              AdditionalPrivateSubnets&3AZCondition: !Equals [!Ref Zones, 3]
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                Condition: AdditionalPrivateSubnets&3AZCondition
            """
        #expect(try issues(yaml) == ["warning logical-id Conditions.AdditionalPrivateSubnets&3AZCondition"])
    }

    @Test func referencesAModuleMayDeclareOnlyWarn() throws {
        let yaml = """
            Resources:
              Network:
                Type: Example::Network::Vpc::MODULE
              Queue:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: !Ref NetworkVpc
            """
        #expect(try issues(yaml) == ["warning missing-reference Resources.Queue.Properties.QueueName.Ref"])
        let withoutModule = yaml.replacingOccurrences(of: "Example::Network::Vpc::MODULE", with: "AWS::SNS::Topic")
        #expect(try issues(withoutModule) == ["error missing-reference Resources.Queue.Properties.QueueName.Ref"])
    }

    @Test func codeLeftForPackagingWarnsThatItMustBePackaged() throws {
        let yaml = """
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: nodejs22.x
                  Handler: index.handler
                  Role: arn:aws:iam::111122223333:role/r
                  Code: ./src
            """
        #expect(try issues(yaml) == ["warning package-path Resources.Fn.Properties.Code"])
    }
}

/// `Fn::ForEach` of the AWS::LanguageExtensions transform.
@Suite struct ForEachTests {
    static let yaml = """
        Transform: AWS::LanguageExtensions
        Parameters:
          Names: {Type: CommaDelimitedList, Default: "Orders,Payments"}
          Later: {Type: CommaDelimitedList}
        Resources:
          Fn::ForEach::Topics:
            - Name
            - !Ref Names
            - Topic${Name}:
                Type: AWS::SNS::Topic
                Properties:
                  TopicName: !Ref Name
                  DisplayName: "&{Name} events"
          Fn::ForEach::Queues:
            - Kind
            - [high-priority, low]
            - Queue&{Kind}:
                Type: AWS::SQS::Queue
                Properties: {QueueName: !Sub "${Kind}-${AWS::StackName}"}
          Fn::ForEach::Unknown:
            - Item
            - !Ref Later
            - Bucket${Item}: {Type: AWS::S3::Bucket}
        """

    @Test func loopsExpandIntoTheResourcesTheyDeclare() throws {
        let template = try Template.parse(Self.yaml, format: .yaml)
        #expect(template.resources.keys.elements == ["TopicOrders", "TopicPayments", "Queuehighpriority", "Queuelow"])
        #expect(template.resources["TopicOrders"]?.properties["TopicName"] == "Orders")
        #expect(template.resources["Queuehighpriority"]?.properties["QueueName"] == ["Fn::Sub": "high-priority-${AWS::StackName}"])
        #expect(Array(template.unexpandedLoops.keys) == ["Resources.Fn::ForEach::Unknown"])
    }

    @Test func aLoopOverAValueKnownOnlyAtDeployWarnsAndNothingErs() throws {
        let issues = TemplateValidator().validate(try Template.parse(Self.yaml, format: .yaml))
        #expect(issues.map { "\($0.severity.rawValue) \($0.rule)" } == ["warning for-each"])
    }

    @Test func withoutTheTransformALoopIsNotCloudFormation() {
        #expect(throws: TemplateReadError.self) {
            try Template.parse(Self.yaml.replacingOccurrences(of: "Transform: AWS::LanguageExtensions\n", with: ""), format: .yaml)
        }
    }
}
