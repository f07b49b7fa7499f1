/// CloudFormation's dynamic references (`{{resolve:ssm:name}}`, `{{resolve:secretsmanager:id:SecretString:key}}`,
/// `{{resolve:ssm-secure:name}}`): text CloudFormation replaces with a value at deploy, so what a schema asks of
/// the value (a pattern, an enum, a length) cannot be checked on the text.
enum DynamicReference {
    /// Whether `text` holds a dynamic reference.
    static func isIn(_ text: String) -> Bool {
        text.containsASCII("{{resolve:")
    }
}
