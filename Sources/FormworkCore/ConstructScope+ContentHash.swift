import FormworkTemplate

extension ConstructScope {
    /// A 32-hex-digit MD5 of `value`'s content, the same on every synthesis: each reference counts as the
    /// construct path and attribute it points at. API Gateway deployments carry it in their logical IDs, so
    /// that any change to an API deploys it again.
    public func contentHash(of value: Value) -> String {
        let stable = value.resolved { (reference: Reference) -> JSONValue in
            let path = tree.node(forIdentity: reference.target).map(tree.path(of:)) ?? reference.construct.id
            let target = ([path] + reference.element).joined(separator: "/")
            switch reference.form {
            case .ref: return ["Ref": .string(target)]
            case .getAtt(let attribute): return ["Fn::GetAtt": [.string(target), .string(attribute)]]
            case .logicalId: return .string(target)
            }
        }
        return MD5.hex(JSONWriter(style: .compact).bytes(from: stable))
    }
}
