import FormworkAWS
import FormworkCore
import FormworkTemplate
import Foundation
import Testing

@Suite struct StateMachineDefinitionTests {
    private let asl = #"{"StartAt":"Wait","States":{"Wait":{"Type":"Wait","Seconds":"${Delay}","End":true}}}"#

    @Test func aDefinitionFileIsWrittenAsItIsWithItsSubstitutions() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("formwork-definition-\(UUID().uuidString).asl.json").path
        try asl.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let template = try synthesize { StateMachine("Machine", definition: .file(path), substitutions: ["Delay": "10"]) }
        let machine = try #require(template.resources.values.first { $0.type == "AWS::StepFunctions::StateMachine" })
        #expect(machine.properties["DefinitionString"] == .string(asl))
        #expect(machine.properties["DefinitionSubstitutions"] == ["Delay": "10"])
    }

    @Test func aPlaceholderWithoutASubstitutionIsRefused() {
        #expect { try synthesize { StateMachine("Machine", definition: .text(asl)) } } throws: { "\($0)".contains("${Delay}") }
    }

    @Test(arguments: [#"{"StartAt": "#, #"{"States": {}}"#])
    func textThatIsNotADefinitionIsRefusedWithWhere(text: String) {
        #expect { try synthesize { StateMachine("Machine", definition: .text(text)) } } throws: {
            "\($0)".contains("not valid JSON: line 1") || "\($0)".contains("needs StartAt and States")
        }
    }

    @Test func aMissingFileIsReportedWithTheWorkingDirectory() {
        #expect { try synthesize { StateMachine("Machine", definition: .file("no/such/definition.asl.json")) } } throws: {
            "\($0)".contains("cannot read the state machine definition 'no/such/definition.asl.json'")
        }
    }

    @Test func aTimeoutOutsideATextDefinitionIsRefused() {
        #expect { try synthesize { StateMachine("Machine", definition: .text(asl), substitutions: ["Delay": "1"], timeout: .minutes(5)) } } throws: {
            "\($0)".contains("carries its own TimeoutSeconds")
        }
    }

    @Test func aDistributedMapReadsFromS3OrFromThePathNotBoth() {
        let bucket = Bucket("Items")
        #expect {
            try synthesize {
                bucket
                StateMachine(
                    "Machine",
                    definition: Chain(
                        State.distributedMap(
                            "Each", itemReader: .json(bucket: bucket, key: "k"), itemsPath: "$.items",
                            processor: Chain(State.pass("P")))))
            }
        } throws: { "\($0)".contains("not both") }
    }

    @Test func labelledDistributedMapsRedriveOnlyTheirOwnRuns() throws {
        let template = try synthesize {
            StateMachine("Machine", definition: Chain(State.distributedMap("Each", itemsPath: "$.items", label: "orders", processor: Chain(State.pass("P")))))
        }
        let policy = try #require(template.resources.first { $0.key.hasPrefix("MachineDistributedMapPolicy") }?.value)
        let redrive = policy.properties["PolicyDocument"]?["Statement"]?.arrayValue?.last?["Resource"]
        #expect("\(String(describing: redrive))".contains("/orders:*"))
    }

    @Test func anItemBatcherThatSetsNothingIsRefused() {
        #expect {
            try synthesize {
                StateMachine(
                    "Machine", definition: Chain(State.distributedMap("Each", itemsPath: "$.items", itemBatcher: .init(), processor: Chain(State.pass("P")))))
            }
        } throws: { "\($0)".contains("sets nothing") }
    }
}
