import FormworkAWS
import FormworkCore
import FormworkTemplate
import Testing

@Suite struct VersionAliasTests {
    static func function() -> Function {
        Function("Fn", runtime: .nodejs22, handler: "index.handler", code: .inline("exports.handler = async () => ({});"))
    }

    @Test(arguments: ["123", "has space", "", String(repeating: "a", count: 129)])
    func anAliasNameLambdaRefusesIsASynthesisError(name: String) {
        #expect {
            try synthesize {
                let version = Version("V1", function: Self.function())
                version
                Alias("Live", aliasName: name, version: version)
            }
        } throws: { "\($0)".contains("is not valid") }
    }

    @Test func aWeightOutsideZeroToOneIsRefused() {
        #expect {
            try synthesize {
                let first = Version("V1", function: Self.function())
                let second = Version("V2", function: first.function)
                first
                second
                Alias("Live", aliasName: "live", version: second, additionalVersions: [(first, 1.5)])
            }
        } throws: { "\($0)".contains("between 0 and 1") }
    }

    @Test(arguments: [0.05, 0.95])
    func aUtilizationTargetOutsideWhatLambdaScalesOnIsRefused(target: Double) {
        let fn = inlineFunction("Fn")
        #expect {
            try synthesize {
                fn
                Alias("Live", aliasName: "live", version: fn.currentVersion, autoScaling: .init(maxCapacity: 10, utilizationTarget: target))
            }
        } throws: { "\($0)".contains("between 0.1 and 0.9") }
    }

    @Test func aScheduledCapacityMustSetABound() {
        let fn = inlineFunction("Fn")
        #expect {
            try synthesize {
                fn
                Alias(
                    "Live", aliasName: "live", version: fn.currentVersion,
                    autoScaling: .init(maxCapacity: 10, scheduled: [.init("Noon", schedule: .cron(minute: "0", hour: "12"))]))
            }
        } throws: { "\($0)".contains("'Noon' sets neither") }
    }
}
