import FormworkCloud
import FormworkDeploy
import Foundation
import Testing

/// `watch --logs`: a function's log group followed against moto, each new event printed once with its label.
@Suite(.needsMoto) struct LogFollowerTests {
    let moto: MotoServer

    init() throws {
        moto = try MotoServer.shared.get()
    }

    @Test func eachNewEventIsPrintedOnceWithItsFunctionsLabel() throws {
        let environment = moto.awsEnvironment()
        let credentials = CredentialChain.credentials(environment)
        let region = "ap-south-1"
        let raw = AWSJSONClient(
            service: "logs", endpoint: URL(string: moto.endpoint)!, region: region, credentials: credentials,
            transport: environment.transport, retry: .standard)
        let group = "/aws/lambda/follow-\(UUID().uuidString.prefix(8))"
        struct Group: Encodable, Sendable { let logGroupName: String }
        struct Stream: Encodable, Sendable {
            let logGroupName: String
            let logStreamName: String
        }
        struct Event: Encodable, Sendable {
            let timestamp: Int64
            let message: String
        }
        struct Put: Encodable, Sendable {
            let logGroupName: String
            let logStreamName: String
            let logEvents: [Event]
        }
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        func put(_ messages: [String], at time: Int64) throws {
            try SynchronousWait.run { () async throws(CloudError) in
                _ = try await raw.call(
                    "PutLogEvents", target: "Logs_20140328.PutLogEvents", targetVersion: "1.1",
                    body: Put(logGroupName: group, logStreamName: "s", logEvents: messages.map { Event(timestamp: time, message: $0) }),
                    as: AWSJSONClient.NoAnswer.self)
            }
        }
        let follower = LogFollower(
            logs: try CloudWatchLogsClient(environment: environment, region: region, credentials: credentials),
            groups: [.init(label: "Orders/Worker", name: group)], since: now - 1_000)
        // A group that does not exist yet is no error: the function has not run.
        #expect(try SynchronousWait.run { () async throws(CloudError) -> [String] in try await follower.newLines() } == [])

        try SynchronousWait.run { () async throws(CloudError) in
            _ = try await raw.call(
                "CreateLogGroup", target: "Logs_20140328.CreateLogGroup", targetVersion: "1.1", body: Group(logGroupName: group),
                as: AWSJSONClient.NoAnswer.self)
            _ = try await raw.call(
                "CreateLogStream", target: "Logs_20140328.CreateLogStream", targetVersion: "1.1", body: Stream(logGroupName: group, logStreamName: "s"),
                as: AWSJSONClient.NoAnswer.self)
        }
        try put(["START", "order 1 accepted\n"], at: now)
        #expect(
            try SynchronousWait.run { () async throws(CloudError) -> [String] in try await follower.newLines() }
                == ["[Orders/Worker] START", "[Orders/Worker] order 1 accepted"])
        try put(["order 2 accepted"], at: now + 5)
        #expect(try SynchronousWait.run { () async throws(CloudError) -> [String] in try await follower.newLines() } == ["[Orders/Worker] order 2 accepted"])
        #expect(try SynchronousWait.run { () async throws(CloudError) -> [String] in try await follower.newLines() } == [])
    }
}
