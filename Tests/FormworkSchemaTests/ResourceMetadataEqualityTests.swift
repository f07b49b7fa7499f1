import FormworkSchema
import Testing

/// `ResourceMetadata` shares its fields between copies: metadata built apart with the same fields must still
/// compare and hash alike, and a field that differs must make them unequal.
@Suite struct ResourceMetadataEqualityTests {
    private func metadata(isStateful: Bool = false, attributes: Set<String> = ["Arn"]) -> ResourceMetadata {
        ResourceMetadata(
            typeName: "AWS::SQS::Queue", primaryIdentifier: [PropertyPath(["QueueUrl"])], createOnly: [PropertyPath(["FifoQueue"])],
            conditionalCreateOnly: [], readOnly: [PropertyPath(["Arn"]), PropertyPath(["QueueUrl"])], writeOnly: [],
            required: [], attributes: attributes, specificationReplaces: [], specificationMayReplace: [],
            isStateful: isStateful, isTaggable: true, properties: ["FifoQueue", "QueueName"])
    }

    @Test func metadataBuiltApartWithEqualFieldsIsEqualAndHashesAlike() {
        #expect(metadata() == metadata())
        #expect(metadata().hashValue == metadata().hashValue)
        #expect(metadata().readOnlyPropertyNames == ["Arn", "QueueUrl"])
    }

    @Test func anyFieldThatDiffersMakesMetadataUnequal() {
        #expect(metadata() != metadata(isStateful: true))
        #expect(metadata() != metadata(attributes: ["Arn", "QueueName"]))
    }
}
