import Foundation
@testable import FormworkCloud
@testable import FormworkDeploy
import FormworkCore
import Testing

/// What a live diff says of the deployed side, with CloudFormation's answers scripted.
@Suite struct DeployedStacksTests {
    static func session(describing status: String, reason: String?) -> (CloudSession, ScriptedTransport) {
        let transport = ScriptedTransport { request in
            let body = String(decoding: request.body, as: UTF8.self)
            if body.hasPrefix("Action=DescribeStacks") {
                let reasonElement = reason.map { "<StackStatusReason>\($0)</StackStatusReason>" } ?? ""
                return HTTPResponse(
                    status: 200,
                    body: Data(
                        """
                        <DescribeStacksResponse><DescribeStacksResult><Stacks><member>
                        <StackId>arn:aws:cloudformation:eu-west-1:1:stack/Orders/1</StackId><StackName>Orders</StackName>
                        <StackStatus>\(status)</StackStatus>\(reasonElement)</member></Stacks></DescribeStacksResult></DescribeStacksResponse>
                        """.utf8))
            }
            return HTTPResponse(
                status: 200,
                body: Data(
                    #"<GetTemplateResponse><GetTemplateResult><TemplateBody>{"Resources": {"Jobs": {"Type": "AWS::SQS::Queue"}}}</TemplateBody></GetTemplateResult></GetTemplateResponse>"#
                        .utf8))
        }
        let environment = AWSEnvironment(
            variables: ["AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "s", "AWS_REGION": "eu-west-1", "HOME": "/nowhere"],
            transport: transport, retry: RetryPolicy(maxAttempts: 1))
        return (CloudSession(environment: environment), transport)
    }

    static let stacks = try! App { Stack("Orders") { Resource("Jobs", type: "AWS::SQS::Queue") } }.synthesize().stacks

    @Test func aStackInAFailedStateIsSaidSoWithItsReason() throws {
        let (session, transport) = Self.session(describing: "UPDATE_ROLLBACK_FAILED", reason: "Resource Jobs failed to update")
        let deployed = try DeployedStacks(session: session).fetch(Self.stacks)
        let orders = try #require(deployed["Orders"])
        #expect(orders.template?.resources.keys.elements == ["Jobs"])
        #expect(orders.annotation.deployedStatus == "UPDATE_ROLLBACK_FAILED")
        #expect(
            orders.annotation.notes == ["Orders is UPDATE_ROLLBACK_FAILED (Resource Jobs failed to update); this diff is against the template it holds now"])
        // The template is asked for by the stack's id, stage Original: the text as it was submitted.
        #expect(
            String(decoding: transport.requests[1].body, as: UTF8.self)
                == "Action=GetTemplate&Version=2010-05-15&StackName=arn%3Aaws%3Acloudformation%3Aeu-west-1%3A1%3Astack%2FOrders%2F1&TemplateStage=Original")
    }

    @Test func aStackOnlyReviewedForAChangeSetHasNoTemplateAndIsAllNew() throws {
        let (session, transport) = Self.session(describing: "REVIEW_IN_PROGRESS", reason: nil)
        let orders = try #require(try DeployedStacks(session: session).fetch(Self.stacks)["Orders"])
        #expect(orders.template == nil)
        #expect(orders.annotation.notes == ["Orders is REVIEW_IN_PROGRESS in eu-west-1 with no template yet: every resource is new"])
        #expect(transport.requests.count == 1)
    }

    @Test func aSettledStackHasNoNote() throws {
        let (session, _) = Self.session(describing: "UPDATE_COMPLETE", reason: nil)
        let orders = try #require(try DeployedStacks(session: session).fetch(Self.stacks)["Orders"])
        #expect(orders.annotation.notes.isEmpty && orders.template != nil)
    }

    @Test(arguments: [
        ("SignatureDoesNotMatch", "check AWS_SECRET_ACCESS_KEY"),
        ("ExpiredToken", "the temporary credentials have expired"),
        ("AccessDenied", "lack permission for cloudformation:GetTemplate"),
        ("InvalidClientTokenId", "the access key id is not known to AWS"),
    ])
    func serviceErrorsSayWhatToDo(code: String, advice: String) {
        let error = AWSServiceError(service: "cloudformation", action: "GetTemplate", status: 403, code: code, message: "m")
        #expect(error.description.contains(advice))
    }

    @Test func stackOutputsAreReadFromDescribeStacks() throws {
        let transport = ScriptedTransport { _ in
            HTTPResponse(
                status: 200,
                body: Data(
                    """
                    <DescribeStacksResponse><DescribeStacksResult><Stacks><member><StackId>id</StackId><StackName>Orders</StackName>
                    <StackStatus>UPDATE_COMPLETE</StackStatus><EnableTerminationProtection>true</EnableTerminationProtection>
                    <Outputs><member><OutputKey>QueueUrl</OutputKey><OutputValue>https://sqs/1/jobs</OutputValue></member></Outputs>
                    </member></Stacks></DescribeStacksResult></DescribeStacksResponse>
                    """.utf8))
        }
        let environment = AWSEnvironment(variables: ["HOME": "/nowhere"], transport: transport)
        let client = try CloudFormationClient(
            environment: environment, region: "eu-west-1",
            credentials: RefreshingCredentials { AWSCredentials(accessKeyId: "AKID", secretAccessKey: "s", source: "t") })
        let stack = try #require(try SynchronousWait.run { () async throws(CloudError) in try await client.stack(named: "Orders") })
        #expect(stack.outputs == ["QueueUrl": "https://sqs/1/jobs"] && stack.terminationProtection)
    }

    @Test func aStackWithTerminationProtectionIsNotDestroyed() throws {
        let transport = ScriptedTransport { request in
            let body = String(decoding: request.body, as: UTF8.self)
            guard body.hasPrefix("Action=DescribeStacks") else { return HTTPResponse(status: 500) }
            return HTTPResponse(
                status: 200,
                body: Data(
                    """
                    <DescribeStacksResponse><DescribeStacksResult><Stacks><member><StackId>id</StackId><StackName>Orders</StackName>
                    <StackStatus>CREATE_COMPLETE</StackStatus><EnableTerminationProtection>true</EnableTerminationProtection>
                    </member></Stacks></DescribeStacksResult></DescribeStacksResponse>
                    """.utf8))
        }
        let environment = AWSEnvironment(variables: ["HOME": "/nowhere"], transport: transport, retry: RetryPolicy(maxAttempts: 1))
        let credentials = RefreshingCredentials { AWSCredentials(accessKeyId: "AKID", secretAccessKey: "s", source: "t") }
        let target = DeployTarget(
            cloudFormation: try CloudFormationClient(environment: environment, region: "eu-west-1", credentials: credentials),
            s3: try S3Client(environment: environment, region: "eu-west-1", credentials: credentials),
            account: "1", assetBucket: "b")
        let deployer = StackDeployer(target: target, approval: .never, approve: { _, _ in true }, report: { _ in })
        #expect(
            throws: DeployError.refused(
                stack: "Orders", reason: "termination protection is on; turn it off in the app (terminationProtection: false) and deploy, then destroy")
        ) {
            try SynchronousWait.run { () async throws(DeployError) in try await deployer.destroy("Orders") }
        }
        #expect(transport.requests.count == 1, "nothing is deleted")
    }
}
