import FormworkTemplate

/// Whether one IAM statement grants (or denies) at least everything another does: what decides if a
/// statement change widens access.
///
/// A statement covers another of the same effect when its actions, resources and principals each match
/// all of the other's (`s3:*` matches `s3:GetObject`, `*` matches every resource, `AWS:*` every principal)
/// and its condition asks no more: each of its condition operators and keys appears in the other with the
/// same values or a subset of them. A condition only narrows, so adding one never widens.
enum StatementCoverage {
    /// Whether `broad` allows or denies at least what `narrow` does.
    static func covers(_ broad: StatementChange, _ narrow: StatementChange) -> Bool {
        broad.effect == narrow.effect
            && narrow.actions.allSatisfy { action in broad.actions.contains { matches(pattern: $0, action, caseSensitive: false) } }
            && narrow.resources.allSatisfy { resource in broad.resources.contains { matches(pattern: $0, resource, caseSensitive: true) } }
            && narrow.principals.allSatisfy { principal in broad.principals.contains { principalMatches($0, principal) } }
            && conditionIsNoStricter(broad.conditionValue, than: narrow.conditionValue)
    }

    /// Whether every condition of `broad` holds whenever those of `narrow` do.
    private static func conditionIsNoStricter(_ broad: JSONValue?, than narrow: JSONValue?) -> Bool {
        guard let broadOperators = broad?.objectValue, !broadOperators.isEmpty else { return true }
        guard let narrowOperators = narrow?.objectValue else { return false }
        for (operatorName, keys) in broadOperators {
            guard let broadKeys = keys.objectValue, let narrowKeys = narrowOperators[operatorName]?.objectValue else { return false }
            for (key, value) in broadKeys {
                guard let narrowValue = narrowKeys[key] else { return false }
                let allowed = value.arrayValue ?? [value]
                let required = narrowValue.arrayValue ?? [narrowValue]
                guard required.allSatisfy(allowed.contains) else { return false }
            }
        }
        return true
    }

    private static func principalMatches(_ pattern: String, _ principal: String) -> Bool {
        if pattern == "*" || pattern == "AWS:*" { return true }
        return pattern == principal
    }

    /// IAM's wildcard matching: `*` any run of characters, `?` one character.
    static func matches(pattern: String, _ text: String, caseSensitive: Bool) -> Bool {
        let pattern = Array((caseSensitive ? pattern : pattern.lowercased()).unicodeScalars)
        let text = Array((caseSensitive ? text : text.lowercased()).unicodeScalars)
        // Greedy matching with one backtrack point: linear in practice, never exponential.
        var p = 0, t = 0
        var star: Int?, resume = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == "?" || pattern[p] == text[t] {
                p += 1
                t += 1
            } else if p < pattern.count, pattern[p] == "*" {
                star = p
                resume = t
                p += 1
            } else if let star {
                p = star + 1
                resume += 1
                t = resume
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}
