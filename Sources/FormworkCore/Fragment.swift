/// Constructs listed together without a path segment of their own, like a helper function in CDK that adds
/// constructs to the scope it is given.
///
/// Use a fragment to split a long stack or component body without changing any construct path (and so any
/// logical ID); use a ``Component`` when the group should be a scope of its own.
///
/// ```swift
/// struct Queues: Fragment {
///     var body: [any Construct] {
///         Queue("DLQ", retention: .days(14))
///     }
/// }
/// Stack("Orders") { Queues() }   // the queue's path is Orders/DLQ
/// ```
public protocol Fragment: Construct {
    /// The constructs, added to the scope the fragment is listed in.
    @ConstructBuilder var body: [any Construct] { get }
}

extension Fragment {
    /// Fragments have no path segment; the id is never used.
    public var id: String { "" }

    public var placement: ConstructPlacement { .inline(body) }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        for construct in body { try scope.add(construct) }
    }
}
