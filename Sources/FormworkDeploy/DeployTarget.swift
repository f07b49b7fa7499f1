import FormworkCloud
import FormworkCore
import Foundation

/// Where a deployment goes: the account and region, the clients for them (acting through CDK's bootstrap
/// roles when the environment has them), and the bootstrap bucket.
public struct DeployTarget: Sendable {
    /// CloudFormation, as CDK's deploy role when it was assumed, else as the caller.
    public let cloudFormation: CloudFormationClient
    /// S3 for assets and large templates, as CDK's file-publishing role when it was assumed, else as the caller.
    public let s3: S3Client
    /// The account the stacks deploy to.
    public let account: String
    /// The bucket assets go to: the bootstrap bucket of ``account`` and ``region``.
    public let assetBucket: String
    /// The bucket templates over 51,200 bytes go to: ``assetBucket`` unless another was given.
    public let templateBucket: String
    /// The role CloudFormation acts with (CDK's execution role), passed to every change set; `nil` when the
    /// deployment acts as the caller.
    public let executionRole: String?
    /// The version of CDK's bootstrap stack in the environment; `nil` when CDK has not bootstrapped it.
    public let cdkBootstrapVersion: Int?
    /// Lambda, with CloudFormation's credentials, for hotswap deployments; `nil` when not given.
    public let lambda: LambdaClient?
    /// Step Functions, with CloudFormation's credentials, for hotswap deployments; `nil` when not given.
    public let stepFunctions: StepFunctionsClient?

    /// The region the stacks deploy to: the CloudFormation client's.
    public var region: String { cloudFormation.region }

    /// A target with every part given (tests, tools).
    public init(
        cloudFormation: CloudFormationClient, s3: S3Client, account: String, assetBucket: String, templateBucket: String? = nil,
        executionRole: String? = nil, cdkBootstrapVersion: Int? = nil, lambda: LambdaClient? = nil, stepFunctions: StepFunctionsClient? = nil
    ) {
        self.cloudFormation = cloudFormation
        self.s3 = s3
        self.account = account
        self.assetBucket = assetBucket
        self.templateBucket = templateBucket ?? assetBucket
        self.executionRole = executionRole
        self.cdkBootstrapVersion = cdkBootstrapVersion
        self.lambda = lambda
        self.stepFunctions = stepFunctions
    }

    /// The name of the stack `cdk bootstrap` deploys unless told otherwise.
    public static let cdkToolkitStackName = "CDKToolkit"

    /// The target in `region`, as the CDK CLI reaches it.
    ///
    /// - When `requiredAccount` is another account than the credentials', the deployment goes through that
    ///   account's CDK deploy role (`cdk bootstrap --trust` makes it assumable), or is refused here, before
    ///   anything changes.
    /// - In the caller's own account bootstrapped by CDK (a `CDKToolkit` stack), the deploy and file-publishing
    ///   roles are assumed and CloudFormation acts with the execution role; a role that cannot be assumed is
    ///   reported and the caller's credentials are used, as `cdk deploy` does.
    /// - Otherwise the caller's credentials do everything.
    ///
    /// - Parameters:
    ///   - templateBucket: where large templates go; the bootstrap bucket when `nil`.
    ///   - names: the bootstrap's names; CDK's default qualifier unless given.
    ///   - report: a line for each role that could not be used.
    public static func resolve(
        environment: AWSEnvironment, region: String, credentials: RefreshingCredentials, templateBucket: String? = nil,
        requiredAccount: String? = nil, names: BootstrapNames = .default,
        report: @escaping @Sendable (String) -> Void = { _ in }
    ) async throws(CloudError) -> DeployTarget {
        let sts = try STSClient(environment: environment, region: region, credentials: credentials)
        let caller = try await sts.callerIdentity().account
        let account = requiredAccount ?? caller
        let partition = BootstrapNames.partition(ofRegion: region)
        let resolved = { (pattern: String) in BootstrapNames.resolved(pattern, account: account, region: region, partition: partition) }
        let deployRole = resolved(names.deployRole)

        var deployCredentials = credentials
        var publishingCredentials = credentials
        var cdkBootstrapVersion: Int?
        if account != caller {
            do throws(CloudError) {
                deployCredentials = try await assumed(deployRole, by: sts)
            } catch {
                throw .configuration(
                    "the stack is bound to account \(account), but the credentials (\(environment.credentialsSource)) are of account \(caller), and CDK's deploy role \(deployRole) could not be assumed (\(error)); nothing was changed. Use credentials of \(account) (--profile, AWS_PROFILE), bootstrap \(account) trusting \(caller) (`cdk bootstrap --trust \(caller) aws://\(account)/\(region)`), or leave the stack's account open to deploy it anywhere"
                )
            }
            cdkBootstrapVersion = try await toolkitVersion(environment: environment, region: region, credentials: deployCredentials)
        } else if let version = try await toolkitVersion(environment: environment, region: region, credentials: credentials) {
            cdkBootstrapVersion = version
            do throws(CloudError) {
                deployCredentials = try await assumed(deployRole, by: sts)
            } catch {
                report(
                    "CDK's deploy role \(deployRole) could not be assumed (\(error)); deploying with the current credentials (\(environment.credentialsSource))"
                )
                cdkBootstrapVersion = nil
            }
        }
        let usesRoles = cdkBootstrapVersion != nil
        if usesRoles {
            let publishingRole = resolved(names.filePublishingRole)
            do throws(CloudError) {
                publishingCredentials = try await assumed(publishingRole, by: sts)
            } catch {
                guard account == caller else { throw error }
                report("CDK's file-publishing role \(publishingRole) could not be assumed (\(error)); uploading assets with the current credentials")
            }
        }
        let assetBucket = resolved(names.assetBucket)
        return DeployTarget(
            cloudFormation: try CloudFormationClient(environment: environment, region: region, credentials: deployCredentials),
            s3: try S3Client(environment: environment, region: region, credentials: publishingCredentials, expectedBucketOwner: account), account: account,
            assetBucket: assetBucket, templateBucket: templateBucket,
            executionRole: usesRoles ? resolved(names.cloudFormationExecutionRole) : nil, cdkBootstrapVersion: cdkBootstrapVersion,
            lambda: try LambdaClient(environment: environment, region: region, credentials: deployCredentials),
            stepFunctions: try StepFunctionsClient(environment: environment, region: region, credentials: deployCredentials))
    }

    /// Credentials of `role`, assumed by `sts`'s credentials and assumed again before they expire; the first
    /// assumption happens here, so a role that cannot be assumed is known before anything changes.
    private static func assumed(_ role: String, by sts: STSClient) async throws(CloudError) -> RefreshingCredentials {
        let credentials = RefreshingCredentials { () async throws(CloudError) -> AWSCredentials in
            try await sts.assumeRole(role, sessionName: STSClient.defaultSessionName())
        }
        _ = try await credentials.current()
        return credentials
    }

    /// The `BootstrapVersion` output of the `CDKToolkit` stack, when CDK has bootstrapped the environment.
    private static func toolkitVersion(environment: AWSEnvironment, region: String, credentials: RefreshingCredentials) async throws(CloudError) -> Int? {
        let cloudFormation = try CloudFormationClient(environment: environment, region: region, credentials: credentials)
        guard let toolkit = try await cloudFormation.stack(named: cdkToolkitStackName), !toolkit.status.hasPrefix("DELETE"),
            toolkit.status != "REVIEW_IN_PROGRESS"
        else { return nil }
        return toolkit.outputs["BootstrapVersion"].flatMap { Int($0) } ?? 0
    }
}
