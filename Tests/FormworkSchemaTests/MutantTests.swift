import Foundation
import FormworkSchema
import FormworkTemplate
import OrderedCollections
import Testing

/// Broken templates at scale, judged by the real cfn-lint (Scripts/validation-corpus/mutants.py): mutations
/// of the valid corpus (`mutants.json`) and of the valid hand-written templates (`mutants-handwritten.json`,
/// YAML bases read as Formwork reads them) with cfn-lint's verdict. Formwork must find an error in at least
/// the share ``minimumFound`` gives of those cfn-lint rejects, and none in those it accepts, but for
/// ``cfnLintMisses``.
@Suite struct MutantTests {
    struct Mutant: Decodable {
        let base: String
        let kind: String
        let op: String
        let path: [PathKey]
        let value: AnyJSON?
        let cfnLintErrors: [String]

        /// The mutant's name in messages and in ``cfnLintMisses``: base, kind and path.
        var id: String { "\(base) \(kind) \(path.map(\.text).joined(separator: "."))" }
    }

    /// A path component: a key or a list index.
    enum PathKey: Decodable {
        case key(String)
        case index(Int)
        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let index = try? container.decode(Int.self) { self = .index(index) } else { self = .key(try container.decode(String.self)) }
        }

        var text: String {
            switch self {
            case .key(let key): key
            case .index(let index): String(index)
            }
        }
    }

    /// Any JSON value, as Formwork's model.
    struct AnyJSON: Decodable {
        let value: JSONValue
        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                value = .string(text)
            } else if let flag = try? container.decode(Bool.self) {
                value = .bool(flag)
            } else if let number = try? container.decode(Double.self) {
                value = .number(number)
            } else if let list = try? container.decode([AnyJSON].self) {
                value = .array(list.map(\.value))
            } else {
                let object = try container.decode([String: AnyJSON].self)
                value = .object(OrderedDictionary(uniqueKeysWithValues: object.sorted { $0.key < $1.key }.map { ($0.key, $0.value.value) }))
            }
        }
    }

    static let fixtures = Bundle.module.resourceURL!.appendingPathComponent("Fixtures")

    /// The mutant files, with the share of cfn-lint's rejections in which Formwork must find an error: the
    /// figure measured when the file was made, rounded down to a whole percent (90% for the first).
    static let minimumFound: [String: Double] = ["mutants.json": 0.9, "mutants-handwritten.json": 0.98]

    /// Mutants cfn-lint accepts that CloudFormation rejects all the same, in which Formwork rightly finds the
    /// error, by ``Mutant/id``, with why they are broken.
    static let cfnLintMisses: [String: String] = [
        "handwritten/valid/dynamodb-global-table.json remove-property Resources.Profiles.Properties.KeySchema.0.AttributeName":
            "a key schema element needs AttributeName; cfn-lint's prefixItems patch exempts the first two elements from `items`",
        "handwritten/valid/sam-sqs-worker.json bad-getatt Resources.Worker.Properties.Policies.0.SQSPollerPolicy.QueueName.Fn::GetAtt":
            "AWS::SQS::Queue has no attribute NoSuchAttribute; cfn-lint does not check GetAtt in SAM policy templates",
        "handwritten/valid/sam-state-machine.yaml bad-getatt Resources.Flow.Properties.Policies.1.SQSSendMessagePolicy.QueueName.Fn::GetAtt":
            "AWS::SQS::Queue has no attribute NoSuchAttribute; cfn-lint does not check GetAtt in SAM policy templates",
        "handwritten/valid/sam-image-function.yaml bad-getatt Resources.Inference.Properties.DeadLetterQueue.TargetArn.Fn::GetAtt":
            "AWS::SQS::Queue has no attribute NoSuchAttribute; cfn-lint does not check GetAtt in a SAM function's DeadLetterQueue",
    ]

    static func mutants(in file: String) throws -> [Mutant] {
        let data = try Data(contentsOf: fixtures.appendingPathComponent(file))
        return try JSONDecoder().decode([Mutant].self, from: data)
    }

    static func applying(_ mutant: Mutant, to value: JSONValue, at path: ArraySlice<PathKey>) -> JSONValue {
        guard let first = path.first else { return value }
        let last = path.count == 1
        switch (first, value) {
        case (.key(let key), .object(var members)):
            if last {
                switch mutant.op {
                case "delete": members[key] = nil
                case "rename":
                    if case .string(let newName)? = mutant.value?.value {
                        members = OrderedDictionary(uniqueKeysWithValues: members.map { ($0.key == key ? newName : $0.key, $0.value) })
                    }
                default: members[key] = mutant.value?.value
                }
            } else if let member = members[key] {
                members[key] = applying(mutant, to: member, at: path.dropFirst())
            }
            return .object(members)
        case (.index(let index), .array(var elements)) where elements.indices.contains(index):
            if last {
                if mutant.op == "delete" { elements.remove(at: index) } else if let new = mutant.value?.value { elements[index] = new }
            } else {
                elements[index] = applying(mutant, to: elements[index], at: path.dropFirst())
            }
            return .array(elements)
        default:
            return value
        }
    }

    /// Whether Formwork finds an error in the mutant (a template it cannot read counts as one).
    static func formworkRejects(_ mutant: Mutant) throws -> Bool {
        let text = try String(contentsOf: fixtures.appendingPathComponent(mutant.base), encoding: .utf8)
        let base = try TemplateFormat(fileName: mutant.base) == .yaml ? YAMLReader.parse(text) : JSONReader.parse(text)
        let mutated = applying(mutant, to: base, at: mutant.path[...])
        guard let template = try? Template(json: mutated) else { return true }
        return TemplateValidator().validate(template).contains { $0.severity == .error }
    }

    @Test(arguments: minimumFound.keys.sorted())
    func formworkFindsAnErrorInWhatCfnLintRejects(file: String) throws {
        let minimum = try #require(Self.minimumFound[file])
        let rejected = try Self.mutants(in: file).filter { !$0.cfnLintErrors.isEmpty }
        var missed: [String: Int] = [:]
        for mutant in rejected where try !Self.formworkRejects(mutant) {
            missed["\(mutant.kind) \(mutant.cfnLintErrors.joined(separator: ","))", default: 0] += 1
        }
        let found = rejected.count - missed.values.reduce(0, +)
        print("\(file): cfn-lint rejects \(rejected.count); Formwork finds an error in \(found); missed by kind: \(missed.sorted { $0.value > $1.value })")
        #expect(Double(found) >= minimum * Double(rejected.count), "\(file): Formwork finds an error in \(found) of \(rejected.count)")
    }

    @Test(arguments: minimumFound.keys.sorted())
    func formworkFindsNoErrorInWhatCfnLintAccepts(file: String) throws {
        let accepted = try Self.mutants(in: file).filter { $0.cfnLintErrors.isEmpty }
        var falseErrors: [String] = []
        for mutant in accepted {
            let rejected = try Self.formworkRejects(mutant)
            if let reason = Self.cfnLintMisses[mutant.id] {
                #expect(rejected, "\(mutant.id) is broken though cfn-lint accepts it (\(reason)); Formwork must find the error")
            } else if rejected {
                falseErrors.append(mutant.id)
            }
        }
        print("\(file): cfn-lint accepts \(accepted.count); Formwork errs on \(falseErrors.count)")
        #expect(falseErrors == [])
    }
}
