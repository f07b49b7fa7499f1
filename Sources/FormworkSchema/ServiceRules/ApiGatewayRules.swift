import FormworkTemplate

extension ValidationRun {
    /// A REST API's parts name the same API: a stage and its deployment (cfn-lint E3698), a method and its
    /// authorizer (E3699); and a method's authorization type is its authorizer's kind (E3708).
    mutating func checkRestApiParts(_ resource: Template.Resource, path: [String]) {
        let (partProperty, kind) = resource.type == "AWS::ApiGateway::Stage" ? ("DeploymentId", "deployment") : ("AuthorizerId", "authorizer")
        guard let part = referencedResource(resource.properties[partProperty]) else { return }
        if let api = referencedResource(resource.properties["RestApiId"]), let partApi = referencedResource(part.resource.properties["RestApiId"]),
            api.id != partApi.id
        {
            error(
                "api-parts", path + [partProperty],
                "the \(kind) '\(part.id)' belongs to the API '\(partApi.id)', not to '\(api.id)' like this \(resource.type == "AWS::ApiGateway::Stage" ? "stage" : "method")"
            )
        }
        guard resource.type == "AWS::ApiGateway::Method", part.resource.type == "AWS::ApiGateway::Authorizer",
            let authorization = resource.properties["AuthorizationType"]?.stringValue,
            let authorizerType = part.resource.properties["Type"]?.stringValue
        else { return }
        let expected = authorizerType == "COGNITO_USER_POOLS" ? "COGNITO_USER_POOLS" : "CUSTOM"
        if authorization != expected {
            error(
                "api-parts", path + ["AuthorizationType"],
                "the authorizer '\(part.id)' is a \(authorizerType) authorizer, so AuthorizationType must be \(expected), not \(authorization)")
        }
    }
}
