import Foundation
import FormworkSchema
import FormworkTemplate
import Testing

/// The generated tables against the vendored schemas in Schemas/ and against CloudFormation's behaviour.
@Suite struct ResourceMetadataTests {
    static let schemaFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Schemas/resources")

    static var vendoredFiles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: schemaFolder.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
    }

    static func paths(_ value: JSONValue?) -> [PropertyPath] {
        (value?.arrayValue ?? []).compactMap(\.stringValue).map { PropertyPath(pointer: String($0.dropFirst("/properties/".count))) }
    }

    @Test func everyTypeOfSchemasIsInBothTables() throws {
        #expect(Self.vendoredFiles.count >= 60)
        for file in Self.vendoredFiles {
            let schema = try JSONReader.parse(String(contentsOf: Self.schemaFolder.appendingPathComponent(file), encoding: .utf8))
            let typeName = try #require(schema["typeName"]?.stringValue)
            let metadata = try #require(ResourceMetadataCatalog.shared[typeName], "\(typeName) is missing from the metadata table")
            #expect(ResourceSchemaCatalog.shared[typeName] != nil, "\(typeName) is missing from the schema table")
            #expect(metadata.createOnly == Self.paths(schema["createOnlyProperties"]), "\(typeName)")
            #expect(metadata.conditionalCreateOnly == Self.paths(schema["conditionalCreateOnlyProperties"]), "\(typeName)")
            #expect(metadata.readOnly == Self.paths(schema["readOnlyProperties"]), "\(typeName)")
            #expect(metadata.writeOnly == Self.paths(schema["writeOnlyProperties"]), "\(typeName)")
            #expect(metadata.primaryIdentifier == Self.paths(schema["primaryIdentifier"]), "\(typeName)")
            #expect(metadata.required == (schema["required"]?.arrayValue ?? []).compactMap(\.stringValue), "\(typeName)")
            #expect(metadata.properties == schema["properties"]?.objectValue?.keys.elements, "\(typeName)")
        }
    }

    @Test func theTableCoversCloudFormationsWholeUsEast1Set() {
        let catalog = ResourceMetadataCatalog.shared
        #expect(catalog.typeNames.count >= 1_500)
        #expect(catalog.typeNames.compactMap { catalog[$0] }.count == catalog.typeNames.count)
        #expect(catalog.typeNames.compactMap { catalog[$0] }.filter(\.isStateful).count >= 25)
    }

    @Test(arguments: [
        ("AWS::DynamoDB::Table", "KeySchema", ReplacementVerdict.always),
        ("AWS::DynamoDB::Table", "KeySchema.0.AttributeName", .always),
        ("AWS::DynamoDB::Table", "BillingMode", .never),
        ("AWS::Events::Rule", "EventBusName", .always),
        ("AWS::Events::Rule", "Name", .always),
        ("AWS::Events::Rule", "ScheduleExpression", .never),
        ("AWS::Lambda::Function", "FunctionName", .always),
        ("AWS::Lambda::Function", "MemorySize", .never),
        ("AWS::SQS::Queue", "QueueName", .always),
        ("AWS::SQS::Queue", "FifoQueue", .always),
        ("AWS::SQS::Queue", "VisibilityTimeout", .never),
        ("AWS::SNS::Subscription", "Region", .conditional),
        ("AWS::Batch::ComputeEnvironment", "ComputeResources.SpotIamFleetRole", .always),
        ("AWS::Batch::ComputeEnvironment", "ComputeResources", .conditional),
    ])
    func replacementVerdictsMatchWhatCloudFormationDoes(type: String, path: String, verdict: ReplacementVerdict) throws {
        let metadata = try #require(ResourceMetadataCatalog.shared[type])
        #expect(metadata.replacement(for: PropertyPath(path.split(separator: ".").map(String.init))) == verdict)
    }

    @Test func attributesIncludeReadOnlyPropertiesAndTheSpecificationsNames() throws {
        let queue = try #require(ResourceMetadataCatalog.shared["AWS::SQS::Queue"])
        #expect(queue.attributes == ["Arn", "QueueName", "QueueUrl"])
        #expect(queue.isStateful)
        #expect(ResourceMetadataCatalog.shared["AWS::Lambda::Function"]?.isStateful == false)
    }
}
