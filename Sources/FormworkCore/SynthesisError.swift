/// Why a synthesis stopped: what is wrong, at which construct paths, and how to fix it.
///
/// ```text
/// error[duplicate-logical-id]: Orders/Queue, Orders/Queue_: both are assigned the logical ID 'OrdersQueue...'; rename one of them
/// ```
public struct SynthesisError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable code for each kind of error, for tooling and tests.
    public enum Code: String, Sendable, Hashable {
        case invalidId = "invalid-id"
        case duplicateId = "duplicate-id"
        case listedTwice = "listed-twice"
        case unlistedSharedConstruct = "unlisted-shared-construct"
        case danglingReference = "dangling-reference"
        case invalidReference = "invalid-reference"
        case duplicateLogicalId = "duplicate-logical-id"
        case invalidLogicalId = "invalid-logical-id"
        case invalidTemplate = "invalid-template"
        case resourceCycle = "resource-cycle"
        case stackCycle = "stack-cycle"
        case crossEnvironmentReference = "cross-environment-reference"
        case invalidStack = "invalid-stack"
        case invalidOverride = "invalid-override"
        case invalidSetting = "invalid-setting"
        /// An asset folder the file system will not let synth read (permissions, a vanished file).
        case unreadableAsset = "unreadable-asset"
        case unknownStack = "unknown-stack"
        case lateContribution = "late-contribution"
    }

    /// The kind of error.
    public var code: Code
    /// The construct paths involved, e.g. `Orders/Queue`.
    public var paths: [String]
    /// What is wrong and what to change.
    public var message: String
    /// Further errors found in the same phase, reported together so that one run shows them all.
    public var additionalErrors: [SynthesisError] = []

    /// An error of kind `code` at `paths`.
    public init(_ code: Code, paths: [String], _ message: String) {
        self.code = code
        self.paths = paths
        self.message = message
    }

    /// The first of `errors`, carrying the others; `nil` when there are none.
    init?(collecting errors: [SynthesisError]) {
        guard var first = errors.first else { return nil }
        first.additionalErrors = Array(errors.dropFirst())
        self = first
    }

    public var description: String {
        ([self] + additionalErrors).map { error in
            let location = error.paths.isEmpty ? "" : " \(error.paths.joined(separator: ", ")):"
            return "error[\(error.code.rawValue)]:\(location) \(error.message)"
        }.joined(separator: "\n")
    }
}
