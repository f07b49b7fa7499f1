/// Why a synthesis stopped: what is wrong, at which construct paths, and how to fix it.
///
/// ```text
/// error[duplicate-logical-id]: Orders/Queue, Orders/Queue_: both are assigned the logical ID 'OrdersQueue...'; rename one of them
/// ```
public struct SynthesisError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable code for each kind of error, for tooling and tests.
    public enum Code: String, Sendable, Hashable {
        /// A construct id that is empty or contains `/`, the path separator.
        case invalidId = "invalid-id"
        /// Two constructs with the same id in one scope, or two template elements declared at the same path.
        case duplicateId = "duplicate-id"
        /// The same construct value listed in two places; it is listed once and referenced elsewhere.
        case listedTwice = "listed-twice"
        /// A construct referenced from two or more scopes and listed in none, so it has no one place to go.
        case unlistedSharedConstruct = "unlisted-shared-construct"
        /// A reference or dependency on a construct that is not in the app, or on an element it does not declare.
        case danglingReference = "dangling-reference"
        /// A reference of a kind its target cannot take, such as a condition or mapping used across stacks.
        case invalidReference = "invalid-reference"
        /// Two template elements of a stack assigned the same logical ID.
        case duplicateLogicalId = "duplicate-logical-id"
        /// An explicit logical ID that is not 1 to 255 ASCII letters and digits, or a path that yields none.
        case invalidLogicalId = "invalid-logical-id"
        /// A synthesized template that fails validation (`TemplateValidator`); the message names the rule.
        case invalidTemplate = "invalid-template"
        /// Resources of one stack that reference or depend on each other in a cycle.
        case resourceCycle = "resource-cycle"
        /// Stacks that reference each other in a cycle, through exports and imports.
        case stackCycle = "stack-cycle"
        /// A reference between stacks in different accounts or regions, which CloudFormation exports cannot carry.
        case crossEnvironmentReference = "cross-environment-reference"
        /// A stack name that is not a valid CloudFormation stack name, or that two stacks of the app share.
        case invalidStack = "invalid-stack"
        /// An escape-hatch override whose path names nothing the construct declares, or that makes the
        /// resource invalid.
        case invalidOverride = "invalid-override"
        /// A construct option out of its allowed range, or options that do not go together; the message says which.
        case invalidSetting = "invalid-setting"
        /// An asset folder the file system will not let synth read (permissions, a vanished file).
        case unreadableAsset = "unreadable-asset"
        /// A stack asked for by name (in an assembly, or by a test) that the app does not have.
        case unknownStack = "unknown-stack"
        /// A contribution that reaches its target after the target gathered its contributions, in a finalizer
        /// rather than an edge.
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
