@testable import FormworkAWS
import FormworkCore
import FormworkTemplate
import Testing

@Suite struct DashboardTests {
    @Test func textIsEscapedAsJavaScriptEscapesIt() {
        #expect(DashboardBody.quoted("a\"b\\c\nd\u{01}é") == #""a\"b\\c\nd\u0001é""#)
    }

    @Test func aDashboardWithoutReferencesIsPlainText() throws {
        let template = try synthesize { Dashboard("D", rows: [[.text(markdown: "hi")]]) }
        #expect(
            template.resources.values.first?.properties["DashboardBody"]
                == #"{"widgets":[{"type":"text","width":6,"height":2,"x":0,"y":0,"properties":{"markdown":"hi"}}]}"#)
    }

    @Test func anInvalidNameOrWidthIsRefused() {
        #expect { try synthesize { Dashboard("D", dashboardName: "has space", rows: []) } } throws: { "\($0)".contains("is not valid") }
        #expect { try synthesize { Dashboard("D", rows: [[.text(markdown: "x", width: 25)]]) } } throws: { "\($0)".contains("1 to 24 columns") }
    }
}
