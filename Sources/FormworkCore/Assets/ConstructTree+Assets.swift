extension ConstructTree {
    /// Records `asset` for the stack `node` is in, once.
    func addAsset(_ asset: FileAsset, toStackOf node: Int) {
        let stack = nodes[node].stack ?? node
        if assets[stack]?[asset.hash] == nil { assets[stack, default: [:]][asset.hash] = asset }
    }
}
