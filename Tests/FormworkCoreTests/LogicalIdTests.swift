@testable import FormworkCore
import FormworkTemplate
import Testing

@Suite struct LogicalIdTests {
    /// The worked examples of CDK's `makeUniqueId` (aws-cdk-lib `logical-id.test.ts` and snapshots).
    @Test(arguments: [
        (["Parent", "Child", "Resource", "HeyThere"], "ParentChildHeyThere35220347"),
        (["Foo-bar", "B00m", "Hello_World", "&&Horray Horray."], "FoobarB00mHelloWorldHorrayHorray640E99FB"),
        (["Foobar", "B00m", "HelloWorld", "HorrayHorray"], "FoobarB00mHelloWorldHorrayHorray744334FD"),
        (["Parent", "ThingResource"], "ParentThingResource75D1D9CB"),
        (["MyAwesomeness"], "MyAwesomeness"),
        (["Foo-bar"], "Foobar"),
        (["MyQueue", "Resource"], "MyQueueE6CA6235"),
        (["MyFunction", "ServiceRole", "Resource"], "MyFunctionServiceRole3C357FF2"),
        (["MyFunction", "Resource"], "MyFunction3BAA72D1"),
        (["lambdarestapi", "Default", "{proxy+}", "ANY", "Resource"], "lambdarestapiproxyANYC900233F"),
        (["Table", "ReadScaling", "Target", "Tracking", "Resource"], "TableReadScalingTargetTracking67DF0596"),
        (["CDKMetadata", "Default"], "CDKMetadata"),
        (["Exports", #"Output{"Ref":"AWS::AccountId"}"#], "ExportsOutputRefAWSAccountIdAD568057"),
        (["MyFunction", "ServiceRole", "DefaultPolicy", "Resource"], "MyFunctionServiceRoleDefaultPolicyB705ABD4"),
        (["L1", "L2", "Pipeline", "Pipeline"], "L1L2Pipeline" + LogicalId.hash(["L1", "L2", "Pipeline", "Pipeline"])),
    ])
    func matchesCDK(components: [String], expected: String) {
        #expect(LogicalId.make(components) == expected)
    }

    @Test func aSingleComponentTooLongIsCutAndHashed() {
        let long = String(repeating: "x", count: 256)
        #expect(LogicalId.make([long]) == String(repeating: "x", count: 240) + "C7A139A2")
    }

    /// CDK hashes `components.join("/")`: an empty component still has its separators (MD5 of `/A`, `A//B`).
    @Test func anEmptyComponentKeepsItsSeparatorsInTheHash() {
        #expect(LogicalId.hash(["", "A"]) == "E62FB706")
        #expect(LogicalId.hash(["A", "", "B"]) == "BA56D6DF")
    }

    /// A component the previous one ends with is skipped as JavaScript's `endsWith` compares (code units), in
    /// logical IDs and generated names alike: `e\u{301}x` ends with `\u{301}x` there, not as Swift characters.
    @Test func aComponentThePreviousEndsWithIsSkippedByCodeUnits() {
        let components = ["A", "e\u{301}x", "\u{301}x"]
        #expect(LogicalId.make(components) == "Aex" + LogicalId.hash(components))
        #expect(UniqueResourceName.make(components) == "Aex" + LogicalId.hash(components))
    }

    @Test func onlyDefaultComponentsGiveNoId() {
        #expect(LogicalId.make(["Default"]) == nil)
    }

    @Test func acceptsOnlyAlphanumericIdsUpTo255Characters() {
        #expect(Template.isValidLogicalId("Queue1"))
        #expect(!Template.isValidLogicalId("Queue-1"))
        #expect(!Template.isValidLogicalId(""))
        #expect(!Template.isValidLogicalId(String(repeating: "a", count: 256)))
    }

    @Test func md5MatchesKnownDigests() {
        #expect(MD5.hex("".utf8) == "d41d8cd98f00b204e9800998ecf8427e")
        #expect(MD5.hex("The quick brown fox jumps over the lazy dog".utf8) == "9e107d9d372bb6826bd81d3542a419d6")
        #expect(MD5.hex(Array(repeating: UInt8(ascii: "a"), count: 64)) == "014842d480b571495a4a0363793f7367")
    }
}
