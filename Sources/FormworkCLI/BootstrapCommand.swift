import ArgumentParser
import FormworkCloud
import FormworkCore
import FormworkDeploy

/// `<app> bootstrap`: the assets bucket, in a small stack of Formwork's own.
struct BootstrapCommand: FormworkCommand {
    static let configuration = CommandConfiguration(
        commandName: "bootstrap",
        abstract: "Create the bootstrap stack (FormworkToolkit): the assets bucket CDK's conventions name.",
        discussion: "An account and region already bootstrapped by CDK or Formwork (the bucket is there) is left as it is."
    )

    @OptionGroup var live: LiveOptions

    func run(app: App?, output: inout CommandOutput) throws(CommandFailure) {
        let session = live.session()
        let stackEnvironment = app.flatMap { try? $0.synthesize(validator: nil).stacks.first?.environment }
        let region = try CommandFailure.talkingToAWS { () throws(CloudError) in try session.cloudFormation(stackEnvironment: stackEnvironment).region }
        let environment = session.environment
        let credentials = session.credentials
        let progress = ProgressLines()
        let names = app?.bootstrap ?? .default
        let outcome = try CommandFailure.awaitingAWS { () async throws(CloudError) -> (DeployTarget, Bool) in
            let target = try await DeployTarget.resolve(environment: environment, region: region, credentials: credentials, names: names)
            return (target, try await target.s3.bucketExists(target.assetBucket))
        }
        let (target, bootstrapped) = outcome
        if bootstrapped {
            output.print("\(target.assetBucket) is there: \(region) of account \(target.account) is bootstrapped")
            return
        }
        let deployer = StackDeployer(target: target, approval: .never, approve: { _, _ in true }, report: { progress.add($0) })
        let (stackName, template) = (BootstrapStack.name(for: names), BootstrapStack.template(for: names))
        let result = Result { () throws(DeployError) -> StackDeployer.Outcome in
            try SynchronousWait.run { () async throws(DeployError) -> StackDeployer.Outcome in try await deployer.deployTemplate(stackName, body: template) }
        }
        for line in progress.unwritten { output.printError(line) }
        switch result {
        case .success:
            output.print("\(stackName) deployed: \(target.assetBucket) in \(region) of account \(target.account)")
        case .failure(let error):
            throw CommandFailure(deploy: error)
        }
    }
}
