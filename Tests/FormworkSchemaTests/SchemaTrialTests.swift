@testable import FormworkSchema
import FormworkTemplate
import Testing

/// A trial (`if`, `not`, `contains`, a `oneOf` branch) runs quietly on the evaluator and restores its state:
/// whatever a trial met, nested or not, the checks after it must report as they would without it.
@Suite struct SchemaTrialTests {
    /// A `Properties` schema: a list that must contain "a" or "b" (a `oneOf` inside `contains`), an integer of at
    /// most 5, and, when `Mode` is "big", a `Size` of at least 3.
    private static let schema = CompiledResourceSchema([
        "type": "object",
        "additionalProperties": false,
        "properties": [
            "List": ["type": "array", "contains": ["oneOf": [["type": "string", "enum": ["a"]], ["type": "string", "enum": ["b"]]]]],
            "Mode": ["type": "string"],
            "Size": ["type": "integer", "maximum": 5],
        ],
        "if": ["properties": ["Mode": ["const": "big"]], "required": ["Mode"]],
        "then": ["properties": ["Size": ["minimum": 3]]],
    ])

    private func issues(_ properties: JSONValue) -> [String] {
        var evaluator = SchemaEvaluator(resource: Self.schema, propertyDepth: 4)
        var path = ["Resources", "Thing", "Properties"]
        evaluator.check(properties, against: Self.schema.root, path: &path)
        #expect(path == ["Resources", "Thing", "Properties"])
        return evaluator.issues.map { "\($0.rule) \($0.pathInEntry)" }
    }

    @Test func checksAfterNestedTrialsStillReport() {
        // `contains` tries each element against both `oneOf` branches; the intrinsic function ends it. The size
        // checked afterwards must still be reported, not counted quietly.
        #expect(issues(["List": ["c", ["Ref": "Other"]], "Size": 9]) == ["range Properties.Size"])
    }

    @Test func aListWithoutAMatchingElementIsReportedOnce() {
        #expect(issues(["List": ["c", "d"], "Size": 1]) == ["contains Properties.List"])
    }

    @Test func theBranchAnIfTrialChoosesReportsItsIssues() {
        #expect(issues(["Mode": "big", "Size": 1]) == ["range Properties.Size"])
        #expect(issues(["Mode": "small", "Size": 1]).isEmpty)
        #expect(issues(["Mode": "big", "Size": 4, "Extra": true]) == ["unknown-property Properties.Extra"])
    }
}
