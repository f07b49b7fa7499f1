@testable import FormworkSchema
import Testing

/// How the generated tables read at start-up are split into rows and fields.
@Suite struct TableRowsTests {
    @Test func emptyLinesAreSkippedAndEmptyFieldsKept() {
        let rows = "nodejs16.x|2024-06-12||2025-10-01|nodejs20.x\n\npython3.13||||\né|x".tableRows()
        #expect(rows == [["nodejs16.x", "2024-06-12", "", "2025-10-01", "nodejs20.x"], ["python3.13", "", "", "", ""], ["é", "x"]])
    }

    @Test func aTableWithoutRowsHasNone() {
        #expect("".tableRows().isEmpty)
        #expect("\n\n".tableRows().isEmpty)
    }
}
