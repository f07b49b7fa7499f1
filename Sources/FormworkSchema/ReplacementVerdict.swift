/// Whether changing a property makes CloudFormation replace the resource.
public enum ReplacementVerdict: String, Sendable, Hashable, Comparable {
    /// The property is updated in place.
    case never
    /// It depends on the change (the registry's conditional create-only properties, CDK's `maybe`).
    case conditional
    /// A change replaces the resource.
    case always

    public static func < (lhs: ReplacementVerdict, rhs: ReplacementVerdict) -> Bool {
        let order: [ReplacementVerdict] = [.never, .conditional, .always]
        return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
    }
}
