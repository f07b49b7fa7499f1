import FormworkTemplate
import OrderedCollections
import Testing

/// Matching the entries of a section (resources, outputs, parameters, mappings, conditions).
extension StackTemplate {
    /// The entries of `section` whose logical ID matches `logicalId` (`*` anywhere in it stands for any
    /// characters).
    func entries(of section: String, named logicalId: String) -> [(logicalId: String, value: JSONValue)] {
        (json[section]?.objectValue ?? [:]).filter { Self.glob(logicalId, matches: $0.key) }.map { ($0.key, $0.value) }
    }

    /// The resources of `type`.
    func resources(ofType type: String) -> [(logicalId: String, value: JSONValue)] {
        entries(of: "Resources", named: "*").filter { $0.value["Type"]?.stringValue == type }
    }

    /// The entries that match `pattern`, and for each one that does not, its result.
    func matching(_ candidates: [(logicalId: String, value: JSONValue)], _ pattern: Match)
        -> (matched: OrderedDictionary<String, JSONValue>, misses: [(logicalId: String, result: MatchResult)])
    {
        let evaluation = MatchEvaluation(references: references)
        var matched: OrderedDictionary<String, JSONValue> = [:]
        var misses: [(logicalId: String, result: MatchResult)] = []
        for (logicalId, value) in candidates {
            let result = evaluation.result(of: pattern, against: value)
            if result.isSuccess {
                result.finished()
                matched[logicalId] = value
            } else {
                misses.append((logicalId, result))
            }
        }
        return (matched, misses)
    }

    /// The failure text of an assertion that found no match among `candidates` (`what`: "resource of type
    /// AWS::SQS::Queue" and its plural): how many there are, and how the closest differs.
    func noMatchMessage(_ what: (singular: String, plural: String), candidates: Int, misses: [(logicalId: String, result: MatchResult)]) -> String {
        guard candidates > 0 else { return "The template has no \(what.plural).\(presentTypesHint(what.plural))" }
        var message = "The template has \(candidates == 1 ? "1 \(what.singular)" : "\(candidates) \(what.plural)"), but none matches."
        if let closest = misses.min(by: { $0.result.failCost < $1.result.failCost }) {
            let count = closest.result.failCount
            message += "\nThe closest is \(describe(closest.logicalId)), which differs in \(count) place\(count == 1 ? "" : "s"):\n"
            message += closest.result.renderMismatch()
        }
        return message
    }

    /// For a missing resource type, the types the template has, which usually shows a typo.
    private func presentTypesHint(_ what: String) -> String {
        guard what.hasPrefix("resource") else { return "" }
        let types = Set(entries(of: "Resources", named: "*").compactMap { $0.value["Type"]?.stringValue }).sorted()
        guard !types.isEmpty else { return "" }
        let shown = types.prefix(12).joined(separator: ", ")
        return " Its resource types are \(shown)\(types.count > 12 ? ", …" : "")."
    }

    /// Whether `name` matches `pattern`, where `*` stands for any characters.
    static func glob(_ pattern: String, matches name: String) -> Bool {
        guard pattern.contains("*") else { return pattern == name }
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false)
        var rest = Substring(name)
        for (index, part) in parts.enumerated() {
            if index == 0 {
                guard rest.hasPrefix(part) else { return false }
                rest = rest.dropFirst(part.count)
            } else if index == parts.count - 1 {
                return part.isEmpty || rest.hasSuffix(part)
            } else if let range = rest.range(of: part) {
                rest = rest[range.upperBound...]
            } else {
                return false
            }
        }
        return rest.isEmpty
    }

    /// Asserts that some entry of `section` named `logicalId` matches `pattern`.
    func assertHas(_ section: String, _ noun: String, named logicalId: String, _ pattern: Match, sourceLocation: SourceLocation) {
        let candidates = entries(of: section, named: logicalId)
        let (matched, misses) = matching(candidates, pattern)
        guard matched.isEmpty else { return }
        let named = logicalId == "*" ? "" : " named '\(logicalId)'"
        let what = (singular: noun + named, plural: noun + "s" + named)
        AssertionFailure.record(noMatchMessage(what, candidates: candidates.count, misses: misses), at: sourceLocation)
    }
}
