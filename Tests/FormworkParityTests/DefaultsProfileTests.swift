import Formwork
import FormworkChecks
import Testing

/// The two defaults profiles on one app: CDK's writes CDK's template, and `check` points at each thing it
/// leaves weaker than Formwork's.
@Suite struct DefaultsProfileTests {
    static func app(_ defaults: DefaultsProfile) -> App {
        let topic = Topic("Events")
        let rule = Rule("Nightly", schedule: .rate(.hours(24)))
        return App(defaults: defaults) {
            Stack("Profiled") {
                Bucket("Data")
                Key("DataKey")
                topic
                rule
                rule.target(topic)
            }
        }
    }

    static let weakerUnderCDK: Set<String> = ["s3-public-access", "s3-encryption", "s3-tls", "kms-key-rotation", "service-principal-source"]

    static func findings(_ defaults: DefaultsProfile) throws -> Set<String> {
        let template = try app(defaults).synthesize().stacks[0].template
        return Set(Checker().check(template).map(\.rule))
    }

    @Test func checkPointsAtEachDefaultTheCDKProfileLeavesWeaker() throws {
        #expect(try Self.findings(.cdk).isSuperset(of: Self.weakerUnderCDK))
    }

    @Test func theFormworkProfileLeavesNoneOfThem() throws {
        #expect(try Self.findings(.formwork).isDisjoint(with: Self.weakerUnderCDK))
    }

    @Test func theProfilesDifferOnlyWhereTheTableSays() throws {
        let cdk = try Self.app(.cdk).synthesize().stacks[0].template
        let formwork = try Self.app(.formwork).synthesize().stacks[0].template
        let changed = Set(cdk.resources.keys.filter { cdk.resources[$0]?.json != formwork.resources[$0]?.json })
            .union(Set(formwork.resources.keys).symmetricDifference(cdk.resources.keys))
        let paths = ["Data/Resource", "Data/Policy/Resource", "DataKey/Resource", "Events/Policy/Resource"]
        #expect(changed == Set(paths.compactMap { LogicalId.make($0.split(separator: "/").map(String.init)) }))
    }
}
