import Formwork
import FormworkTesting
import Testing

/// Each `Match` pattern, matching and failing with its message.
@Suite struct MatchTests {
    static let template: StackTemplate = {
        let text = """
            {"Resources": {"Rule": {"Type": "AWS::Events::Rule", "Properties": {
                "Name": "nightly-cleanup",
                "EventPattern": {"source": ["shop.orders"], "detail-type": ["OrderPlaced", "OrderCancelled"]},
                "Targets": [{"Id": "A", "Arn": "arn:a", "Input": "{\\"kind\\":\\"nightly\\",\\"size\\":3}"},
                            {"Id": "B", "Arn": "arn:b"}],
                "State": "ENABLED", "Nothing": null}}}}
            """
        return (try? StackTemplate(text: text)) ?? StackTemplate(Template())
    }()

    /// The failure lines of matching the rule's properties against `pattern`, or `[]` when it matches.
    func mismatches(_ pattern: Match) -> [String] {
        guard let text = failureText({ Self.template.hasResourceProperties("AWS::Events::Rule", pattern) }) else { return [] }
        return text.split(separator: "\n").dropFirst(2).map { String($0.dropFirst(4)) }
    }

    @Test func objectLiteralsMatchPartiallyAllTheWayDown() {
        #expect(mismatches(["EventPattern": ["source": ["shop.orders"]]]).isEmpty)
        #expect(
            mismatches(["EventPattern": ["source": ["shop.billing"]]]) == [
                #"[~] Properties.EventPattern.source.[0]: expected "shop.billing", found "shop.orders""#
            ])
    }

    @Test func objectEqualsAndExactAllowNoOtherKeys() {
        #expect(mismatches(["EventPattern": .objectEquals(["source": .anyValue, "detail-type": .anyValue])]).isEmpty)
        #expect(
            mismatches(["EventPattern": .objectEquals(["source": .anyValue])]) == [
                #"[~] Properties.EventPattern.detail-type: expected no such key, found ["OrderPlaced","OrderCancelled"]"#
            ])
        #expect(
            mismatches(["Targets": .exact([["Id": "A", "Arn": "arn:a"], ["Id": "B", "Arn": "arn:b"]])]) == [
                #"[~] Properties.Targets.[0].Input: expected no such key, found "{\"kind\":\"nightly\",\"size\":3}""#
            ])
    }

    @Test func arrayLiteralsAndArrayEqualsNeedEveryElement() {
        #expect(mismatches(["EventPattern": ["detail-type": .arrayEquals(["OrderPlaced", "OrderCancelled"])]]).isEmpty)
        #expect(
            mismatches(["EventPattern": ["detail-type": ["OrderPlaced"]]]) == [
                #"[~] Properties.EventPattern.detail-type: expected an array of 1 element, found 2: ["OrderPlaced","OrderCancelled"]"#
            ])
    }

    @Test func arrayWithMatchesASubsequenceInOrder() {
        #expect(mismatches(["Targets": .arrayWith([["Id": "B"]])]).isEmpty)
        #expect(mismatches(["EventPattern": ["detail-type": .arrayWith(["OrderPlaced", "OrderCancelled"])]]).isEmpty)
        #expect(
            mismatches(["EventPattern": ["detail-type": .arrayWith(["OrderCancelled", "OrderPlaced"])]]) == [
                #"[~] Properties.EventPattern.detail-type: expected the array to hold a match of pattern [1] after the matches before it, found none in ["OrderPlaced","OrderCancelled"]"#
            ])
    }

    @Test func anyValueAbsentAndNot() {
        #expect(mismatches(["Name": .anyValue, "Description": .absent, "State": .not("DISABLED")]).isEmpty)
        #expect(mismatches(["Nothing": .anyValue]) == ["[~] Properties.Nothing: expected a value, found null"])
        #expect(mismatches(["Name": .absent]) == [#"[~] Properties.Name: expected the key to be absent, found "nightly-cleanup""#])
        #expect(mismatches(["State": .not("ENABLED")]) == [#"[~] Properties.State: expected anything but what the pattern matches, found "ENABLED""#])
    }

    @Test func serializedJSONMatchesTheParsedText() {
        #expect(mismatches(["Targets": .arrayWith([["Input": .serializedJSON(["kind": "nightly"])]])]).isEmpty)
        #expect(
            mismatches(["Name": .serializedJSON(["kind": "nightly"])]) == [
                #"[~] Properties.Name: expected JSON text, found a string that is not JSON: "nightly-cleanup""#
            ])
        #expect(
            mismatches(["State": .serializedJSON(.anyValue), "EventPattern": .serializedJSON(.anyValue)]).last?.hasPrefix(
                "[~] Properties.EventPattern: expected a string of JSON text, found object") == true)
    }

    @Test func stringLikeMatchesARegularExpression() {
        #expect(mismatches(["Name": .stringLike("^nightly-")]).isEmpty)
        #expect(mismatches(["Name": .stringLike("^weekly-")]) == [#"[~] Properties.Name: expected a string like /^weekly-/, found "nightly-cleanup""#])
    }

    @Test func aCaptureRecordsEveryMatchAndStepsThroughThem() throws {
        let ids = Capture()
        let input = Capture(.stringLike("^\\{"))
        #expect(mismatches(["Targets": [["Id": .capture(ids), "Input": .capture(input)], ["Id": .capture(ids)]]]).isEmpty)
        #expect(try ids.asString() == "A")
        #expect(ids.next())
        #expect(try ids.asString() == "B")
        #expect(!ids.next())
        #expect(try input.asString().hasPrefix("{\"kind\""))
        #expect(throws: CaptureError.self) { try input.asNumber() }
        let types = Capture()
        _ = mismatches(["EventPattern": ["detail-type": .capture(types)]])
        #expect(try types.asArray() == ["OrderPlaced", "OrderCancelled"])
        let pattern = Capture()
        _ = mismatches(["EventPattern": .capture(pattern)])
        #expect(try pattern.asObject().keys.elements == ["source", "detail-type"])
    }

    @Test func aCaptureOfAFailedAssertionHoldsNothing() {
        let name = Capture()
        #expect(!mismatches(["Name": .capture(name), "State": "DISABLED"]).isEmpty)
        #expect(throws: CaptureError.self) { try name.asString() }
    }

    @Test func aMatcherOfYourOwn() {
        struct ArnOf: Matcher {
            let service: String
            var name: String { "ArnOf" }
            func test(_ actual: JSONValue?) -> MatchResult {
                var result = MatchResult(target: actual)
                if actual?.stringValue?.hasPrefix("arn:\(service)") != true { result.recordFailure(at: [], "expected an ARN of \(service)") }
                return result
            }
        }
        #expect(mismatches(["Targets": .arrayWith([["Arn": .matching(ArnOf(service: "b"))]])]).isEmpty)
        #expect(mismatches(["Targets": [["Arn": .matching(ArnOf(service: "c"))], .anyValue]]) == ["[~] Properties.Targets.[0].Arn: expected an ARN of c"])
    }
}
