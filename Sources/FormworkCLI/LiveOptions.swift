import ArgumentParser
import FormworkCloud

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

/// One command's connection to AWS: the environment, credentials resolved once and refreshed, and a
/// CloudFormation client per region.
struct CloudSession: Sendable {
    let environment: AWSEnvironment
    let credentials: RefreshingCredentials

    init(environment: AWSEnvironment) {
        self.environment = environment
        credentials = CredentialChain.credentials(environment)
    }

    /// CloudFormation in the region of `stackEnvironment` (`aws://ACCOUNT/REGION`, a stack's) when it names
    /// one, which binds; otherwise in the region the options and environment name.
    func cloudFormation(stackEnvironment: String? = nil) throws(CommandFailure) -> CloudFormationClient {
        let region = try self.region(for: StackEnvironment(uri: stackEnvironment ?? ""))
        do {
            return try CloudFormationClient(environment: environment, region: region, credentials: credentials)
        } catch {
            throw CommandFailure(cloud: error)
        }
    }

    /// The region a stack in `stack` is reached in: its own, else the one the options and environment name.
    func region(for stack: StackEnvironment) throws(CommandFailure) -> String {
        do {
            return try environment.region(for: stack)
        } catch {
            throw CommandFailure(cloud: error)
        }
    }

    /// Runs `operation` against AWS and waits for it; AWS, network and credential errors exit with status 3.
    func run<T: Sendable>(_ operation: @escaping @Sendable () async throws(CloudError) -> T) throws(CommandFailure) -> T {
        do {
            return try SynchronousWait.run(operation)
        } catch {
            throw CommandFailure(cloud: error)
        }
    }
}

extension CommandFailure {
    /// An error from AWS, the network or the credentials: exit status 3.
    init(cloud error: CloudError) {
        self.init(.environment, "error: \(error)")
    }
}
