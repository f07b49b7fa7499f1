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

    /// Strings are scanned eight bytes at a time for what needs escaping: every ASCII character, at every
    /// position of strings longer and shorter than a word, next to multi-byte characters, is written as
    /// `JSON.stringify` writes it.
    @Test func escapesEveryCharacterWhereverItStandsInTheString() {
        func expected(_ scalar: Unicode.Scalar) -> String {
            switch scalar {
            case "\"": return "\\\""
            case "\\": return "\\\\"
            case "\u{08}": return "\\b"
            case "\u{0C}": return "\\f"
            case "\n": return "\\n"
            case "\r": return "\\r"
            case "\t": return "\\t"
            case _ where scalar.value < 0x20: return String(format: "\\u%04x", scalar.value)
            default: return String(scalar)
            }
        }
        for value in UInt8(0)..<0x80 {
            let scalar = Unicode.Scalar(value)
            for length in [1, 7, 8, 9, 16, 17] {
                for position in 0..<length {
                    let filler = position.isMultiple(of: 2) ? "a" : "é"
                    var text = String(repeating: filler, count: length)
                    var written = ""
                    for (index, character) in text.enumerated() { written += index == position ? expected(scalar) : String(character) }
                    text = String(text.prefix(position)) + String(scalar) + String(text.dropFirst(position + 1))
                    #expect(JSONWriter(style: .compact).string(from: .string(text)) == "\"\(written)\"", "byte \(value) at \(position) of \(length)")
                }
            }
        }
    }

    @Test func writesNumbersAsJavaScriptDoes() {
        let value: JSONValue = [1, 300, -2, 0.5, 1.25, 1e21, 1e-7]
        #expect(JSONWriter(style: .compact).string(from: value) == "[1,300,-2,0.5,1.25,1e+21,1e-7]")
    }

    @Test func writesEmptyContainersOnOneLine() {
        let value: JSONValue = ["a": [], "b": [:]]
        #expect(JSONWriter().string(from: value) == "{\n \"a\": [],\n \"b\": {}\n}")
    }

    @Test func indentsByAnyWidthAndDepthAndNoneForANegativeWidth() throws {
        var value: JSONValue = ["leaf": true]
        for _ in 0..<20 { value = ["k": value] }  // deeper than a 16-byte line break holds at width 1
        for width in [0, 1, 2, 4] {
            let text = JSONWriter(style: .pretty(indent: width)).string(from: value)
            let lines = text.split(separator: "\n")
            #expect(lines.count == 43)
            // Line n (from 0) of the opening half is indented by n levels.
            for (level, line) in lines.prefix(21).enumerated() {
                #expect(line.prefix { $0 == " " }.count == level * width)
            }
            #expect(try JSONReader.parse(text) == value)
        }
        #expect(JSONWriter(style: .pretty(indent: -3)).string(from: value) == JSONWriter(style: .pretty(indent: 0)).string(from: value))
    }

    @Test func keepsInsertionOrderOfKeys() {
        let value: JSONValue = ["Type": "T", "Properties": ["Z": 1, "A": 2]]
        #expect(JSONWriter(style: .compact).string(from: value) == #"{"Type":"T","Properties":{"Z":1,"A":2}}"#)
    }
}
