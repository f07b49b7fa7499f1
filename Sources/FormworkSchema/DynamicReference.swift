/// CloudFormation's dynamic references (`{{resolve:ssm:name}}`, `{{resolve:secretsmanager:id:SecretString:key}}`,
/// `{{resolve:ssm-secure:name}}`): text CloudFormation replaces with a value at deploy, so what a schema asks of
/// the value (a pattern, an enum, a length) cannot be checked on the text.
enum DynamicReference {
    /// Whether `text` holds a dynamic reference.
    static func isIn(_ text: String) -> Bool {
        text.containsASCII("{{resolve:")
    }
}

extension DynamicReference {
    /// The services a dynamic reference can read.
    static let services: Set<String> = ["ssm", "ssm-secure", "secretsmanager"]

    /// What is wrong with each `{{resolve:…}}` in `text`, in the shapes CloudFormation documents:
    /// `{{resolve:ssm:name[:version]}}`, `{{resolve:ssm-secure:name[:version]}}`,
    /// `{{resolve:secretsmanager:secret-id[:SecretString[:json-key[:version-stage[:version-id]]]]}}` (the secret id
    /// may be a whole ARN).
    static func problems(in text: String) -> [String] {
        var problems: [String] = []
        var rest = Substring(text)
        while let start = rest.range(of: "{{resolve:") {
            guard let end = rest[start.upperBound...].range(of: "}}") else { break }
            let reference = rest[start.lowerBound..<end.upperBound]
            if let problem = problem(in: rest[start.upperBound..<end.lowerBound]) {
                problems.append("the dynamic reference '\(reference)' \(problem)")
            }
            rest = rest[end.upperBound...]
        }
        return problems
    }

    /// What is wrong with the part of a dynamic reference after `resolve:`, or `nil`.
    private static func problem(in body: Substring) -> String? {
        let parts = body.split(separator: ":", omittingEmptySubsequences: false)
        let service = String(parts[0])
        guard services.contains(service) else {
            let suggestion = Suggestion.phrase(for: service, among: services.sorted())
            return "reads from '\(service)', which is not a service dynamic references can read (ssm, ssm-secure, secretsmanager).\(suggestion)"
        }
        guard parts.count >= 2, !parts[1].isEmpty else { return "names no parameter or secret" }
        switch service {
        case "ssm", "ssm-secure":
            if parts.count > 3 { return "has \(parts.count - 1) parts after the service; write resolve:\(service):name or resolve:\(service):name:version" }
            if parts.count == 3, parts[2].isEmpty || !parts[2].allSatisfy({ $0.isASCII && $0.isNumber }) {
                return "gives the version '\(parts[2])'; a parameter version is a number"
            }
        default:
            let isARN = parts[1] == "arn"
            let stringPart = isARN ? 8 : 2
            if isARN, parts.count < 8 || parts[6] != "secret" {
                return "gives a secret ARN that is not of the form arn:partition:secretsmanager:region:account:secret:name"
            }
            if parts.count > stringPart + 4 {
                return "has too many parts; write resolve:secretsmanager:secret-id:SecretString:json-key:version-stage:version-id"
            }
            if parts.count > stringPart, !["SecretString", ""].contains(parts[stringPart]) {
                return "reads '\(parts[stringPart])' of the secret; the only part a reference reads is SecretString"
            }
        }
        return nil
    }
}
