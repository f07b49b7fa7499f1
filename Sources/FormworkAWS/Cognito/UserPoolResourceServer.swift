import FormworkCore
import FormworkL1

/// An OAuth 2.0 resource server of a user pool (CDK's `userPool.addResourceServer`), at `<Pool>/<id>`: an API the pool
/// issues access tokens for, and the scopes a client may ask for, each `<identifier>/<scopeName>` in the token. Made by
/// ``UserPool/resourceServer(_:identifier:userPoolResourceServerName:scopes:)``; list it in a body.
///
/// ```swift
/// let read = UserPoolResourceServer.Scope(scopeName: "read", scopeDescription: "Read orders")
/// let orders = pool.resourceServer("Orders", identifier: "orders", scopes: [read])
/// orders
/// pool.client("Machine", generateSecret: true, oAuth: .init(flows: [.clientCredentials], scopes: [.resourceServer(orders, read)]))
/// ```
public struct UserPoolResourceServer: Construct {
    /// The user pool the server belongs to (`UserPoolId`); the server is declared under it.
    public let pool: UserPool
    /// The server's id under its pool (`<Pool>/<id>`).
    public let idInPool: String
    /// The server's identifier (`Identifier`), unique in the pool and the prefix of its scopes, such as `orders` or
    /// `https://api.example.com`: 1 to 256 printable ASCII characters other than `"` and `\`. Changing it replaces the server.
    public var identifier: String
    /// The server's name (`Name`), 1 to 256 letters, digits, spaces and `+=,.@-_`; the identifier unless given, as in CDK.
    public var userPoolResourceServerName: String?
    /// The scopes the server defines (`Scopes`), at most 100; `nil` (the default) writes none, and the server has no scope, as
    /// with an empty list (which is written).
    public var scopes: [Scope]?

    /// A scope of a resource server (CDK's `cognito.ResourceServerScope`), an entry of `Scopes`.
    public struct Scope: Sendable, Hashable {
        /// The scope's name (`ScopeName`): 1 to 256 printable ASCII characters other than `"`, `/` and `\`.
        public var scopeName: String
        /// What the scope allows (`ScopeDescription`), 1 to 256 characters.
        public var scopeDescription: String

        /// A scope named `scopeName`, described by `scopeDescription`.
        public init(scopeName: String, scopeDescription: String) {
            self.scopeName = scopeName
            self.scopeDescription = scopeDescription
        }
    }

    public var id: String { "\(pool.id)\(idInPool)" }

    /// `{"Ref": server}`: the server's identifier, as a reference (CDK's `userPoolResourceServerId`).
    public var userPoolResourceServerId: Value { .reference(Reference(to: pool, element: [idInPool, "Resource"], form: .ref)) }

    /// Printable ASCII other than the space, `"` and `\` (Cognito's pattern for an identifier); `/` too for a scope name.
    static func isPrintable(_ text: String, allowingSlash: Bool) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            scalar.value >= 0x21 && scalar.value <= 0x7E && scalar != "\"" && scalar != "\\" && (allowingSlash || scalar != "/")
        }
    }

    public func expand(in scope: ConstructScope) throws(SynthesisError) {
        guard (1...256).contains(identifier.count), Self.isPrintable(identifier, allowingSlash: true) else {
            throw SynthesisError(
                .invalidSetting, paths: [scope.path],
                "the identifier '\(identifier)' must be 1 to 256 printable ASCII characters without spaces, '\"' or '\\'")
        }
        if let name = userPoolResourceServerName {
            let allowed = name.allSatisfy { $0.isLetter || $0.isNumber || $0.isWhitespace || "_+=,.@-".contains($0) }
            guard (1...256).contains(name.count), allowed else {
                throw SynthesisError(
                    .invalidSetting, paths: [scope.path], "the name '\(name)' must be 1 to 256 letters, digits, spaces and '_+=,.@-'")
            }
        }
        let defined = scopes ?? []
        guard defined.count <= 100 else {
            throw SynthesisError(.invalidSetting, paths: [scope.path], "a resource server has at most 100 scopes; this one has \(defined.count)")
        }
        for each in defined {
            guard (1...256).contains(each.scopeName.count), Self.isPrintable(each.scopeName, allowingSlash: false) else {
                throw SynthesisError(
                    .invalidSetting, paths: [scope.path],
                    "the scope name '\(each.scopeName)' must be 1 to 256 printable ASCII characters without spaces, '\"', '/' or '\\'")
            }
            guard (1...256).contains(each.scopeDescription.count) else {
                throw SynthesisError(.invalidSetting, paths: [scope.path], "the description of the scope '\(each.scopeName)' must be 1 to 256 characters")
            }
        }
        scope.require(pool)
        scope.afterExpansion(.edges) { [self] scope throws(SynthesisError) in
            let server = CfnCognito.UserPoolResourceServer(
                identifier: .string(identifier), name: .string(userPoolResourceServerName ?? identifier),
                scopes: scopes?.map {
                    CfnCognito.UserPoolResourceServer.ResourceServerScopeType(scopeDescription: .string($0.scopeDescription), scopeName: .string($0.scopeName))
                },
                userPoolId: pool.userPoolId)
            try scope.scope(of: pool).child(idInPool).declareResource(server)
        }
    }
}

extension UserPool {
    /// An OAuth 2.0 resource server of this pool (CDK's `addResourceServer`) with `identifier` and `scopes`; list the result in
    /// a body.
    public func resourceServer(
        _ id: String, identifier: String, userPoolResourceServerName: String? = nil, scopes: [UserPoolResourceServer.Scope]? = nil
    ) -> UserPoolResourceServer {
        UserPoolResourceServer(pool: self, idInPool: id, identifier: identifier, userPoolResourceServerName: userPoolResourceServerName, scopes: scopes)
    }
}
