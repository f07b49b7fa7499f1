import FormworkCore
import FormworkL1
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
            try scope.child(model.id).declareResource(
                CfnApiGateway.Model(
                    contentType: .string(model.contentType), description: model.description.map(Value.string),
                    name: model.modelName.map(Value.string), restApiId: apiId, schema: model.schema))
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
                CfnApiGateway.RequestValidator(restApiId: apiId, validateRequestBody: body, validateRequestParameters: parameters))
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

    /// Sets the method properties that name the route's model and validator.
    func setRequestChecks(of route: Route, on method: inout CfnApiGateway.Method, defaults: DefaultsProfile) {
        if let model = route.requestModel {
            method.requestModels = [model.contentType: .reference(Reference(to: self, element: [model.id, "Resource"], form: .ref))]
        }
        method.requestValidatorId = validatorName(for: route, defaults: defaults).map {
            .reference(Reference(to: self, element: [$0, "Resource"], form: .ref))
        }
    }
}
