/// Credentials from `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN`.
enum EnvironmentCredentials {
    /// The credentials the variables hold; `nil` when neither key is set, an error when only one is.
    static func read(_ environment: AWSEnvironment) throws(CloudError) -> AWSCredentials? {
        let keyId = environment.nonEmpty("AWS_ACCESS_KEY_ID")
        let secret = environment.nonEmpty("AWS_SECRET_ACCESS_KEY")
        switch (keyId, secret) {
        case (nil, nil):
            return nil
        case (let keyId?, let secret?):
            return AWSCredentials(
                accessKeyId: keyId, secretAccessKey: secret,
                sessionToken: environment.nonEmpty("AWS_SESSION_TOKEN") ?? environment.nonEmpty("AWS_SECURITY_TOKEN"),
                source: "environment")
        case (nil, _):
            throw .invalidCredentials(source: "environment", reason: "AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not; set both")
        case (_, nil):
            throw .invalidCredentials(source: "environment", reason: "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not; set both")
        }
    }
}
