import FormworkAWS
import FormworkCore
import FormworkTemplate
import Testing

@Suite struct StreamSourceTests {
    @Test func readingATableWithoutAStreamIsAnError() {
        let table = Table("T", partitionKey: .string("pk"))
        let function = inlineFunction("Fn")
        let error = synthesisError {
            table
            function
            function.consumesStream(of: table, .init(startingPosition: .latest))
        }
        #expect(error?.code == .invalidSetting)
        #expect(error?.message.contains("has no stream") == true)
    }

    @Test func streamReadingAlwaysWritesTheBatchSizeAndTheStartingPosition() throws {
        let stream = Stream("S")
        let function = inlineFunction("Fn")
        let template = try synthesize {
            stream
            function
            function.consumes(stream, .init(startingPosition: .trimHorizon))
        }
        let mapping = try #require(template.resources.values.first { $0.type == "AWS::Lambda::EventSourceMapping" })
        #expect(mapping.properties["BatchSize"] == 100)
        #expect(mapping.properties["StartingPosition"] == "TRIM_HORIZON")
    }

    @Test func aParallelizationFactorAboveTenIsAnError() {
        let stream = Stream("S")
        let function = inlineFunction("Fn")
        let error = synthesisError {
            stream
            function
            function.consumes(stream, .init(startingPosition: .latest, parallelizationFactor: 11))
        }
        #expect(error?.message == "parallelizationFactor must be between 1 and 10; it is 11")
    }

    @Test func anEncryptedStreamDeclaresTheUnsupportedRegionsConditionOncePerStack() throws {
        let template = try synthesize {
            Stream("A")
            Stream("B")
        }
        #expect(template.conditions.keys.elements == ["AwsCdkKinesisEncryptedStreamsUnsupportedRegions"])
    }

    @Test func autoScalingAnOnDemandTableIsAnError() {
        let scaling = Table.Scaling(minCapacity: 1, maxCapacity: 10, targetUtilizationPercent: 70)
        let error = synthesisError { Table("T", partitionKey: .string("pk"), billing: .onDemand, readScaling: scaling) }
        #expect(error?.message.contains("needs provisioned billing") == true)
    }
}
