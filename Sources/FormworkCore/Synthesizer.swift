import FormworkSchema
import FormworkTemplate
import OrderedCollections

/// Runs the synthesis phases over an app's stacks: expand the construct tree, include constructs that are
/// referenced but not listed, run the deferred work of edges and finalizers, then resolve every stack into a
/// template.
///
/// Stacks go through the first phases on a core each when they keep to themselves
/// (`Synthesizer+Parallel.swift`), and one after the other otherwise.
struct Synthesizer {
    let stacks: [Stack]
    let validator: TemplateValidator?

    func run() throws(SynthesisError) -> CloudAssembly {
        var names = Set<String>()
        for stack in stacks {
            try Self.validate(stack)
            guard names.insert(stack.name).inserted else {
                throw SynthesisError(.invalidStack, paths: [stack.name], "two stacks are named '\(stack.name)'; stack names must be unique in an app")
            }
        }
        let stacks = try Self.readingFeatureFlags(of: self.stacks)
        let settlement = try Self.settleInParallel(stacks)
        if case .apart(let parts)? = settlement, var assembly = Self.resolveApart(parts, stacks: stacks, validatingWith: validator) {
            assembly.warnings += Self.unimplementedFlagWarnings(stacks)
            return assembly
        }
        let tree: ConstructTree
        if case .merged(let settled)? = settlement {
            tree = settled
        } else {
            // Also when a stack failed to resolve apart: the serial path reports the error as it always has.
            tree = try Self.expand(stacks)
            try Self.settle(tree)
        }
        let stackNodes = stacks.map { tree.child(of: ConstructTree.root, named: $0.name)! }
        let resolver = StackResolver(tree: tree, stacks: stacks, stackNodes: stackNodes)
        var assembly = try resolver.resolve(validatingWith: validator)
        assembly.warnings += Self.unimplementedFlagWarnings(stacks)
        return assembly
    }

    /// `stacks` with the `cdk.json` of their defaults profile read (each file once).
    static func readingFeatureFlags(of stacks: [Stack]) throws(SynthesisError) -> [Stack] {
        var read: [DefaultsProfile: DefaultsProfile] = [:]
        return try stacks.map { (stack: Stack) throws(SynthesisError) -> Stack in
            guard let profile = stack.defaults, profile.cdkJSON != nil else { return stack }
            var stack = stack
            if let resolved = read[profile] {
                stack.defaults = resolved
                return stack
            }
            do {
                let resolved = try profile.resolved()
                read[profile] = resolved
                stack.defaults = resolved
            } catch {
                throw SynthesisError(.invalidSetting, paths: [stack.name], "cannot read the feature flags of \(profile.cdkJSON ?? ""): \(error)")
            }
            return stack
        }
    }

    /// A warning for each profile that sets flags Formwork does not implement: their output may differ from CDK's.
    static func unimplementedFlagWarnings(_ stacks: [Stack]) -> [String] {
        var seen = Set<FeatureFlags>()
        var warnings: [String] = []
        for stack in stacks {
            guard let flags = stack.defaults?.flags, seen.insert(flags).inserted, !flags.unimplemented.isEmpty else { continue }
            let names = flags.unimplemented
            warnings.append(
                "\(stack.name): \(names.count) feature flag(s) set that Formwork does not implement, for constructs it does not have or output it does not match yet; where they apply, the templates may differ from CDK's: \(names.joined(separator: ", "))"
            )
        }
        return warnings
    }

    /// The tree of `stacks`, each stack expanded in turn.
    static func expand(_ stacks: [Stack], into tree: ConstructTree = ConstructTree()) throws(SynthesisError) -> ConstructTree {
        for stack in stacks {
            let node = try tree.childScope(of: ConstructTree.root, id: stack.name)
            if let bootstrap = stack.bootstrap, !BootstrapNames.isValidQualifier(bootstrap.qualifier) {
                throw SynthesisError(
                    .invalidSetting, paths: [stack.name],
                    "the bootstrap qualifier '\(bootstrap.qualifier)' is not 1 to 10 lowercase letters and digits, as `cdk bootstrap --qualifier` takes")
            }
            tree.nodes[node].defaults = stack.defaults
            tree.nodes[node].bootstrap = stack.bootstrap
            tree.nodes[node].region = stack.region
            tree.nodes[node].account = stack.account
            for construct in stack.body { try tree.add(construct, under: node) }
        }
        return tree
    }

    /// Includes referenced constructs and runs the deferred work (edges, then finalizers), which may
    /// reference or add constructs, until nothing is left to do. Constructs in `elsewhere` are in the trees
    /// of other stacks.
    static func settle(_ tree: ConstructTree, elsewhere: Set<ConstructIdentity> = []) throws(SynthesisError) {
        var scanned = ScannedReferences()
        repeat {
            try includeReferencedConstructs(in: tree, skipping: &scanned, elsewhere: elsewhere)
        } while try tree.runDeferredActions()
        try tree.checkNoLateContribution()
    }

    private static func validate(_ stack: Stack) throws(SynthesisError) {
        let name = stack.name
        let valid =
            name.count <= 128 && name.first.map { $0.isASCII && $0.isLetter } == true
            && name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }
        guard valid else {
            throw SynthesisError(
                .invalidStack, paths: [name.isEmpty ? "<app>" : name],
                "a stack name must start with a letter and hold only letters, digits and '-' (at most 128 characters)")
        }
    }
}
