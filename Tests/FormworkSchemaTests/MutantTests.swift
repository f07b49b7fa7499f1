import Foundation
import FormworkSchema
import FormworkTemplate
import OrderedCollections
import Testing

/// Broken templates at scale, judged by the real cfn-lint (Scripts/validation-corpus/mutants.py): mutations
/// of the valid corpus with cfn-lint's verdict. Formwork must find an error in at least 90% of those cfn-lint
/// rejects, and none in those it accepts.
@Suite struct MutantTests {
    struct Mutant: Decodable {
        let base: String
        let kind: String
        let op: String
        let path: [PathKey]
        let value: AnyJSON?
        let cfnLintErrors: [String]
    }

    /// A path component: a key or a list index.
    enum PathKey: Decodable {
        case key(String)
        case index(Int)
        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let index = try? container.decode(Int.self) { self = .index(index) } else { self = .key(try container.decode(String.self)) }
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
    static let mutants: [Mutant] = {
        let data = try! Data(contentsOf: fixtures.appendingPathComponent("mutants.json"))
        return try! JSONDecoder().decode([Mutant].self, from: data)
    }()

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
        let base = try JSONReader.parse(String(contentsOf: fixtures.appendingPathComponent(mutant.base), encoding: .utf8))
        let mutated = applying(mutant, to: base, at: mutant.path[...])
        guard let template = try? Template(json: mutated) else { return true }
        return TemplateValidator().validate(template).contains { $0.severity == .error }
    }

    @Test func formworkFindsAnErrorInNineTenthsOfWhatCfnLintRejects() throws {
        let rejected = Self.mutants.filter { !$0.cfnLintErrors.isEmpty }
        var missed: [String: Int] = [:]
        for mutant in rejected where try !Self.formworkRejects(mutant) {
            missed["\(mutant.kind) \(mutant.cfnLintErrors.joined(separator: ","))", default: 0] += 1
        }
        let found = rejected.count - missed.values.reduce(0, +)
        print("mutants: cfn-lint rejects \(rejected.count); Formwork finds an error in \(found); missed by kind: \(missed.sorted { $0.value > $1.value })")
        #expect(Double(found) >= 0.9 * Double(rejected.count))
    }

    @Test func formworkFindsNoErrorInWhatCfnLintAccepts() throws {
        let accepted = Self.mutants.filter { $0.cfnLintErrors.isEmpty }
        var falseErrors: [String] = []
        for mutant in accepted where try Self.formworkRejects(mutant) {
            falseErrors.append("\(mutant.kind) \(mutant.base) \(mutant.path)")
        }
        print("mutants: cfn-lint accepts \(accepted.count); Formwork errs on \(falseErrors.count)")
        #expect(falseErrors == [])
    }
}
