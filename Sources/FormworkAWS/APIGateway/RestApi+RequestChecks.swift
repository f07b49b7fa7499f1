import FormworkCore
import OrderedCollections

/// The request models and validators of a REST API: declared once each, before the resources, as CDK apps
/// create them, and hashed into the deployment's logical ID in CDK's shapes.
extension RestApi {
    /// A part of the API the deployment depends on, and what it adds to the deployment's hash.
    struct DeploymentInput {
        let element: [String]
        let component: LogicalIdDigest.Component
    }

    /// Declares the routes' models (in the order routes first name them), then their validators.
    func declareRequestChecks(in scope: ConstructScope) throws(SynthesisError) -> [DeploymentInput] {
        var inputs: [DeploymentInput] = []
        var modelIds = Set<String>()
        for model in routes.compactMap(\.requestModel) where modelIds.insert(model.id).inserted {
            var properties = OrderedDictionary<String, Value>()
            properties["ContentType"] = .string(model.contentType)
            properties["Description"] = model.description.map { .string($0) }
            properties["Name"] = model.modelName.map { .string($0) }
            properties["RestApiId"] = apiId
            properties["Schema"] = model.schema
            try scope.child(model.id).declareResource("AWS::ApiGateway::Model", properties: properties)
            var hashed = OrderedDictionary<String, Value>()
            hashed["name"] = model.modelName.map { .string($0) }
            hashed["restApiId"] = apiId
            hashed["contentType"] = .string(model.contentType)
            hashed["description"] = model.description.map { .string($0) }
            hashed["schema"] = model.schema
            inputs.append(DeploymentInput(element: [model.id, "Resource"], component: .value(["model": .object(hashed)])))
        }
        var validatorNames = Set<String>()
        for route in routes {
            guard let name = validatorName(for: route, defaults: scope.defaults), validatorNames.insert(name).inserted else { continue }
            let body = Value.bool(route.validateRequestBody), parameters = Value.bool(Self.validatesParameters(of: route, defaults: scope.defaults))
            try scope.child(name).declareResource(
                "AWS::ApiGateway::RequestValidator",
                properties: [
                    "RestApiId": apiId, "ValidateRequestBody": body, "ValidateRequestParameters": parameters,
                ])
            let hashed: Value = ["validator": ["restApiId": apiId, "validateRequestBody": body, "validateRequestParameters": parameters]]
            inputs.append(DeploymentInput(element: [name, "Resource"], component: .value(hashed)))
        }
        return inputs
    }

    /// Whether `route`'s parameters are checked: as it says, else under Formwork's defaults when it requires any.
    static func validatesParameters(of route: Route, defaults: DefaultsProfile) -> Bool {
        route.validateRequestParameters ?? (defaults.isFormwork && !route.requiredParameters.isEmpty)
    }

    /// `<Kind>Validator`, the validator a route needs (body, parameters or both), or `nil` for none.
    func validatorName(for route: Route, defaults: DefaultsProfile) -> String? {
        let parameters = Self.validatesParameters(of: route, defaults: defaults)
        guard parameters || route.validateRequestBody else { return nil }
        return (route.validateRequestBody ? "Body" : "") + (parameters ? "Parameters" : "") + "Validator"
    }

    /// The method properties that name the route's model and validator.
    func requestCheckProperties(for route: Route, defaults: DefaultsProfile) -> OrderedDictionary<String, Value> {
        var properties = OrderedDictionary<String, Value>()
        if let model = route.requestModel {
            properties["RequestModels"] = [model.contentType: .reference(Reference(to: self, element: [model.id, "Resource"], form: .ref))]
        }
        properties["RequestValidatorId"] = validatorName(for: route, defaults: defaults).map {
            .reference(Reference(to: self, element: [$0, "Resource"], form: .ref))
        }
        return properties
    }
}
