@testable import FormworkSchema
import Testing

/// The byte search dynamic references are found with.
@Suite struct ASCIISearchTests {
    @Test func aMarkerIsFoundAnywhereAndOnlyWhole() {
        #expect("{{resolve:ssm:/shop/endpoint}}".containsASCII("{{resolve:"))
        #expect("prefix é {{resolve:secretsmanager:id}}".containsASCII("{{resolve:"))
        #expect(!"{{resolve".containsASCII("{{resolve:"))
        #expect(!"".containsASCII("{{resolve:"))
        #expect(!"{ {resolve:".containsASCII("{{resolve:"))
        #expect(("x" + String(repeating: "{", count: 40) + "{{resolve:ssm-secure:p}}").containsASCII("{{resolve:ssm-secure:"))
    }
}
