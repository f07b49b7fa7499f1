import FormworkCore
import FormworkL1

/// The Cognito-hosted domain of a user pool, `https://<prefix>.auth.<region>.amazoncognito.com`, where its
/// sign-in pages live (CDK's `pool.addDomain` with `cognitoDomain`), made by ``UserPool/domain(_:prefix:)``.
public struct UserPoolDomain: Construct {
    /// The user pool whose sign-in pages the domain serves (`UserPoolId`); the domain is declared under it.
    public let pool: UserPool
    /// The domain's id below the pool.
    public let idInPool: String
    /// The domain's prefix (`Domain`), unique in the region: 1 to 63 lowercase letters, digits and `-`, not starting or ending
    /// with `-`, and without `aws`, `amazon` or `cognito`.
    public let prefix: String

    public var id: String { "\(pool.id)\(idInPool)" }

    /// `https://<prefix>.auth.<region>.amazoncognito.com`.
    public var baseUrl: Value { "https://\(prefix).auth.\(Aws.region).amazoncognito.com" }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        let allowed = prefix.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
        guard allowed, !prefix.isEmpty, prefix.count <= 63, !prefix.hasPrefix("-"), !prefix.hasSuffix("-") else {
            throw SynthesisError(
                .invalidSetting, paths: [scope.path], "the domain prefix '\(prefix)' must be 1 to 63 lowercase letters, digits and '-', not at either end")
        }
        if let reserved = ["aws", "amazon", "cognito"].first(where: prefix.contains) {
            throw SynthesisError(.invalidSetting, paths: [scope.path], "the domain prefix '\(prefix)' contains '\(reserved)', which Cognito reserves")
        }
        scope.require(pool)
        scope.afterExpansion(.edges) { [self] scope throws(SynthesisError) in
            try scope.scope(of: pool).child(idInPool).declareResource(CfnCognito.UserPoolDomain(domain: .string(prefix), userPoolId: pool.userPoolId))
        }
    }
}

extension UserPool {
    /// The pool's Cognito-hosted domain with `prefix`; list the result in a body.
    public func domain(_ id: String, prefix: String) -> UserPoolDomain {
        UserPoolDomain(pool: self, idInPool: id, prefix: prefix)
    }
}
