import FormworkCore

extension StringParameter {
    /// The value of the parameter `name` as a dynamic reference CloudFormation resolves when it deploys:
    /// `{{resolve:ssm:<name>[:<version>]}}` (CDK's `valueForStringParameter(scope, name, version)`). The value
    /// lands in the resource's configuration; for secrets prefer ``resolveSecure(_:version:)`` or reading at
    /// run time with a grant.
    public static func resolve(_ name: String, version: Int? = nil) -> Value {
        .string("{{resolve:ssm:\(name)\(version.map { ":\($0)" } ?? "")}}")
    }

    /// A `SecureString` parameter as a dynamic reference, `{{resolve:ssm-secure:<name>[:<version>]}}` (CDK's
    /// `SecretValue.ssmSecure`); only the properties that take secure values accept it.
    public static func resolveSecure(_ name: String, version: Int? = nil) -> Value {
        .string("{{resolve:ssm-secure:\(name)\(version.map { ":\($0)" } ?? "")}}")
    }
}
