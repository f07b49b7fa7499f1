import FormworkSchema
import FormworkTemplate
import Testing

/// The formats cfn-lint checks on values written out (E1103, E1150–E1164): what is refused, and — as a
/// false error is worse than a miss — the forms CloudFormation accepts.
@Suite struct ValueFormatTests {
    func errors(_ resources: String, parameters: String = "") throws -> [ValidationIssue] {
        let yaml = "AWSTemplateFormatVersion: '2010-09-09'\n\(parameters)Resources:\n\(resources)"
        return TemplateValidator().validate(try Template.parse(yaml, format: .yaml)).filter { $0.severity == .error }
    }

    func subnet(vpc: String = "vpc-0abc1234", cidr: String) -> String {
        """
          Subnet:
            Type: AWS::EC2::Subnet
            Properties:
              VpcId: \(vpc)
              CidrBlock: \(cidr)

        """
    }

    @Test(arguments: ["10.0.0.0/24", "10.0.0.0/255.255.255.0", "0.0.0.0/0", "10.1.2.3"])
    func anIPv4NetworkAsPythonsIpaddressReadsItIsAccepted(cidr: String) throws {
        #expect(try errors(subnet(cidr: cidr)) == [])
    }

    @Test(arguments: ["10.0.300.0/24", "10.0.0.1/24", "10.0.0.0/33", "010.0.0.0/24", "10.0.0/24"])
    func anIPv4NetworkWithABadOctetHostBitsOrPrefixIsRefused(cidr: String) throws {
        #expect(try errors(subnet(cidr: cidr)).map(\.rule) == ["format"])
    }

    @Test(arguments: ["vpc-0abc1234", "vpc-0123456789abcdef0", "'{{resolve:ssm:/network/vpc}}'"])
    func aVPCIdOfEightOrSeventeenHexDigitsOrADynamicReferenceIsAccepted(vpc: String) throws {
        #expect(try errors(subnet(vpc: vpc, cidr: "10.0.0.0/24")) == [])
    }

    @Test func aMadeUpVPCIdIsRefusedNamingTheFormat() throws {
        let found = try errors(subnet(vpc: "vpc-0abc", cidr: "10.0.0.0/24"))
        #expect(found.map(\.message) == ["'vpc-0abc' is not a valid AWS::EC2::VPC.Id"])
    }

    @Test(arguments: ["ami-0123456789abcdef0", "resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"])
    func anImageIsAnAMIIdOrAnSSMParameterEC2Resolves(image: String) throws {
        let instance = """
              Instance:
                Type: AWS::EC2::LaunchTemplate
                Properties:
                  LaunchTemplateData:
                    ImageId: \(image)

            """
        #expect(try errors(instance) == [])
    }

    @Test func aRefToAStringParameterWhereAListIsNeededIsRefusedAndAListParameterIsNot() throws {
        let parameters = "Parameters:\n  One: {Type: 'AWS::EC2::SecurityGroup::Id'}\n  Many: {Type: 'List<AWS::EC2::SecurityGroup::Id>'}\n"
        func instance(_ groups: String) -> String {
            "  Instance:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-0123456789abcdef0\n      SecurityGroupIds: \(groups)\n"
        }
        #expect(try errors(instance("!Ref One"), parameters: parameters).map(\.message) == ["Ref yields a string, but this property needs a list"])
        #expect(try errors(instance("!Ref Many"), parameters: parameters) == [])
        #expect(try errors(instance("[!Ref One]"), parameters: parameters) == [])
    }

    @Test(arguments: [
        "{{resolve:ssm:/app/name}}", "{{resolve:ssm:/app/name:3}}",
        "{{resolve:secretsmanager:prod/db:SecretString:password}}", "{{resolve:secretsmanager:prod/db:SecretString:password:AWSCURRENT}}",
        "{{resolve:secretsmanager:arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod-db-AbCdEf:SecretString:password::}}",
    ])
    func everyDocumentedDynamicReferenceFormIsAccepted(reference: String) throws {
        let parameter = "  Parameter:\n    Type: AWS::SSM::Parameter\n    Properties:\n      Type: String\n      Value: '\(reference)'\n"
        #expect(try errors(parameter) == [])
    }

    @Test(arguments: [
        ("{{resolve:secretmanager:prod/db:SecretString:password}}", "not a service dynamic references can read"),
        ("{{resolve:ssm:/app/name:latest}}", "a parameter version is a number"),
        ("{{resolve:secretsmanager:prod/db:SecretBinary}}", "the only part a reference reads is SecretString"),
    ])
    func aMalformedDynamicReferenceIsRefusedSayingWhatIsWrong(reference: String, problem: String) throws {
        let parameter = "  Parameter:\n    Type: AWS::SSM::Parameter\n    Properties:\n      Type: String\n      Value: '\(reference)'\n"
        let found = try errors(parameter)
        #expect(found.count == 1)
        #expect(found.first?.message.contains(problem) == true)
    }
}
