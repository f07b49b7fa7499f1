import FormworkSchema
import FormworkTemplate
import Testing

/// Values CloudFormation converts: booleans written as strings in any case, as hand-written templates do.
@Suite struct StringCoercionTests {
    func errors(_ value: String) throws -> [ValidationIssue] {
        let yaml = """
            Resources:
              Subnet:
                Type: AWS::EC2::Subnet
                Properties:
                  VpcId: vpc-12345678
                  CidrBlock: 10.0.0.0/24
                  MapPublicIpOnLaunch: \(value)
            """
        return TemplateValidator().validate(try Template.parse(yaml, format: .yaml)).filter { $0.severity == .error }
    }

    @Test(arguments: ["'True'", "'FALSE'", "'true'", "\"False\"", "true"])
    func aBooleanWrittenAsAStringInAnyCaseIsABoolean(value: String) throws {
        #expect(try errors(value).isEmpty)
    }

    @Test(arguments: ["'yes'", "'1'", "'Truth'"])
    func otherStringsAreNotBooleans(value: String) throws {
        #expect(try errors(value).contains { $0.message.contains("boolean") })
    }
}
