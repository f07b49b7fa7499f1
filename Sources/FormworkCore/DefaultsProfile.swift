/// Which defaults an app's constructs fill in for the options it does not give.
///
/// CDK changes its defaults over time through feature flags; Formwork has one switch per app (or stack):
///
/// - ``cdk``: CDK's defaults (aws-cdk-lib 2.x with no feature flags set, as a `cdk.json` without
///   `context` gives). The templates equal CDK's, so an app moved from CDK deploys with no resource
///   replaced or changed. ``cdk(flags:)`` and ``cdk(cdkJSON:)``: CDK's defaults under feature flags, as an
///   app's `cdk.json` sets them (see ``FeatureFlags``).
/// - ``formwork``: safer defaults for a new app. Where they differ from CDK's, the construct's
///   documentation says so, and `check` reports what the CDK profile leaves weaker.
///
/// | option not given | ``cdk`` | ``formwork`` | `check` rule under ``cdk`` |
/// |---|---|---|---|
/// | `Bucket` encryption | none written (S3 encrypts with its own keys) | `AES256` written | `s3-encryption` |
/// | `Bucket` public access | not blocked in the template | all four blocks on | `s3-public-access` |
/// | `Bucket` TLS | not enforced | a bucket policy denies requests without TLS | `s3-tls` |
/// | `Key` rotation | off | on, yearly | `kms-key-rotation` |
/// | topic policy for a rule target | any rule of the account's EventBridge | only the rule (`aws:SourceArn`) | `service-principal-source` |
/// | `HttpApi` route permission | any method of the path may invoke | only the route's method | — |
/// | `HttpApi` endpoint | no output | an `Endpoint` output, as `RestApi` writes | — |
/// | `RestApi` route's required parameters | declared only (no validator) | checked by a request validator | — |
/// | a function's `logRetention` | `Custom::LogRetention` on the group Lambda made, one provider per stack | the group declared, owned by the stack | — |
/// | bucket notifications (`notify`, `eventBridgeEnabled`) | CDK's `Custom::S3BucketNotifications`, one handler per stack (Formwork's code) | the bucket's `EventBridgeConfiguration` and rules | — |
/// | `aws:asset:*` metadata on a resource with an asset | written, as `cdk synth` writes it (``writesAssetMetadata``) | not written | — |
///
/// ```swift
/// let app = App(defaults: .cdk(cdkJSON: "cdk.json")) {
///     Stack("Orders") { ... }
/// }
/// ```
public struct DefaultsProfile: Sendable, Hashable {
    /// Whose defaults: CDK's or Formwork's.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// CDK's defaults: output equal to CDK's, for an app being moved.
        case cdk
        /// Formwork's safer defaults, for a new app.
        case formwork
    }

    /// Whose defaults.
    public let kind: Kind
    /// The feature flags CDK's constructs follow; none set unless given.
    public let flags: FeatureFlags
    /// A `cdk.json` whose flags are read at synthesis, over ``flags``; `nil` when there is none.
    public let cdkJSON: String?

    private init(kind: Kind, flags: FeatureFlags = FeatureFlags(), cdkJSON: String? = nil) {
        self.kind = kind
        self.flags = flags
        self.cdkJSON = cdkJSON
    }

    /// CDK's defaults with no feature flag set: output equal to CDK's, for an app being moved.
    public static let cdk = DefaultsProfile(kind: .cdk)
    /// Formwork's safer defaults, for a new app.
    public static let formwork = DefaultsProfile(kind: .formwork)

    /// CDK's defaults under `flags` (``FeatureFlags/recommended`` for what `cdk init` writes).
    public static func cdk(flags: FeatureFlags) -> DefaultsProfile {
        DefaultsProfile(kind: .cdk, flags: flags)
    }

    /// CDK's defaults under the flags of the `cdk.json` at `path` (relative to the working directory), read
    /// when the app is synthesized; a file that cannot be read stops the synthesis, naming it.
    public static func cdk(cdkJSON path: String) -> DefaultsProfile {
        DefaultsProfile(kind: .cdk, cdkJSON: path)
    }

    /// Whether these are Formwork's defaults.
    public var isFormwork: Bool { kind == .formwork }

    /// Whether the boolean `flag` is on.
    public func isEnabled(_ flag: FeatureFlag) -> Bool {
        flags.isEnabled(flag)
    }

    /// Whether a resource that uses an asset gets CDK's `aws:asset:*` metadata (`aws:asset:path`, `aws:asset:is-bundled`,
    /// `aws:asset:property`), which tools such as SAM CLI read to find the staged code: under CDK's defaults, as
    /// `cdk synth` and `cdk deploy` write it, unless the flags turn it off (``FeatureFlags/writesAssetMetadata``: the
    /// context `aws:cdk:enable-asset-metadata` set to `false`, or `"assetMetadata": false` in the `cdk.json`); never
    /// under Formwork's.
    public var writesAssetMetadata: Bool {
        kind == .cdk && flags.writesAssetMetadata
    }

    /// The profile with its `cdk.json` read into ``flags``.
    ///
    /// - Throws: the file's error (``SourceError`` at its line and column, or ``TemplateReadError``).
    func resolved() throws -> DefaultsProfile {
        guard let cdkJSON else { return self }
        let read = try FeatureFlags.contents(ofCDKJSON: cdkJSON)
        return DefaultsProfile(kind: kind, flags: FeatureFlags(flags.values.merging(read.values) { $1 }))
    }
}
