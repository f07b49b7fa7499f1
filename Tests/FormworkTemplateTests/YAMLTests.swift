import Foundation
import FormworkTemplate
import Testing

@Suite struct YAMLTests {
    @Test(arguments: Fixtures.files(in: "cdk", endingWith: ".template.json"))
    func cdkTemplateRoundTripsThroughYAML(file: URL) throws {
        let template = try Template.parse(try Fixtures.text(file))
        let yaml = try template.text(in: .yaml)
        let reread = try Template.parse(yaml, format: .yaml)
        #expect(reread == template)
        #expect(try Template.parse(reread.text(in: .json), format: .json) == template)
    }

    @Test(arguments: Fixtures.files(in: "diff-cases", endingWith: ".old.yaml"))
    func deployedShortFormYAMLRoundTripsThroughJSONAndYAML(file: URL) throws {
        let template = try Template.parse(try Fixtures.text(file), format: .yaml)
        let viaJSON = try Template.parse(template.text(in: .json), format: .json)
        let viaYAML = try Template.parse(viaJSON.text(in: .yaml), format: .yaml)
        #expect(viaJSON == template)
        #expect(viaYAML == template)
    }

    @Test func shortFormYAMLReadsLikeTheSameTemplateInJSON() throws {
        let yaml = try Template.parse(try Fixtures.text(Fixtures.directory.appendingPathComponent("diff-cases/yaml-deployed-changed.old.yaml")))
        #expect(yaml.resources["InventoryQueuePolicy21134A06"]?.properties["Queues"] == [.ref("InventoryQueueB99B90CB")])
        #expect(
            yaml.resources["InventoryQueueFanoutStackOrderTopicE52C240E4B15C33F"]?.properties["Endpoint"]
                == .getAtt("InventoryQueueB99B90CB", "Arn"))
    }

    @Test func everyShortFormTagBecomesItsLongForm() throws {
        let yaml = """
            ref: !Ref Bucket
            getAttDotted: !GetAtt Fn.Arn
            getAttList: !GetAtt [Fn, Arn]
            sub: !Sub 'arn:${AWS::Partition}:s3:::x'
            subList: !Sub ['${A}', {A: !Ref B}]
            join: !Join ['', [a, !Ref B]]
            select: !Select [0, !GetAZs '']
            split: !Split [',', 'a,b']
            if: !If [IsProd, 1, !Ref AWS::NoValue]
            equals: !Equals [!Ref Env, prod]
            and: !And [!Condition A, !Condition B]
            or: !Or [!Condition A, !Condition B]
            not: !Not [!Condition A]
            findInMap: !FindInMap [Map, !Ref AWS::Region, Ami]
            importValue: !ImportValue Shared-Topic
            base64: !Base64 hello
            cidr: !Cidr ['10.0.0.0/16', 6, 5]
            getAZs: !GetAZs ''
            condition: !Condition IsProd
            transform: !Transform {Name: AWS::Include, Parameters: {Location: s3://b/k}}
            """
        let value = try YAMLReader.parse(yaml)
        let expected: JSONValue = [
            "ref": .ref("Bucket"),
            "getAttDotted": .getAtt("Fn", "Arn"),
            "getAttList": .getAtt("Fn", "Arn"),
            "sub": .sub("arn:${AWS::Partition}:s3:::x"),
            "subList": .sub("${A}", variables: ["A": .ref("B")]),
            "join": .join("", ["a", .ref("B")]),
            "select": ["Fn::Select": [0, .getAZs()]],
            "split": .split(",", "a,b"),
            "if": ["Fn::If": ["IsProd", 1, .pseudo(.noValue)]],
            "equals": .equals(.ref("Env"), "prod"),
            "and": .and([.condition("A"), .condition("B")]),
            "or": .or([.condition("A"), .condition("B")]),
            "not": .not(.condition("A")),
            "findInMap": .findInMap("Map", .pseudo(.region), "Ami"),
            "importValue": .importValue("Shared-Topic"),
            "base64": .base64("hello"),
            "cidr": ["Fn::Cidr": ["10.0.0.0/16", 6, 5]],
            "getAZs": .getAZs(),
            "condition": .condition("IsProd"),
            "transform": .transform("AWS::Include", parameters: ["Location": "s3://b/k"]),
        ]
        #expect(value == expected)
    }

    @Test func quotedScalarsStayStrings() throws {
        let value = try YAMLReader.parse("a: '2012-10-17'\nb: \"300\"\nc: 'true'\nd: 300\ne: true\nf: ''\ng: 2012-10-17")
        #expect(value == ["a": "2012-10-17", "b": "300", "c": "true", "d": 300, "e": true, "f": "", "g": "2012-10-17"])
    }

    @Test func writtenStringsThatLookLikeOtherTypesReadBackAsStrings() throws {
        let value: JSONValue = ["v": "2012-10-17", "n": "300", "b": "yes", "z": "null", "e": "", "m": "a\nb", "c": "a: b #c"]
        #expect(try YAMLReader.parse(YAMLWriter().string(from: value)) == value)
    }

    @Test func rejectsDuplicateKeysAtTheLineOfTheDuplicate() {
        #expect {
            try YAMLReader.parse("Resources:\n  A: 1\n  A: 2\n")
        } throws: { error in
            (error as? SourceError)?.line == 3 && (error as? SourceError)?.message.contains("duplicate key 'A'") == true
        }
    }

    @Test func rejectsAnAliasBomb() {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let previous = "*a\(level - 1)"
            yaml += "a\(level): &a\(level) [\(Array(repeating: previous, count: 10).joined(separator: ", "))]\n"
        }
        #expect {
            try YAMLReader.parse(yaml)
        } throws: { error in
            (error as? SourceError)?.message.contains("aliases expand") == true
        }
    }

    @Test func expandsSmallAliases() throws {
        #expect(try YAMLReader.parse("a: &x [1, 2]\nb: *x") == ["a": [1, 2], "b": [1, 2]])
    }

    @Test func reportsSyntaxErrorsWithLineAndColumn() {
        #expect {
            try YAMLReader.parse("a: [1, 2\nb: 3")
        } throws: { error in
            guard let error = error as? SourceError else { return false }
            return error.line >= 1 && !error.message.isEmpty
        }
    }

    @Test func rejectsAnUnknownTag() {
        #expect(throws: SourceError.self) { try YAMLReader.parse("a: !Reff X") }
    }
}
