import FormworkCore
import FormworkTemplate
import OrderedCollections

/// CDK's `@aws-cdk/aws-iam:minimizePolicies` (on in every app `cdk init` made): a policy document's statements
/// merged where they can be, then, once resolved, each statement's actions, resources and principals sorted
/// by their JSON text.
///
/// Two statements merge when they have the same effect and conditions, no `Sid`, and differ in at most one
/// of actions, resources and principals (compared as sets); the merged statement takes the union of each.
/// Statements are compared pair by pair in order, the first of a pair taking the second's place, and passes
/// repeat until none merges.
enum PolicyMinimizing {
    /// `statements` with every statement that can merge into an earlier one merged into it.
    static func merged(_ statements: [PolicyStatement]) -> [PolicyStatement] {
        var statements = statements
        var changed = true
        while changed {
            changed = false
            var first = 0
            while first < statements.count {
                var second = first + 1
                while second < statements.count {
                    if let combined = combined(statements[first], statements[second]) {
                        statements[first] = combined
                        statements.remove(at: second)
                        changed = true
                    } else {
                        second += 1
                    }
                }
                first += 1
            }
        }
        return statements
    }

    /// The statement `a` and `b` make together; `nil` when they cannot merge.
    static func combined(_ a: PolicyStatement, _ b: PolicyStatement) -> PolicyStatement? {
        guard a.effect == b.effect, a.sid == nil, b.sid == nil, a.condition == b.condition else { return nil }
        let (aPrincipals, bPrincipals) = (principalEntries(a.principal), principalEntries(b.principal))
        guard let aPrincipals, let bPrincipals else { return nil }
        let sameActions = sameElements(a.actions, b.actions)
        let sameResources = sameElements(a.resources, b.resources)
        let samePrincipals = sameElements(aPrincipals, bPrincipals)
        guard [sameActions, sameResources, samePrincipals].filter({ $0 }).count >= 2 else { return nil }
        var merged = a
        merged.actions = union(a.actions, b.actions)
        merged.resources = union(a.resources, b.resources)
        merged.principal = principal(of: union(aPrincipals, bPrincipals))
        return merged
    }

    /// A principal as (kind, value) pairs (`{"Service": ["a", "b"]}` → Service a, Service b); `nil` for a
    /// principal that is not such an object (a literal string), which merges with nothing.
    private static func principalEntries(_ principal: Value?) -> [PrincipalEntry]? {
        guard let principal else { return [] }
        guard case .object(let members) = principal else { return nil }
        var entries: [PrincipalEntry] = []
        for (kind, value) in members {
            if case .array(let values) = value {
                entries += values.map { PrincipalEntry(kind: kind, value: $0) }
            } else {
                entries.append(PrincipalEntry(kind: kind, value: value))
            }
        }
        return entries
    }

    /// The principal object of `entries`: each kind with its value, or its values in a list.
    private static func principal(of entries: [PrincipalEntry]) -> Value? {
        guard !entries.isEmpty else { return nil }
        var grouped = OrderedDictionary<String, [Value]>()
        for entry in entries { grouped[entry.kind, default: []].append(entry.value) }
        return .object(grouped.mapValues { $0.count == 1 ? $0[0] : .array($0) })
    }

    private struct PrincipalEntry: Equatable {
        var kind: String
        var value: Value
    }

    /// Whether `a` and `b` are as long and every element of `a` is in `b` (CDK's comparison of two lists as sets).
    private static func sameElements<T: Equatable>(_ a: [T], _ b: [T]) -> Bool {
        a.count == b.count && a.allSatisfy(b.contains)
    }

    /// The elements of `a`, then those of `b`, each once.
    private static func union<T: Equatable>(_ a: [T], _ b: [T]) -> [T] {
        var result: [T] = []
        for element in a + b where !result.contains(element) { result.append(element) }
        return result
    }
}

/// Sorts, once resolved, every IAM policy document in a resource's properties as CDK does under
/// `minimizePolicies`: identical statements kept once; each statement's `Action`, `Resource` and `Principal`
/// values sorted by their JSON text (duplicates dropped, a list of one becoming its element); principal kinds
/// sorted by name.
struct PolicyDocumentSorting: ResolvedPropertiesTransform {
    func transform(_ properties: OrderedDictionary<String, JSONValue>) -> OrderedDictionary<String, JSONValue> {
        properties.mapValues(sortingDocuments)
    }

    /// `value` with every policy document in it sorted.
    private func sortingDocuments(in value: JSONValue) -> JSONValue {
        switch value {
        case .object(var members):
            if case .array(let statements)? = members["Statement"], members["Version"] != nil {
                members["Statement"] = .array(sorted(statements))
                return .object(members)
            }
            return .object(members.mapValues(sortingDocuments))
        case .array(let items):
            return .array(items.map(sortingDocuments))
        default:
            return value
        }
    }

    private func sorted(_ statements: [JSONValue]) -> [JSONValue] {
        let writer = JSONWriter(style: .compact)
        var seen = Set<String>()
        return statements.filter { seen.insert(writer.string(from: $0)).inserted }.map { statement in
            guard case .object(var members) = statement else { return statement }
            for key in ["Action", "Resource"] {
                if let value = members[key] { members[key] = Self.sortedByJSON(value, writer: writer) }
            }
            if case .object(let principal)? = members["Principal"] {
                var sortedPrincipal = OrderedDictionary<String, JSONValue>()
                for kind in principal.keys.sorted(by: { $0.utf16.lexicographicallyPrecedes($1.utf16) }) {
                    sortedPrincipal[kind] = Self.sortedByJSON(principal[kind]!, writer: writer)
                }
                members["Principal"] = .object(sortedPrincipal)
            }
            return .object(members)
        }
    }

    /// A list's elements sorted by their JSON text (UTF-16 order, as JavaScript sorts), duplicates dropped, a
    /// list of one becoming its element; anything else as it is.
    static func sortedByJSON(_ value: JSONValue, writer: JSONWriter) -> JSONValue {
        guard case .array(let items) = value else { return value }
        var byText = [String: JSONValue]()
        for item in items { byText[writer.string(from: item)] = item }
        let sorted = byText.keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }.map { byText[$0]! }
        return sorted.count == 1 ? sorted[0] : .array(sorted)
    }
}

extension ConstructScope {
    /// Whether the policy documents of this scope's stack are minimized (CDK's `@aws-cdk/aws-iam:minimizePolicies`).
    var minimizesPolicies: Bool { defaults.isEnabled(.iamMinimizePolicies) }

    /// The transforms a resource holding policy documents gets: their sorting when policies are minimized.
    var policyTransforms: [any ResolvedPropertiesTransform] {
        minimizesPolicies ? [PolicyDocumentSorting()] : []
    }
}
