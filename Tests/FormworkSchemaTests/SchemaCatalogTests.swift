import FormworkSchema
import FormworkTemplate
import Testing

/// The registry schemas are all compiled in: every type of the metadata has one, found by its index.
@Suite struct SchemaCatalogTests {
    @Test func everyRegistryTypeHasItsSchema() {
        let catalog = ResourceSchemaCatalog.shared
        #expect(catalog.typeNames.count == ResourceMetadataCatalog.shared.typeNames.count)
        for type in ["AWS::ACMPCA::Certificate", "AWS::EC2::VPC", "AWS::SQS::Queue", "AWS::QuickSight::Dashboard", catalog.typeNames.last!] {
            #expect(catalog[type] != nil, "\(type)")
        }
    }

    @Test func aTypeOutsideTheServerlessSetIsValidatedInFull() throws {
        let template = try Template(json: ["Resources": ["Vpc": ["Type": "AWS::EC2::VPC", "Properties": [
            "CidrBlock": "10.0.0.0/16", "EnableDnsSupport": "maybe", "InstanceTenancy": "shared"]]]])
        #expect(TemplateValidator().validate(template).map(\.rule) == ["wrong-type", "enum"])
    }
}
