/// One instruction of ``BoundedRegex``'s program as it runs on plain ASCII input: a character class is two
/// 64-bit masks, so that reading a character is a bit test instead of a walk of the class's items.
struct ASCIIInstruction {
    enum Kind: UInt8 {
        case character, split, jump, lineStart, lineEnd, match
    }

    let kind: Kind
    /// The target of a jump, the first branch of a split.
    let first: Int32
    /// The second branch of a split.
    let second: Int32
    /// The characters 0–63 and 64–127 a character instruction accepts, one bit each.
    let low: UInt64
    let high: UInt64

    init(_ instruction: BoundedRegex.Instruction) {
        var kind = Kind.match, first = 0, second = 0, low: UInt64 = 0, high: UInt64 = 0
        switch instruction {
        case .character(let matcher):
            kind = .character
            (low, high) = Self.masks(of: matcher)
        case .split(let a, let b): (kind, first, second) = (.split, a, b)
        case .jump(let target): (kind, first) = (.jump, target)
        case .lineStart: kind = .lineStart
        case .lineEnd: kind = .lineEnd
        case .match: kind = .match
        }
        self.kind = kind
        self.first = Int32(first)
        self.second = Int32(second)
        self.low = low
        self.high = high
    }

    /// Whether a character instruction accepts `byte` (below 128).
    func accepts(_ byte: UInt8) -> Bool {
        byte < 64 ? (low >> UInt64(byte)) & 1 == 1 : (high >> UInt64(byte - 64)) & 1 == 1
    }

    /// The ASCII characters `matcher` accepts, as the masks of ``low`` and ``high``.
    private static func masks(of matcher: CharacterMatcher) -> (UInt64, UInt64) {
        var low: UInt64 = 0, high: UInt64 = 0
        func set(_ value: UInt32) {
            if value < 64 { low |= 1 << UInt64(value) } else { high |= 1 << UInt64(value - 64) }
        }
        // Each item is tested on the 128 characters only where it is not a plain range, which covers most.
        for item in matcher.items {
            if case .range(let start, let end) = item {
                if start < 128 { for value in start...min(end, 127) { set(value) } }
                continue
            }
            let single = CharacterMatcher(items: [item])
            for value in UInt32(0)..<128 where single.matches(Unicode.Scalar(UInt8(value))) { set(value) }
        }
        if matcher.any { return (~(UInt64(1) << 10), ~0) }
        if matcher.negated { return (~low, ~high) }
        return (low, high)
    }
}

extension BoundedRegex {
    /// Whether `text` is plain ASCII: printable characters (space to `~`) and tabs. On such text the engine
    /// gives the verdicts of ICU and Java: no line terminator makes `$` or `.` differ, and `\\d`, `\\w`, `\\s`
    /// and the Unicode categories agree on every ASCII character.
    static func isPlainASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x09 }
    }

    /// Whether some part of `text` matches, decided on its bytes; `nil` when `text` is not plain ASCII
    /// (printable characters and tabs only), is not stored contiguously, or the match would pass
    /// ``maximumSteps``. On plain ASCII the verdict is ICU's and Java's.
    public func firstMatchIfPlainASCII(_ text: String) -> Bool? {
        text.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            let (steps, overflow) = asciiProgram.count.multipliedReportingOverflow(by: bytes.count + 1)
            guard !overflow, steps <= Self.maximumSteps, Self.isPlainASCII(bytes) else { return nil }
            return matchesPlainASCII(bytes, anchored: false)
        } ?? nil
    }

    /// Pike's breadth-first run over plain ASCII bytes, in scratch memory of the program's size: marks of the
    /// instructions visited at this position, the threads now and next, and the stack of `add`.
    func matchesPlainASCII(_ input: UnsafeBufferPointer<UInt8>, anchored: Bool) -> Bool {
        let size = asciiProgram.count
        return asciiProgram.withUnsafeBufferPointer { program in
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: 5 * size + 2) { scratch in
                let marks = scratch.baseAddress!
                var current = marks + size, next = current + size
                let stack = next + size
                marks.initialize(repeating: -1, count: size)
                var currentCount = 0, nextCount = 0
                var generation: Int32 = 0
                /// Adds the threads reachable from `start` without reading a character at `position` to the list
                /// at `list`; whether one of them is a match.
                func add(_ start: Int32, at position: Int, to list: UnsafeMutablePointer<Int32>, count: inout Int) -> Bool {
                    var matched = false
                    var depth = 1
                    stack[0] = start
                    while depth > 0 {
                        depth -= 1
                        let pc = Int(stack[depth])
                        guard marks[pc] != generation else { continue }
                        marks[pc] = generation
                        let instruction = program[pc]
                        switch instruction.kind {
                        case .jump:
                            stack[depth] = instruction.first
                            depth += 1
                        case .split:
                            stack[depth] = instruction.second
                            stack[depth + 1] = instruction.first
                            depth += 2
                        case .lineStart:
                            if position == 0 {
                                stack[depth] = Int32(pc + 1)
                                depth += 1
                            }
                        case .lineEnd:
                            if position == input.count {
                                stack[depth] = Int32(pc + 1)
                                depth += 1
                            }
                        case .match:
                            if !anchored || position == input.count { matched = true }
                        case .character:
                            list[count] = Int32(pc)
                            count += 1
                        }
                    }
                    return matched
                }
                if add(0, at: 0, to: current, count: &currentCount) { return true }
                for position in 0..<input.count {
                    generation += 1
                    nextCount = 0
                    let byte = input[position]
                    for index in 0..<currentCount {
                        let pc = Int(current[index])
                        guard program[pc].accepts(byte) else { continue }
                        if add(Int32(pc + 1), at: position + 1, to: next, count: &nextCount) { return true }
                    }
                    if !anchored, add(0, at: position + 1, to: next, count: &nextCount) { return true }
                    if nextCount == 0, anchored { return false }
                    swap(&current, &next)
                    currentCount = nextCount
                }
                return false
            }
        }
    }
}
