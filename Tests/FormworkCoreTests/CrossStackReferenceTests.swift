import Foundation
import FormworkCore
import FormworkTemplate
import Testing

@Suite struct CrossStackReferenceTests {
    static func fixture(_ name: String) throws -> Template {
        let url = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/\(name).template.json")
        return try Template.parse(try String(contentsOf: url, encoding: .utf8))
    }

    @Test func producerStackExportsTheReferencedValueExactlyAsCDK() throws {
        let assembly = try CrossStackApp.make().synthesize()
        let shared = try #require(assembly.stack(named: "SharedStack"))
        let expectedText = try String(contentsOf: Bundle.module.resourceURL!.appendingPathComponent("Fixtures/SharedStack.template.json"), encoding: .utf8)
        #expect(try shared.template.text(in: .json) == expectedText)
    }

    @Test func consumerStackImportsAndMatchesCDKWithoutImpliedDependsOn() throws {
        let assembly = try CrossStackApp.make().synthesize()
        let consumer = try #require(assembly.stack(named: "ConsumerStack"))
        var expected = try Self.fixture("ConsumerStack")
        // CDK also lists the role, which the function's `Role` GetAtt already implies.
        expected.resources["PublisherF0355618"]?.dependsOn = ["PublisherServiceRoleDefaultPolicy0E21E942"]
        #expect(consumer.template == expected)
    }

    @Test func consumerDependsOnProducerInTheAssembly() throws {
        let assembly = try CrossStackApp.make().synthesize()
        #expect(assembly.stack(named: "ConsumerStack")?.dependencies == ["SharedStack"])
        #expect(assembly.stack(named: "SharedStack")?.dependencies == [])
    }

    @Test func twoSynthesesAreByteIdentical() throws {
        let writer = CloudAssemblyWriter()
        let first = try writer.contents(for: CrossStackApp.make().synthesize()).files
        let second = try writer.contents(for: CrossStackApp.make().synthesize()).files
        #expect(first == second)
    }

    @Test func stacksThatImportFromEachOtherAreACycle() {
        let a = Resource("A", type: "AWS::SNS::Topic")
        let b = Resource("B", type: "AWS::SNS::Topic")
        let app = App {
            Stack("First") {
                a
                Output("UsesB", value: b.ref)
            }
            Stack("Second") {
                b
                Output("UsesA", value: a.ref)
            }
        }
        #expect {
            try app.synthesize()
        } throws: { error in
            (error as? SynthesisError)?.code == .stackCycle && (error as? SynthesisError)?.paths == ["First", "Second"]
        }
    }

    @Test func conditionsCannotCrossStacks() {
        let condition = Condition("IsProd", .equals(Aws.region, "us-east-1"))
        let app = App {
            Stack("First") { condition }
            Stack("Second") { Resource("Q", type: "AWS::SQS::Queue").condition(condition) }
        }
        #expect(throws: SynthesisError.self) { try app.synthesize() }
    }

    @Test func referencesBetweenRegionsAreRejected() {
        let topic = Resource("Topic", type: "AWS::SNS::Topic")
        let app = App {
            Stack("East", region: "us-east-1") { topic }
            Stack("West", region: "us-west-2") { Output("T", value: topic.ref) }
        }
        #expect {
            try app.synthesize()
        } throws: { error in
            (error as? SynthesisError)?.code == .crossEnvironmentReference
        }
    }

    @Test func sameValueImportedTwiceIsExportedOnce() throws {
        let topic = Resource("Topic", type: "AWS::SNS::Topic")
        let app = App {
            Stack("Producer") { topic }
            Stack("Consumer") {
                Output("A", value: topic.ref)
                Output("B", value: "topic: \(topic.ref)")
            }
        }
        let assembly = try app.synthesize()
        let exports = try #require(assembly.stack(named: "Producer")).template.outputs
        let exportId = try #require(LogicalId.make(["Exports", #"Output{"Ref":"Topic"}"#]))
        #expect(exportId.hasPrefix("ExportsOutputRefTopic"))
        #expect(exports.keys.elements == [exportId])
        let consumer = try #require(assembly.stack(named: "Consumer")).template
        let name = try #require(exports.values.first?.exportName)
        #expect(consumer.outputs["A"]?.value == .importValue(name))
        #expect(consumer.outputs["B"]?.value == .join("", ["topic: ", .importValue(name)]))
    }
}
