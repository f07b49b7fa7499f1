import Foundation
import FormworkTemplate
import Testing

@testable import FormworkSchema

/// Schema patterns are matched by ``BoundedRegex`` on plain ASCII values, by ICU on any other: the two must
/// give one verdict. Checked on every pattern the registry schemas hold, with values made from each pattern
/// (walks of its program, so most match) and small changes of them (so many do not).
@Suite struct SchemaPatternParityTests {
    /// Every `pattern` and `patternProperties` name of the vendored schemas, sorted.
    static let patterns: [String] = {
        var found: Set<String> = []
        func collect(_ value: JSONValue) {
            switch value {
            case .object(let members):
                for (key, member) in members {
                    if key == "pattern", case .string(let pattern) = member { found.insert(pattern) }
                    if key == "patternProperties", case .object(let properties) = member { found.formUnion(properties.keys) }
                    collect(member)
                }
            case .array(let elements): elements.forEach(collect)
            default: break
            }
        }
        for line in ResourceSchemaCatalog.schemas.split(separator: "\n") {
            if let schema = try? JSONReader.parse(String(line)) { collect(schema) }
        }
        return found.sorted()
    }()

    /// SplitMix64, so that a failure reproduces.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// A value made by walking `regex`'s program from its start: a random branch at each split (the later one,
    /// which leaves a loop, once the value is long), a random printable character of each class.
    static func walk(_ regex: BoundedRegex, using generator: inout Generator) -> String {
        var bytes: [UInt8] = []
        var pc = 0
        var steps = 0
        while pc < regex.asciiProgram.count, steps < 2_000 {
            steps += 1
            let instruction = regex.asciiProgram[pc]
            switch instruction.kind {
            case .match: return String(decoding: bytes, as: UTF8.self)
            case .jump: pc = Int(instruction.first)
            case .split:
                let leave = bytes.count > 24 || Bool.random(using: &generator)
                pc = Int(leave ? max(instruction.first, instruction.second) : min(instruction.first, instruction.second))
            case .lineStart, .lineEnd: pc += 1
            case .character:
                let accepted = (UInt8(0x20)..<0x7F).filter(instruction.accepts)
                guard let byte = accepted.randomElement(using: &generator) else { return String(decoding: bytes, as: UTF8.self) }
                bytes.append(byte)
                pc += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func theRegistrySchemasHoldThousandsOfPatternsMostInTheLinearSubset() {
        let covered = Self.patterns.filter { BoundedRegex($0) != nil }
        #expect(Self.patterns.count > 3_000)
        #expect(covered.count * 10 > Self.patterns.count * 8, "\(covered.count) of \(Self.patterns.count)")
    }

    @Test func everyPatternGivesICUsVerdictOnPlainASCIIValues() throws {
        var generator = Generator(state: 2026)
        var compared = 0, matched = 0
        var disagreements: [String] = []
        for pattern in Self.patterns {
            guard let bounded = BoundedRegex(pattern), let icu = try? NSRegularExpression(pattern: pattern) else { continue }
            var values = ["", "a", "A1", "x y", "\t", "arn:aws:iam::123456789012:role/name", "~!@#$%^&*()_+{}|:<>?[];',./"]
            for _ in 0..<4 {
                let value = Self.walk(bounded, using: &generator)
                values.append(value)
                values.append(value + "!")
                values.append("-" + value)
                if !value.isEmpty {
                    var changed = Array(value.utf8)
                    changed[Int.random(in: 0..<changed.count, using: &generator)] = UInt8.random(in: 0x20..<0x7F, using: &generator)
                    values.append(String(decoding: changed, as: UTF8.self))
                    values.append(String(value.dropLast()))
                }
            }
            for value in values {
                let expected = icu.firstMatch(in: value, range: NSRange(value.startIndex..., in: value)) != nil
                guard let verdict = bounded.firstMatchIfPlainASCII(value) else {
                    Issue.record("'\(value)' of '\(pattern)' is plain ASCII, yet not matched on its bytes")
                    continue
                }
                compared += 1
                if expected { matched += 1 }
                if verdict != expected, disagreements.count < 20 { disagreements.append("\(pattern) on '\(value)': ICU \(expected)") }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.joined(separator: "\n"))")
        // The walks make values that match, so both verdicts are exercised.
        #expect(matched * 4 > compared, "\(matched) of \(compared) values matched")
    }

    @Test(arguments: ["ü", "a\nb", "line\r", "\u{0B}"])
    func aValueThatIsNotPlainASCIIGoesToICU(value: String) throws {
        let bounded = try #require(BoundedRegex("^[a-z]+$"))
        #expect(bounded.firstMatchIfPlainASCII(value) == nil)
        // ICU's `$` also matches before a final line terminator: "abc\n" matches, which the bytes alone would not say.
        #expect(SchemaPattern(source: "^[a-z]+$").matches("abc\n"))
        #expect(SchemaPattern(source: "^\\d+$").matches("١٢٣"))
    }
}
