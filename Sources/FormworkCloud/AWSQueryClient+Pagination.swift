import Foundation

extension AWSQueryClient {
    /// The most pages one listing reads: 1,000. CloudFormation's listings hold at most 100 entries a page,
    /// so this covers 100,000 stacks, events or changes; an endpoint that never stops handing out tokens is
    /// cut off here instead of paging forever.
    public static let maximumPages = 1_000

    /// Calls `action` with `parameters` page after page, handing each page's result to `page`, until an
    /// answer has no `NextToken` or `page` returns `false`.
    ///
    /// Bounded and interruptible: a token handed out twice (a loop), more than ``maximumPages`` pages, or
    /// a cancelled task ends the listing with an error.
    public func paginate(
        _ action: String, _ parameters: [(String, String)] = [],
        _ page: (XMLTree) throws(CloudError) -> Bool
    ) async throws(CloudError) {
        var nextToken: String?
        var seenTokens: Set<String> = []
        for _ in 0..<Self.maximumPages {
            guard !Task.isCancelled else { throw .cancelled }
            var request = parameters
            if let nextToken { request.append(("NextToken", nextToken)) }
            let result = try await call(action, request)
            guard try page(result), let token = result.string("NextToken"), !token.isEmpty else { return }
            guard seenTokens.insert(token).inserted else {
                throw .invalidResponse(service: service, action: action, reason: "the answer hands out a NextToken it gave before; the listing would never end")
            }
            nextToken = token
        }
        throw .invalidResponse(service: service, action: action, reason: "the listing goes on past \(Self.maximumPages) pages; Formwork stops there")
    }
}
