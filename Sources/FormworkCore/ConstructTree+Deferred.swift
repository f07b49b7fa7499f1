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
                    try checkNoLateContribution()
                }
                index += 1
            }
            if stage == .aspects { try runPendingAspects() }
        }
        done += Array(repeating: false, count: deferredActions.count - done.count)
        deferredActions = zip(deferredActions, done).filter { !$0.1 }.map(\.0)
        return true
    }

    /// Adds `element` to the slot of `target` and `key`, made by the construct at `node`.
    func contribute<Element>(_ element: Element, to target: ConstructIdentity, key: String, from node: Int) {
        let slot = ContributionSlot(target: target, key: key)
        if lateContribution == nil, readContributionSlots.contains(slot) { lateContribution = (node, slot) }
        if let list = contributions[slot] as? ContributionList<Element> {
            list.elements.append(element)
        } else {
            contributions[slot] = ContributionList([element])
        }
    }

    /// What was contributed to `target` under `key`; later contributions are errors.
    func contributions<Element>(to target: ConstructIdentity, key: String, as _: Element.Type) -> [Element] {
        let slot = ContributionSlot(target: target, key: key)
        readContributionSlots.insert(slot)
        return (contributions[slot] as? ContributionList<Element>)?.elements ?? []
    }

    /// Throws when a contribution came after its target read its contributions: the target would silently
    /// miss it (a policy statement that never reaches the role).
    func checkNoLateContribution() throws(SynthesisError) {
        guard let (contributor, slot) = lateContribution else { return }
        let target = node(forIdentity: slot.target).map(path(of:)) ?? "a construct"
        throw SynthesisError(
            .lateContribution, paths: [path(of: contributor)],
            "contributes '\(slot.key)' to \(target) after \(target) gathered its contributions; contribute from an edge (the `.edges` stage or expansion), not from a finalizer"
        )
    }
}
