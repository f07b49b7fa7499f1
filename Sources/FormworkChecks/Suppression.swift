import FormworkCore
import OrderedCollections

/// A check rule turned off, with the reason, for the resources of a construct (or of the scope the
/// suppression is listed in): `check` and `synth` then skip its findings there. The reason is required; it is
/// written to each resource's `Metadata` (`formwork.suppress`) where reviewers and `formwork check` of the
/// template see it.
///
/// ```swift
/// let webhook = Function("Webhook", ...)
/// webhook
/// webhook.suppress(.functionTracing, reason: "Called a few times a day; traces cost more than they show")
/// Suppression(.methodAuthorization, reason: "A public read-only API")   // everything in this scope
/// ```
public struct Suppression: Construct {
    public let id: String
    let aspect: SuppressionAspect
    let target: (any IdentifiedConstruct)?

    /// Suppresses `rule` below `target` (or the enclosing scope), for `reason`.
    public init(_ rule: CheckRule, on target: (any IdentifiedConstruct)? = nil, reason: String) {
        self.aspect = SuppressionAspect(rule: rule.id, reason: reason)
        self.target = target
        self.id = "Suppress(\(rule.id)\(target.map { "." + $0.id } ?? ""))"
    }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        guard aspect.reason.split(whereSeparator: \.isWhitespace).count >= 2 else {
            throw SynthesisError(
                .invalidSetting, paths: [scope.path],
                "suppressing \(aspect.rule) needs a reason of a few words that a reviewer can judge; '\(aspect.reason)' is not one")
        }
        scope.schedule(aspect, on: target)
    }
}

extension IdentifiedConstruct {
    /// A ``Suppression`` of `rule` on this construct's resources; list it in a body.
    public func suppress(_ rule: CheckRule, reason: String) -> Suppression {
        Suppression(rule, on: self, reason: reason)
    }
}

/// Writes one suppression into the metadata of each resource it visits.
struct SuppressionAspect: Aspect {
    let rule: String
    let reason: String

    func visit(_ resource: inout ResourceDeclaration, at path: String) throws(SynthesisError) {
        var metadata: OrderedDictionary<String, Value> = [:]
        if let existing = resource.metadata {
            guard case .object(let members) = existing else {
                throw SynthesisError(.invalidSetting, paths: [path], "the resource's Metadata is not an object; a suppression cannot be added to it")
            }
            metadata = members
        }
        var formwork: OrderedDictionary<String, Value> = [:]
        if case .object(let members)? = metadata["formwork"] { formwork = members }
        var list: [Value] = []
        if case .array(let entries)? = formwork["suppress"] { list = entries }
        list.append(["rule": .string(rule), "reason": .string(reason)])
        formwork["suppress"] = .array(list)
        metadata["formwork"] = .object(formwork)
        resource.metadata = .object(metadata)
    }
}
