@testable import FormworkSchema
import Testing

/// The schema index is read in one pass: each well-formed `type|offset|length` line, and nothing of the others.
@Suite struct SchemaIndexTests {
    @Test func wellFormedLinesAreReadAndOthersSkippedWithoutLosingTheNextLine() {
        let index = "AWS::SQS::Queue|0|120\nbroken line\nAWS::SNS::Topic|120|x\n\nAWS::S3::Bucket|120|80|extra\nAWS::Lambda::Function|200|35"
        #expect(ResourceSchemaCatalog.ranges(inIndex: index) == ["AWS::SQS::Queue": 0..<120, "AWS::Lambda::Function": 200..<235])
    }
}
