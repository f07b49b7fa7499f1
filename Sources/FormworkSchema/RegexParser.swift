/// A pattern read into a tree, for ``BoundedRegex``.
indirect enum RegexNode {
    case character(CharacterMatcher)
    case sequence([RegexNode])
    case alternatives([RegexNode])
    /// `node` at least `minimum` times and at most `maximum` (no limit when `nil`).
    case repetition(RegexNode, minimum: Int, maximum: Int?)
    case lineStart
    case lineEnd
}

/// Reads the syntax ``BoundedRegex`` covers; every method returns `nil` on anything else.
struct RegexParser {
    /// The largest count a `{n,m}` may give: 1,000 (Java's own limit is higher; the program size bounds the rest).
    static let maximumCount = 1_000

    private let scalars: [Unicode.Scalar]
    private var position = 0
    /// Nesting of groups, bounded so that reading a pattern never recurses deeply.
    private var depth = 0

    init(_ scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    private var peek: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    private mutating func next() -> Unicode.Scalar? {
        guard let scalar = peek else { return nil }
        position += 1
        return scalar
    }

    mutating func parseAll() -> RegexNode? {
        guard let node = alternatives(), position == scalars.count else { return nil }
        return node
    }

    private mutating func alternatives() -> RegexNode? {
        var branches: [RegexNode] = []
        while true {
            guard let branch = sequence() else { return nil }
            branches.append(branch)
            guard peek == "|" else { break }
            position += 1
        }
        return branches.count == 1 ? branches[0] : .alternatives(branches)
    }

    private mutating func sequence() -> RegexNode? {
        var items: [RegexNode] = []
        while let scalar = peek, scalar != "|", scalar != ")" {
            guard let atom = atom(), let quantified = quantified(atom) else { return nil }
            items.append(quantified)
        }
        return .sequence(items)
    }

    private mutating func quantified(_ atom: RegexNode) -> RegexNode? {
        var node = atom
        while let scalar = peek {
            let bounds: (Int, Int?)
            switch scalar {
            case "*":
                bounds = (0, nil)
                position += 1
            case "+":
                bounds = (1, nil)
                position += 1
            case "?":
                bounds = (0, 1)
                position += 1
            case "{":
                guard let counted = counts() else { return nil }
                bounds = counted
            default: return node
            }
            // Lazy (`*?`) and possessive (`*+`) forms accept the same strings in a whole or first match.
            if peek == "?" || peek == "+" { position += 1 }
            node = .repetition(node, minimum: bounds.0, maximum: bounds.1)
        }
        return node
    }

    private mutating func counts() -> (Int, Int?)? {
        position += 1
        guard let minimum = number() else { return nil }
        var maximum: Int? = minimum
        if peek == "," {
            position += 1
            maximum = peek == "}" ? nil : number()
            if maximum == nil, peek != "}" { return nil }
        }
        guard next() == "}", minimum <= Self.maximumCount, (maximum ?? minimum) <= Self.maximumCount, minimum <= (maximum ?? minimum) else { return nil }
        return (minimum, maximum)
    }

    private mutating func number() -> Int? {
        var value = 0
        var digits = 0
        while let scalar = peek, ("0"..."9").contains(scalar), digits < 6 {
            value = value * 10 + Int(scalar.value - 48)
            digits += 1
            position += 1
        }
        return digits == 0 ? nil : value
    }

    private mutating func atom() -> RegexNode? {
        guard let scalar = next() else { return nil }
        switch scalar {
        case "(":
            guard depth < 100 else { return nil }
            if peek == "?" {
                position += 1
                guard next() == ":" else { return nil }  // look-around and named groups are not covered
            }
            depth += 1
            defer { depth -= 1 }
            guard let inner = alternatives(), next() == ")" else { return nil }
            return inner
        case "[": return characterClass().map(RegexNode.character)
        case ".": return .character(CharacterMatcher(items: [], any: true))
        case "^": return .lineStart
        case "$": return .lineEnd
        case "\\": return escape().map { .character(CharacterMatcher(items: [$0])) }
        case "*", "+", "?", "{", ")", "|": return nil
        default: return .character(CharacterMatcher(items: [.range(scalar.value, scalar.value)]))
        }
    }

    private mutating func characterClass() -> CharacterMatcher? {
        var matcher = CharacterMatcher(items: [])
        if peek == "^" {
            matcher.negated = true
            position += 1
        }
        var first = true
        while let scalar = next() {
            if scalar == "]", !first { return matcher }
            first = false
            if scalar == "[" { return nil }  // unions and intersections are not covered
            let low: CharacterMatcher.Item
            if scalar == "\\" {
                guard let escaped = escape() else { return nil }
                low = escaped
            } else {
                low = .range(scalar.value, scalar.value)
            }
            if peek == "-", position + 1 < scalars.count, scalars[position + 1] != "]", case .range(let start, _) = low {
                position += 1
                guard let endScalar = next() else { return nil }
                var end = endScalar.value
                if endScalar == "\\" {
                    guard case .range(let escapedEnd, _)? = escape() else { return nil }
                    end = escapedEnd
                }
                guard start <= end else { return nil }
                matcher.items.append(.range(start, end))
            } else {
                matcher.items.append(low)
            }
        }
        return nil
    }

    private mutating func escape() -> CharacterMatcher.Item? {
        guard let scalar = next() else { return nil }
        switch scalar {
        case "d": return .digit(true)
        case "D": return .digit(false)
        case "w": return .word(true)
        case "W": return .word(false)
        case "s": return .space(true)
        case "S": return .space(false)
        case "n": return .range(10, 10)
        case "t": return .range(9, 9)
        case "r": return .range(13, 13)
        case "f": return .range(12, 12)
        case "p", "P":
            guard next() == "{" else { return nil }
            var name = ""
            while let letter = next(), letter != "}" { name.unicodeScalars.append(letter) }
            if name.hasPrefix("Is") { name.removeFirst(2) }
            guard CharacterMatcher.categories.contains(name) else { return nil }
            return .category(name, scalar == "p")
        case "u":
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let digit = next(), let nibble = UInt32(String(digit), radix: 16) else { return nil }
                value = value * 16 + nibble
            }
            return .range(value, value)
        default:
            // Back-references (`\1`) and word boundaries (`\b`) are not covered; any other escaped mark is itself.
            guard !scalar.properties.isAlphabetic, !("0"..."9").contains(scalar) else { return nil }
            return .range(scalar.value, scalar.value)
        }
    }
}

/// Turns a ``RegexNode`` into ``BoundedRegex``'s instructions, stopping once the program is too large.
struct RegexCompiler {
    var program: [BoundedRegex.Instruction] = []

    /// Emits `node`; `false` when the program grew past ``BoundedRegex/maximumProgramSize``.
    mutating func emit(_ node: RegexNode) -> Bool {
        guard program.count <= BoundedRegex.maximumProgramSize else { return false }
        switch node {
        case .character(let matcher): program.append(.character(matcher))
        case .lineStart: program.append(.lineStart)
        case .lineEnd: program.append(.lineEnd)
        case .sequence(let items):
            for item in items where !emit(item) { return false }
        case .alternatives(let branches):
            var jumps: [Int] = []
            for (index, branch) in branches.enumerated() {
                if index < branches.count - 1 {
                    let split = program.count
                    program.append(.split(split + 1, 0))
                    guard emit(branch) else { return false }
                    jumps.append(program.count)
                    program.append(.jump(0))
                    program[split] = .split(split + 1, program.count)
                } else {
                    guard emit(branch) else { return false }
                }
            }
            for jump in jumps { program[jump] = .jump(program.count) }
        case .repetition(let inner, let minimum, let maximum):
            for _ in 0..<minimum where !emit(inner) { return false }
            if let maximum {
                var splits: [Int] = []
                for _ in minimum..<maximum {
                    splits.append(program.count)
                    program.append(.split(program.count + 1, 0))
                    guard emit(inner) else { return false }
                }
                for split in splits { program[split] = .split(split + 1, program.count) }
            } else {
                let loop = program.count
                program.append(.split(loop + 1, 0))
                guard emit(inner) else { return false }
                program.append(.jump(loop))
                program[loop] = .split(loop + 1, program.count)
            }
        }
        return true
    }
}
