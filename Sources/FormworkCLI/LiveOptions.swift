import ArgumentParser
import FormworkCloud
import FormworkDeploy

/// The options of every command that talks to AWS.
struct LiveOptions: ParsableArguments {
    @Option(help: "The AWS region for stacks that name none (default: AWS_REGION, AWS_DEFAULT_REGION, the profile's region); a stack's own region always wins.")
    var region: String?

    @Option(help: "The profile of the AWS config and credentials files to use (instead of credentials in the environment).")
    var profile: String?

    @Option(name: .customLong("endpoint-url"), help: "Reach every AWS service at this URL (a local endpoint such as moto).")
    var endpointURL: String?

    /// A connection to AWS as these options and the command's environment say.
    func session() -> CloudSession {
        CloudSession(environment: AWSEnvironment(variables: CommandEnvironment.variables, profile: profile, region: region, endpointURL: endpointURL))
    }
}

extension CommandFailure {
    /// An error from AWS, the network or the credentials: exit status 3.
    init(cloud error: CloudError) {
        self.init(.environment, "error: \(error)")
    }

    /// A deployment's failure: exit status 3 when the environment failed (AWS, credentials, bootstrap, an
    /// asset), 1 when the stack's own change failed or was refused.
    init(deploy error: DeployError) {
        self.init(error.isEnvironmental ? .environment : .findings, "error: \(error)")
    }

    /// Runs `body`, which talks to AWS; its error becomes the command's failure (exit status 3).
    static func talkingToAWS<T>(_ body: () throws(CloudError) -> T) throws(CommandFailure) -> T {
        do {
            return try body()
        } catch {
            throw CommandFailure(cloud: error)
        }
    }

    /// Runs `operation` against AWS and waits for it; its error becomes the command's failure (exit status 3).
    static func awaitingAWS<T: Sendable>(_ operation: @escaping @Sendable () async throws(CloudError) -> T) throws(CommandFailure) -> T {
        try talkingToAWS { () throws(CloudError) in try SynchronousWait.run(operation) }
    }
}
