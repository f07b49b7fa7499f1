import FormworkDiff
import FormworkTemplate
import OrderedCollections
import Testing

/// Diffs of generated template pairs: never a crash, nothing against itself, mirror images both ways.
@Suite struct DiffPropertyTests {
    /// A small deterministic generator (SplitMix64), so that a failure reproduces.
    struct Generator {
        var state: UInt64

        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }

        mutating func value(depth: Int = 0) -> JSONValue {
            switch next(depth > 2 ? 4 : 6) {
            case 0: return .number(Double(next(100)))
            case 1: return .string(["a", "b", "10", "true", ""][next(5)])
            case 2: return .bool(next(2) == 0)
            case 3: return .ref(["Queue", "Topic", "Table"][next(3)])
            case 4: return .array((0..<next(3)).map { _ in value(depth: depth + 1) })
            default:
                var members = OrderedDictionary<String, JSONValue>()
                for _ in 0..<next(3) { members[["A", "B", "C"][next(3)]] = value(depth: depth + 1) }
                return .object(members)
            }
        }

        mutating func template() -> Template {
            let types = ["AWS::SQS::Queue", "AWS::SNS::Topic", "AWS::DynamoDB::Table", "Custom::Thing", "AWS::S3::Bucket"]
            var template = Template()
            for id in ["Queue", "Topic", "Table", "Bucket", "Other"] where next(4) > 0 {
                var properties = OrderedDictionary<String, JSONValue>()
                for name in ["QueueName", "DelaySeconds", "TableName", "KeySchema", "Tags"] where next(3) == 0 { properties[name] = value() }
                template.resources[id] = Template.Resource(
                    type: types[next(types.count)], properties: properties,
                    dependsOn: next(4) == 0 ? ["Queue"] : [],
                    deletionPolicy: next(3) == 0 ? "Retain" : nil)
            }
            return template
        }
    }

    @Test(arguments: 0..<200)
    func generatedTemplatePairsDiffConsistently(seed: Int) {
        var generator = Generator(state: UInt64(seed))
        let a = generator.template(), b = generator.template()
        let differ = TemplateDiffer()
        #expect(differ.diff(old: a, new: a).isEmpty)
        let forward = differ.diff(old: a, new: b), backward = differ.diff(old: b, new: a)
        let added = Set(forward.resources.filter { $0.action == .add }.map(\.logicalId))
        let removed = Set(backward.resources.filter { [.destroy, .orphan].contains($0.action) }.map(\.logicalId))
        #expect(added == removed)
        #expect(Set(forward.resources.map(\.logicalId)) == Set(backward.resources.map(\.logicalId)))
    }
}
