/// Deferred work and contributions: how edges change constructs after every construct is expanded.
extension ConstructTree {
    func schedule(_ action: DeferredAction) {
        deferredActions.append(action)
    }

    /// Runs the deferred actions, stage by stage: every edge before any finalizer, including the edges that
    /// edges add (an edge that adds a rule and its target). Returns whether there were any.
    func runDeferredActions() throws(SynthesisError) -> Bool {
        guard !deferredActions.isEmpty else { return false }
        var done: [Bool] = []
        for stage in ConstructScope.Stage.allCases {
            var index = 0
            while index < deferredActions.count {
                if done.count <= index { done += Array(repeating: false, count: deferredActions.count - done.count) }
                let entry = deferredActions[index]
                if !done[index], entry.stage == stage {
                    done[index] = true
                    try entry.action(ConstructScope(tree: self, node: entry.node))
                }
                index += 1
            }
        }
        done += Array(repeating: false, count: deferredActions.count - done.count)
        deferredActions = zip(deferredActions, done).filter { !$0.1 }.map(\.0)
        return true
    }

    func contribute(_ element: Any, to target: ConstructIdentity, key: String) {
        contributions[ContributionSlot(target: target, key: key), default: []].append(element)
    }

    func contributions(to target: ConstructIdentity, key: String) -> [Any] {
        contributions[ContributionSlot(target: target, key: key)] ?? []
    }
}
