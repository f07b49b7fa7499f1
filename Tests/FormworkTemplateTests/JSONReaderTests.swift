import FormworkTemplate
import Testing

@Suite struct JSONReaderTests {
    @Test func parsesEveryKindOfValue() throws {
        let value = try JSONReader.parse(#"{"a": [1, -2.5e2, true, false, null, "x\u00e9\n"], "b": {}}"#)
        #expect(value == ["a": [1, -250, true, false, nil, "xé\n"], "b": [:]])
    }

    @Test func reportsLineAndColumnOfAMissingComma() {
        let text = "{\n  \"a\": 1\n  \"b\": 2\n}"
        #expect(throws: SourceError(line: 3, column: 3, message: "expected ',' or '}' in an object, found '\"'")) {
            try JSONReader.parse(text)
        }
    }

    @Test func rejectsADuplicateKeyAtItsPosition() {
        #expect(throws: SourceError(line: 2, column: 2, message: "duplicate key 'a' in one object")) {
            try JSONReader.parse("{\"a\": 1,\n \"a\": 2}")
        }
    }

    @Test func reportsAnUnterminatedStringWhereItStarts() {
        #expect(throws: SourceError(line: 1, column: 7, message: "unterminated string")) {
            try JSONReader.parse("{\"a\": \"abc")
        }
    }

    @Test func rejectsTrailingText() {
        #expect(throws: SourceError(line: 1, column: 4, message: "unexpected text after the end of the JSON value")) {
            try JSONReader.parse("{} x")
        }
    }

    @Test func rejectsLeadingZeros() {
        #expect(throws: SourceError.self) { try JSONReader.parse("[01]") }
    }
}
