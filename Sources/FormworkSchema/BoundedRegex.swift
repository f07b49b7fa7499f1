/// A regular expression matched in time linear in the input: a Thompson automaton run breadth-first (Pike's
/// method), so no pattern a template holds can make a match backtrack for ever.
///
/// Covers the syntax of `AllowedPattern` and schema patterns: literals and escapes, `.`, classes (`[a-z_]`,
/// `[^,]`, `\d \w \s \D \W \S`, `\p{L}`-style categories), groups (`(…)`, `(?:…)`), alternation, the
/// quantifiers `* + ? {n} {n,} {n,m}` (lazy forms match the same strings), and `^ $`. Back-references and
/// look-around are refused at compile time (``init(_:)`` returns `nil`): they cannot be matched in linear time.
public struct BoundedRegex: Sendable {
    /// The most instructions a compiled pattern may have: 20,000. Counted repetition copies its operand
    /// (`(a|b){1,1000}`), so this bounds the work per input character.
    public static let maximumProgramSize = 20_000

    enum Instruction: Sendable {
        case character(CharacterMatcher)
        case split(Int, Int)
        case jump(Int)
        case lineStart
        case lineEnd
        case match
    }

    let program: [Instruction]
    /// ``program`` for plain ASCII input, its character classes as bit masks (see ``matchesPlainASCII(_:anchored:)``).
    let asciiProgram: [ASCIIInstruction]

    /// The compiled `pattern`; `nil` when it is not in the syntax above or compiles to more than
    /// ``maximumProgramSize`` instructions.
    public init?(_ pattern: String) {
        var parser = RegexParser(Array(pattern.unicodeScalars))
        guard let node = parser.parseAll() else { return nil }
        var compiler = RegexCompiler()
        guard compiler.emit(node) else { return nil }
        compiler.program.append(.match)
        guard compiler.program.count <= Self.maximumProgramSize else { return nil }
        program = compiler.program
        asciiProgram = program.map(ASCIIInstruction.init)
    }

    /// The most steps (instructions × characters) a match is given: 10⁸, a fraction of a second.
    public static let maximumSteps = 100_000_000

    /// Whether matching `text` stays within ``maximumSteps``; a longer match is not made.
    public func fitsBudget(_ text: String) -> Bool {
        let (steps, overflow) = program.count.multipliedReportingOverflow(by: text.unicodeScalars.count)
        return !overflow && steps <= Self.maximumSteps
    }

    /// Whether the whole of `text` matches.
    public func wholeMatch(_ text: String) -> Bool {
        run(Array(text.unicodeScalars), anchored: true)
    }

    /// Whether some part of `text` matches.
    public func firstMatch(_ text: String) -> Bool {
        run(Array(text.unicodeScalars), anchored: false)
    }

    private func run(_ input: [Unicode.Scalar], anchored: Bool) -> Bool {
        var current: [Int] = []
        var next: [Int] = []
        var marks = [Int](repeating: -1, count: program.count)
        var stack: [Int] = []
        var generation = 0
        /// Adds the threads reachable from `start` without reading a character at `position`; whether one
        /// of them is a match.
        func add(_ start: Int, at position: Int, to list: inout [Int]) -> Bool {
            var matched = false
            stack.append(start)
            while let pc = stack.popLast() {
                guard marks[pc] != generation else { continue }
                marks[pc] = generation
                switch program[pc] {
                case .jump(let target): stack.append(target)
                case .split(let first, let second):
                    stack.append(second)
                    stack.append(first)
                case .lineStart: if position == 0 { stack.append(pc + 1) }
                case .lineEnd: if position == input.count { stack.append(pc + 1) }
                case .match:
                    if !anchored || position == input.count { matched = true }
                case .character: list.append(pc)
                }
            }
            return matched
        }
        if add(0, at: 0, to: &current) { return true }
        for position in 0..<input.count {
            generation += 1
            next.removeAll(keepingCapacity: true)
            let scalar = input[position]
            for pc in current {
                guard case .character(let matcher) = program[pc], matcher.matches(scalar) else { continue }
                if add(pc + 1, at: position + 1, to: &next) { return true }
            }
            if !anchored, add(0, at: position + 1, to: &next) { return true }
            if next.isEmpty, anchored { return false }
            swap(&current, &next)
        }
        return false
    }
}

/// What one position of a pattern accepts.
struct CharacterMatcher: Sendable {
    enum Item: Sendable {
        case range(UInt32, UInt32)
        case digit(Bool)
        case word(Bool)
        case space(Bool)
        case category(String, Bool)
    }

    var items: [Item]
    var negated = false
    var any = false

    func matches(_ scalar: Unicode.Scalar) -> Bool {
        if any { return scalar != "\n" }
        let found = items.contains { item in
            switch item {
            case .range(let low, let high): return (low...high).contains(scalar.value)
            case .digit(let positive): return ("0"..."9").contains(scalar) == positive
            case .word(let positive):
                return (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_") == positive
            case .space(let positive): return [" ", "\t", "\n", "\r", "\u{0B}", "\u{0C}"].contains(scalar) == positive
            case .category(let name, let positive): return Self.isInCategory(scalar, name) == positive
            }
        }
        return found != negated
    }

    static let categories: Set<String> = ["L", "Lu", "Ll", "N", "Nd", "Z", "P", "S", "Alpha", "Digit", "Alnum", "Punct", "Upper", "Lower", "Space"]

    private static func isInCategory(_ scalar: Unicode.Scalar, _ name: String) -> Bool {
        let category = scalar.properties.generalCategory
        switch name {
        case "L": return [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter].contains(category)
        case "Lu", "Upper": return category == .uppercaseLetter
        case "Ll", "Lower": return category == .lowercaseLetter
        case "N": return [.decimalNumber, .letterNumber, .otherNumber].contains(category)
        case "Nd", "Digit": return category == .decimalNumber
        case "Z": return [.spaceSeparator, .lineSeparator, .paragraphSeparator].contains(category)
        case "Space": return scalar.properties.isWhitespace
        case "P", "Punct":
            return [.connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation, .otherPunctuation]
                .contains(category)
        case "S": return [.mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol].contains(category)
        case "Alpha": return scalar.properties.isAlphabetic
        case "Alnum": return scalar.properties.isAlphabetic || category == .decimalNumber
        default: return false
        }
    }
}
