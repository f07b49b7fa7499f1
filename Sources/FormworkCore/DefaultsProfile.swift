/// Which defaults an app's constructs fill in for the options it does not give.
///
/// CDK changes its defaults over time through feature flags; Formwork has one switch per app (or stack):
///
/// - ``cdk``: CDK's defaults (aws-cdk-lib 2.x with no feature flags set, as a `cdk.json` without
///   `context` gives). The templates equal CDK's, so an app moved from CDK deploys with no resource
///   replaced or changed.
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
///
/// ```swift
/// let app = App(defaults: .cdk) {
///     Stack("Orders") { ... }
/// }
/// ```
public enum DefaultsProfile: String, Sendable, CaseIterable {
    /// CDK's defaults: output equal to CDK's, for an app being moved.
    case cdk
    /// Formwork's safer defaults, for a new app.
    case formwork
}
