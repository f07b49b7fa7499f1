import FormworkDiff
import FormworkTemplate
import Testing

@Suite struct EqualityTests {
    @Test(arguments: [
        (JSONValue.number(10), JSONValue.string("10")),
        (.bool(true), .string("true")),
        (.getAtt("A", "Arn"), JSONValue.object(["Fn::GetAtt": "A.Arn"])),
        (JSONValue.object(["a": 1, "b": 2]), JSONValue.object(["b": 2, "a": 1])),
    ])
    func valuesCloudFormationTreatsAsTheSameAreEqual(lhs: JSONValue, rhs: JSONValue) {
        #expect(CloudFormationEquality.equal(lhs, rhs))
    }

    /// Stricter than CDK's diff, which calls these equal through JavaScript's `Number()`.
    @Test(arguments: [
        (JSONValue.string("1.10"), JSONValue.string("1.1")),
        (.string(""), .number(0)),
        (.null, .string("0")),
        (.string("0x10"), .number(16)),
        (.string("True"), .bool(true)),
        (JSONValue.array([1, 2]), JSONValue.array([2, 1])),
    ])
    func valuesThatDifferForCloudFormationAreNotEqual(lhs: JSONValue, rhs: JSONValue) {
        #expect(!CloudFormationEquality.equal(lhs, rhs))
    }
}
