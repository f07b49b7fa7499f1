import Foundation
import FormworkTemplate
import Testing

@Suite struct JSONWriterTests {
    @Test(arguments: Fixtures.files(in: "cdk", endingWith: ".template.json"))
    func rewritingACDKTemplateReproducesItByteForByte(file: URL) throws {
        let text = try Fixtures.text(file)
        let template = try Template.parse(text, file: file.lastPathComponent)
        #expect(JSONWriter().string(from: template.json) == text)
    }

    @Test func escapesExactlyWhatJavaScriptEscapes() {
        let value: JSONValue = ["a": "quote \" backslash \\ newline \n tab \t bell \u{07} slash / é"]
        #expect(
            JSONWriter(style: .compact).string(from: value)
                == #"{"a":"quote \" backslash \\ newline \n tab \t bell \u0007 slash / é"}"#)
    }

    @Test func writesNumbersAsJavaScriptDoes() {
        let value: JSONValue = [1, 300, -2, 0.5, 1.25, 1e21, 1e-7]
        #expect(JSONWriter(style: .compact).string(from: value) == "[1,300,-2,0.5,1.25,1e+21,1e-7]")
    }

    @Test func writesEmptyContainersOnOneLine() {
        let value: JSONValue = ["a": [], "b": [:]]
        #expect(JSONWriter().string(from: value) == "{\n \"a\": [],\n \"b\": {}\n}")
    }

    @Test func keepsInsertionOrderOfKeys() {
        let value: JSONValue = ["Type": "T", "Properties": ["Z": 1, "A": 2]]
        #expect(JSONWriter(style: .compact).string(from: value) == #"{"Type":"T","Properties":{"Z":1,"A":2}}"#)
    }
}
