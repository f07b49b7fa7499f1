extension ConstructTree {
    /// Drops the template elements and requirements of the nodes in `groups`, one group per task: the
    /// declarations' values are most of what a tree holds, and freeing them is work worth sharing out.
    ///
    /// Call it only when nothing reads the tree's elements any more; groups must not overlap.
    func releaseElements(groupedAs groups: [[Int]]) {
        nodes.withUnsafeMutableBufferPointer { buffer in
            let nodes = NodeBuffer(base: buffer.baseAddress!)
            _ = ConcurrentMap.map(groups) { group in
                for node in group {
                    nodes.base[node].element = nil
                    nodes.base[node].requirements = []
                }
            }
        }
    }

    /// Drops everything the tree holds, once nothing reads it: a tree resolved apart is freed by the task that
    /// resolved it, in parallel with the others, not at the end of the synthesis.
    func releaseAll() {
        nodes = []
        childIndex = [:]
        identities = [:]
        deferredActions = []
        contributions = [:]
        readContributionSlots = []
        assets = [:]
        missedIdentities = nil
    }

    /// The tree's nodes, written by tasks that each touch their own nodes only.
    private struct NodeBuffer: @unchecked Sendable {
        let base: UnsafeMutablePointer<Node>
    }
}
