import FormworkCore
import FormworkTemplate
import Testing

@Suite struct ValueTests {
    @Test func interpolationWithoutReferencesIsAPlainString() {
        let name = "orders"
        let value: Value = "queue-\(name)-\(3)"
        #expect(value == "queue-orders-3")
    }

    @Test func interpolatedReferencesBuildAJoinWithAdjacentLiteralsMerged() {
        let value: Value = "arn:\(Aws.partition):iam::\(Aws.accountId):root"
        #expect(value == .join("", ["arn:", Aws.partition, ":iam::", Aws.accountId, ":root"]))
    }

    @Test func nestedJoinsWithTheEmptyDelimiterAreFlattened() {
        let inner: Value = "arn:\(Aws.partition):s3:::"
        let value: Value = "\(inner)bucket/\(Aws.region)"
        #expect(value == .join("", ["arn:", Aws.partition, ":s3:::bucket/", Aws.region]))
    }

    @Test func joinsWithOtherDelimitersStayNested() {
        let list: Value = .join(",", ["a", Aws.region])
        let value: Value = "x\(list)"
        #expect(value == .join("", ["x", list]))
    }

    @Test func referencesAreListedDepthFirstAndAValueHoldingOneHasNoJSON() {
        let queue = Resource("Queue", type: "AWS::SQS::Queue"), topic = Resource("Topic", type: "AWS::SNS::Topic")
        let value: Value = ["Queue": queue.ref, "Targets": [topic.getAtt("Arn"), "literal"]]
        #expect(value.references.map(\.target) == [queue.identity, topic.identity])
        #expect(value.json == nil)
        #expect(Value(["Plain": 1]).json == ["Plain": 1])
    }

    @Test func convertsFromJSONUnchanged() {
        let json: JSONValue = ["a": [1, true, nil, "s"]]
        #expect(Value(json) == ["a": [1, true, nil, "s"]])
    }
}
