import FormworkCore
import FormworkL1
import OrderedCollections

/// An API destination as a pipe's target (CDK's `ApiDestination` of `aws_pipes_targets`): each event sent as an
/// HTTP request, with the headers, path and query parameters given.
public struct ApiDestinationPipeTarget: PipeTargetDestination {
    /// The destination called.
    public var destination: ApiDestination
    /// What is added to each request; `HttpParameters` is written, if empty, as CDK writes it.
    public var http: PipeTarget.HttpParameters

    /// Calls `destination`, adding `http`.
    public init(_ destination: ApiDestination, http: PipeTarget.HttpParameters = PipeTarget.HttpParameters()) {
        self.destination = destination
        self.http = http
    }

    /// Calls the destination (`events:InvokeApiDestination`).
    public func pipeTarget(at scope: ConstructScope) throws(SynthesisError) -> IntegrationBinding<CfnPipes.Pipe.PipeTargetParameters> {
        IntegrationBinding(
            to: destination, arn: destination.arn, statements: [destination.invokeStatement],
            parameters: CfnPipes.Pipe.PipeTargetParameters(httpParameters: http.parameters))
    }
}

extension PipeTarget {
    /// What a pipe adds to the HTTP request of an API destination.
    public struct HttpParameters: Sendable {
        /// Headers added to each request, by name (`HeaderParameters`); values may be fixed text or JSON paths into the event.
        /// None, and the member left out, unless given.
        public var headers: OrderedDictionary<String, String>
        /// Values for the `*` of the destination's endpoint, in order.
        public var pathParameters: [String]
        /// Query string parameters added to each request, by name (`QueryStringParameters`); values may be fixed text or JSON
        /// paths into the event. None, and the member left out, unless given.
        public var queryParameters: OrderedDictionary<String, String>

        /// Parameters added to the destination's requests; `HttpParameters` is written, if empty, even when none is given, as CDK
        /// writes it.
        public init(headers: OrderedDictionary<String, String> = [:], pathParameters: [String] = [], queryParameters: OrderedDictionary<String, String> = [:]) {
            self.headers = headers
            self.pathParameters = pathParameters
            self.queryParameters = queryParameters
        }

        /// `HttpParameters`, written even when empty, as CDK writes it.
        var parameters: CfnPipes.Pipe.PipeTargetHttpParameters {
            CfnPipes.Pipe.PipeTargetHttpParameters(
                headerParameters: headers.isEmpty ? nil : .object(headers.mapValues { .string($0) }),
                pathParameterValues: pathParameters.isEmpty ? nil : .array(pathParameters.map { .string($0) }),
                queryStringParameters: queryParameters.isEmpty ? nil : .object(queryParameters.mapValues { .string($0) }))
        }
    }

    /// Call an HTTP endpoint through `destination`, adding `http`'s headers, path and query parameters.
    public static func apiDestination(_ destination: ApiDestination, http: HttpParameters = HttpParameters(), input: PipeInput? = nil) -> PipeTarget {
        PipeTarget(ApiDestinationPipeTarget(destination, http: http), input: input)
    }
}
