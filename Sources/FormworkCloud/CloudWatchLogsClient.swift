import Foundation

/// The CloudWatch Logs calls `watch --logs` makes: read a log group's new events.
public struct CloudWatchLogsClient: Sendable {
    let json: AWSJSONClient

    /// A client for CloudWatch Logs in `region` as `environment` reaches it.
    public init(environment: AWSEnvironment, region: String, credentials: RefreshingCredentials) throws(CloudError) {
        json = try AWSJSONClient(service: "logs", environment: environment, region: region, credentials: credentials)
    }

    /// One log event.
    public struct Event: Decodable, Sendable, Equatable {
        /// Milliseconds since 1970.
        public var timestamp: Int64
        /// The logged text, as the function wrote it (usually ending in a line break).
        public var message: String
        /// The log stream the event is in (for Lambda, one per execution environment); `nil` when the answer
        /// leaves it out.
        public var logStreamName: String?
    }

    /// The events of `group` from `start` (milliseconds since 1970) on, oldest first, at most `limit`
    /// (`FilterLogEvents`, one page); none when the group does not exist yet.
    public func events(of group: String, since start: Int64, limit: Int = 1_000) async throws(CloudError) -> [Event] {
        struct Request: Encodable, Sendable {
            let logGroupName: String
            let startTime: Int64
            let limit: Int
        }
        struct Answer: Decodable, Sendable {
            let events: [Event]?
        }
        do {
            return try await json.call(
                "FilterLogEvents", target: "Logs_20140328.FilterLogEvents", targetVersion: "1.1",
                body: Request(logGroupName: group, startTime: start, limit: limit), as: Answer.self
            ).events ?? []
        } catch .service(let error) where error.code == "ResourceNotFoundException" {
            return []
        }
    }
}
