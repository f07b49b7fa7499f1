import FormworkTemplate
import Testing

/// `Template.Resource` shares its fields between copies until one changes: a change must reach only the copy
/// it was made to, and equality must still compare fields.
@Suite struct ResourceValueSemanticsTests {
    @Test func aChangeToACopyLeavesTheOriginalAsItWas() {
        let original = Template.Resource(type: "AWS::SQS::Queue", properties: ["VisibilityTimeout": 30], dependsOn: ["A"])
        var copy = original
        copy.properties["VisibilityTimeout"] = 600
        copy.dependsOn.append("B")
        copy.type = "AWS::SNS::Topic"
        #expect(original.properties["VisibilityTimeout"] == 30)
        #expect(original.dependsOn == ["A"])
        #expect(original.type == "AWS::SQS::Queue")
        #expect(copy.properties["VisibilityTimeout"] == 600)
        #expect(copy.dependsOn == ["A", "B"])
        #expect(copy.type == "AWS::SNS::Topic")
    }

    @Test func resourcesBuiltApartWithEqualFieldsAreEqualAndHashAlike() {
        let first = Template.Resource(type: "AWS::SQS::Queue", properties: ["A": 1], condition: "C")
        var second = Template.Resource(type: "AWS::SQS::Queue")
        second.properties["A"] = 1
        second.condition = "C"
        #expect(first == second)
        #expect(first.hashValue == second.hashValue)
        second.condition = nil
        #expect(first != second)
    }

    @Test func aResourceChangedInATemplateChangesOnlyThatTemplate() {
        var template = Template()
        template.resources["Queue"] = Template.Resource(type: "AWS::SQS::Queue", properties: ["DelaySeconds": 0])
        var changed = template
        changed.resources["Queue"]?.properties["DelaySeconds"] = 5
        #expect(template.resources["Queue"]?.properties["DelaySeconds"] == 0)
        #expect(changed.resources["Queue"]?.properties["DelaySeconds"] == 5)
    }
}
