import FormworkTemplate
import OrderedCollections

/// Finds what CloudFormation would reject in a template, before a deploy: unknown types and properties,
/// wrong types, missing required properties, values out of range, references to nothing, cycles, limits.
///
/// ```swift
/// let issues = TemplateValidator().validate(template)
/// for issue in issues where issue.severity == .error { print(issue) }
/// ```
///
/// Property shapes are checked for the types in Schemas/ (the serverless set); for every other type of
/// CloudFormation, property names, required properties and attributes are checked.
public struct TemplateValidator: Sendable {
    /// The metadata of every resource type.
    public var metadata: ResourceMetadataCatalog
    /// The full schemas of the vendored types.
    public var schemas: ResourceSchemaCatalog

    /// The region the template is for, whose resource types and region-dependent values (instance types)
    /// are checked; `nil` checks the types of us-east-1 and the values any region allows.
    public var region: String?

    /// A validator over the compiled-in schema data.
    ///
    /// - Parameter region: the region the template will be deployed to (default `nil`: none); one of
    ///   ``knownRegions``.
    public init(metadata: ResourceMetadataCatalog = .shared, schemas: ResourceSchemaCatalog = .shared, region: String? = nil) {
        self.metadata = metadata
        self.schemas = schemas
        self.region = region
    }

    /// The regions whose differences the data covers (cfn-lint's per-region schemas), sorted.
    public static var knownRegions: [String] { RegionalSchemas.knownRegions }

    /// Every problem in `template`. The size of its text is checked apart, by ``sizeIssues(textSize:)``,
    /// where the text is at hand.
    public func validate(_ template: Template) -> [ValidationIssue] {
        var run = ValidationRun(template: template, validator: self)
        run.checkSections()
        run.checkSectionShapes()
        run.checkLogicalIds()
        run.checkParameters()
        run.checkRuntimes()
        run.checkSecureStringReferences()
        run.checkRules()
        run.checkResources()
        run.checkServiceRules()
        run.checkReferences()
        run.checkCycles()
        run.checkOutputs()
        run.checkLimits()
        return run.issues
    }

    /// The size limits for a template text of `textSize` bytes: an error above 1 MB, a warning above the
    /// 51,200 bytes CloudFormation accepts inline.
    public static func sizeIssues(textSize: Int) -> [ValidationIssue] {
        if textSize > CloudFormationLimits.templateBytes {
            return [
                ValidationIssue(
                    .error, rule: "limit", path: [],
                    "the template is \(textSize) bytes; CloudFormation accepts at most \(CloudFormationLimits.templateBytes); split the stack")
            ]
        }
        if textSize > CloudFormationLimits.inlineTemplateBytes {
            return [
                ValidationIssue(
                    .warning, rule: "limit", path: [],
                    "the template is \(textSize) bytes, more than the \(CloudFormationLimits.inlineTemplateBytes) CloudFormation accepts inline; deploy it through S3, as the CDK CLI does"
                )
            ]
        }
        return []
    }
}

/// One validation of one template.
struct ValidationRun {
    let template: Template
    let validator: TemplateValidator
    var issues: [ValidationIssue] = []
    /// For each resource (by position), the resources it waits for: gathered while references are checked.
    var dependencies: [[Int]]
    /// The position of the resource whose references are being checked.
    var currentResource: Int?
    /// Whether the template declares the `AWS::LanguageExtensions` transform.
    let hasLanguageExtensions: Bool

    init(template: Template, validator: TemplateValidator) {
        self.template = template
        self.validator = validator
        self.hasLanguageExtensions = template.declaredTransforms.hasLanguageExtensions
        self.dependencies = Array(repeating: [], count: template.resources.count)
        self.resourceTypes = template.resources.values.map(\.type)
    }

    /// The type of each resource, by position.
    let resourceTypes: [String]

    /// Calls `body` with each resource's position, logical ID and the resource, for the passes over the
    /// resources: by index, without the dictionary's iterator (which also copies out each key).
    mutating func forEachResource(_ body: (inout ValidationRun, Int, String, Template.Resource) -> Void) {
        let logicalIds = template.resources.keys.elements, resources = template.resources.values.elements
        for index in resources.indices { body(&self, index, logicalIds[index], resources[index]) }
    }

    /// What a `Ref` to each name of the template yields.
    private(set) lazy var references = ReferenceKinds(template)

    /// The catalogs' answers so far, by type: the shared catalogs lock on every lookup, and templates are
    /// validated in parallel.
    private var metadataByType: [String: ResourceMetadata?] = [:]
    private var schemaByType: [String: CompiledResourceSchema?] = [:]

    /// The metadata of `type`, from the shared catalog once per run.
    mutating func metadata(of type: String) -> ResourceMetadata? {
        if let known = metadataByType[type] { return known }
        let found = validator.metadata[type]
        metadataByType[type] = .some(found)
        return found
    }

    /// The compiled schema of `type` (as the validator's region allows it), from the shared catalog once per run.
    mutating func schema(of type: String) -> CompiledResourceSchema? {
        if let known = schemaByType[type] { return known }
        let found = validator.schemas.schema(of: type, inRegion: validator.region)
        schemaByType[type] = .some(found)
        return found
    }

    /// Records that the resource being checked waits for `target`, when `target` is a resource.
    mutating func noteDependency(on target: String) {
        if let currentResource, let index = template.resources.index(forKey: target) {
            dependencies[currentResource].append(index)
        }
    }

    /// Candidate names left to compare for did-you-mean in this run. Past it, errors come without a
    /// suggestion, so that a template with thousands of misspellings still validates in linear time.
    var suggestionBudget = 200_000

    /// The names a suggestion is picked from.
    enum SuggestionCandidates {
        case resourceTypes
        case resources
        case resourcesAndParameters
        case names([String])
    }

    /// `" Did you mean 'X'?"` for `name`, while the run's budget lasts; nothing after.
    mutating func suggestion(for name: String, among candidates: SuggestionCandidates) -> String {
        guard suggestionBudget > 0 else { return "" }
        let names =
            switch candidates {
            case .resourceTypes: validator.metadata.typeNames
            case .resources: template.resources.keys.elements
            case .resourcesAndParameters: template.resources.keys.elements + template.parameters.keys.elements
            case .names(let names): names
            }
        suggestionBudget -= names.count
        return Suggestion.phrase(for: name, among: names)
    }

    mutating func error(_ rule: String, _ path: [String], _ message: String) {
        issues.append(ValidationIssue(.error, rule: rule, path: path, message))
    }

    // MARK: Sections

    /// `Globals` is SAM's: CloudFormation refuses it unless the SAM transform expands it.
    mutating func checkSections() {
        for loop in template.unexpandedLoops.keys {
            issues.append(
                ValidationIssue(
                    .warning, rule: "for-each", path: loop.split(separator: ".").map(String.init),
                    "the loop's collection is known only at deploy; what it declares is not validated"))
        }
        if let version = template.formatVersion, version != "2010-09-09" {
            error("format-version", ["AWSTemplateFormatVersion"], "'\(version)' is not a template format version; the only one is '2010-09-09'")
        }
        guard !template.globals.isEmpty else { return }
        if template.declaredTransforms.isSAM {
            checkGlobalSections()
        } else {
            error("unknown-section", ["Globals"], "Globals is a section of SAM templates; add Transform: AWS::Serverless-2016-10-31, or remove it")
        }
    }

    // MARK: Logical IDs

    mutating func checkLogicalIds() {
        let sections: [(String, [String])] = [
            ("Parameters", template.parameters.keys.elements), ("Mappings", template.mappings.keys.elements),
            ("Conditions", template.conditions.keys.elements), ("Resources", template.resources.keys.elements),
            ("Outputs", template.outputs.keys.elements),
        ]
        for (section, names) in sections {
            for name in names where !Template.isValidLogicalId(name) {
                // CloudFormation enforces letters and digits for parameters, resources and outputs; widely
                // deployed templates name conditions (and mappings) otherwise, so those only warn.
                let lenient = section == "Conditions" || section == "Mappings"
                issues.append(
                    ValidationIssue(
                        lenient ? .warning : .error, rule: "logical-id", path: [section, name],
                        "'\(name)' is not a valid logical ID; use 1 to 255 ASCII letters and digits"))
            }
        }
        for name in template.parameters.keys where template.resources[name] != nil {
            error("duplicate-logical-id", ["Resources", name], "'\(name)' is both a parameter and a resource; rename one of them")
        }
    }

    // MARK: Resources

    mutating func checkResources() {
        forEachResource { run, _, logicalId, resource in run.checkResource(logicalId, resource) }
    }

    private mutating func checkResource(_ logicalId: String, _ resource: Template.Resource) {
        let path = ["Resources", logicalId]
        checkAttributes(resource, path: path)
        let type = resource.type
        if Self.isCustom(type) { return }
        if template.declaredTransforms.isSAM, type.hasPrefix("AWS::Serverless::") {
            return checkSAMResource(resource, path: path)
        }
        guard let metadata = metadata(of: type) else {
            if !type.hasSuffix("::MODULE"), template.declaredTransforms.areAllKnown,
                !(template.declaredTransforms.isSAM && type.hasPrefix("AWS::Serverless::"))
            {
                let suggestion = suggestion(for: type, among: .resourceTypes)
                error("unknown-resource-type", path + ["Type"], "'\(type)' is not a CloudFormation resource type.\(suggestion)")
            }
            return
        }
        if let region = validator.region, RegionalSchemas.lacks(region, type) {
            error("region", path + ["Type"], "\(type) is not available in \(region); deploy this resource to a region that has it")
        }
        let readOnly = metadata.readOnlyPropertyNames
        for name in resource.properties.keys where readOnly.contains(name) {
            error("read-only-property", path + ["Properties", name], "'\(name)' is set by CloudFormation and cannot be written; remove it")
        }
        let properties = withoutPackagePaths(resource, path: path)
        if let schema = schema(of: type) {
            var evaluator = SchemaEvaluator(resource: schema, propertyDepth: 4, references: references)
            var propertiesPath = path + ["Properties"]
            evaluator.check(.object(properties), against: schema.root, path: &propertiesPath)
            issues += evaluator.issues
        } else {
            checkNames(properties, of: metadata, path: path)
        }
    }

    /// The properties `aws cloudformation package` (and `sam package`) replaces: a local path or an S3 URI
    /// written as a plain string, uploaded and rewritten into the shape the type takes before deploying.
    static let packagePaths: [String: Set<String>] = [
        "AWS::ApiGateway::RestApi": ["BodyS3Location"], "AWS::Lambda::Function": ["Code"], "AWS::Lambda::LayerVersion": ["Content"],
        "AWS::AppSync::GraphQLSchema": ["DefinitionS3Location"],
        "AWS::AppSync::Resolver": ["RequestMappingTemplateS3Location", "ResponseMappingTemplateS3Location"],
        "AWS::AppSync::FunctionConfiguration": ["RequestMappingTemplateS3Location", "ResponseMappingTemplateS3Location"],
        "AWS::ElasticBeanstalk::ApplicationVersion": ["SourceBundle"], "AWS::CloudFormation::Stack": ["TemplateURL"],
        "AWS::StepFunctions::StateMachine": ["DefinitionS3Location"], "AWS::CodeCommit::Repository": ["Code"],
        "AWS::ApiGatewayV2::Api": ["BodyS3Location"],
    ]

    /// The resource's properties with those left for `aws cloudformation package` to fill in standing as a
    /// value the schema accepts anywhere (an import, as it will be a value of another shape), with a warning
    /// for each: the template is valid once packaged, and only then.
    mutating func withoutPackagePaths(_ resource: Template.Resource, path: [String]) -> OrderedDictionary<String, JSONValue> {
        guard let names = Self.packagePaths[resource.type] else { return resource.properties }
        var properties = resource.properties
        for name in names {
            guard case .string(let location)? = properties[name], !location.hasPrefix("https://") else { continue }
            properties[name] = .intrinsic("Fn::ImportValue", .string(location))
            issues.append(
                ValidationIssue(
                    .warning, rule: "package-path", path: path + ["Properties", name],
                    "'\(location)' is a local path or S3 URI for `aws cloudformation package` (or `sam package`) to upload and replace; deploy the packaged template"
                ))
        }
        return properties
    }

    /// Property names and required properties of a type without a vendored schema.
    mutating func checkNames(_ properties: OrderedDictionary<String, JSONValue>, of metadata: ResourceMetadata, path: [String]) {
        for name in properties.keys where !metadata.properties.contains(name) {
            error(
                "unknown-property", path + ["Properties", name],
                "'\(name)' is not a property of \(metadata.typeName).\(suggestion(for: name, among: .names(metadata.properties)))")
        }
        for name in metadata.required where properties[name] == nil {
            error("missing-required", path + ["Properties"], "the required property '\(name)' is missing")
        }
    }

    mutating func checkAttributes(_ resource: Template.Resource, path: [String]) {
        let deletion = ["Delete", "Retain", "RetainExceptOnCreate", "Snapshot"]
        if let policy = resource.deletionPolicy, !deletion.contains(policy) {
            error("invalid-attribute", path + ["DeletionPolicy"], "'\(policy)' is not a deletion policy; use \(deletion.joined(separator: ", "))")
        }
        let replace = ["Delete", "Retain", "Snapshot"]
        if let policy = resource.updateReplacePolicy, !replace.contains(policy) {
            error("invalid-attribute", path + ["UpdateReplacePolicy"], "'\(policy)' is not an update-replace policy; use \(replace.joined(separator: ", "))")
        }
        for (attribute, policy) in [("DeletionPolicy", resource.deletionPolicy), ("UpdateReplacePolicy", resource.updateReplacePolicy)]
        where policy == "Snapshot" && !Self.snapshotTypes.contains(resource.type) && !Self.isCustom(resource.type) && metadata(of: resource.type) != nil {
            error(
                "invalid-attribute", path + [attribute],
                "\(resource.type) cannot be snapshotted; Snapshot is for \(Self.snapshotTypes.sorted().joined(separator: ", ")); use Retain or Delete")
        }
        for (index, target) in resource.dependsOn.enumerated() where template.resources[target] == nil {
            error(
                "missing-dependency", path + ["DependsOn", String(index)],
                "DependsOn names '\(target)', which is not a resource of this template.\(suggestion(for: target, among: .resources))")
        }
        if let condition = resource.condition, template.conditions[condition] == nil {
            error("missing-condition", path + ["Condition"], "the condition '\(condition)' is not defined in Conditions")
        }
    }

    /// The types CloudFormation can snapshot before deleting or replacing them.
    static let snapshotTypes: Set<String> = [
        "AWS::DocDB::DBCluster", "AWS::EC2::Volume", "AWS::ElastiCache::CacheCluster", "AWS::ElastiCache::ReplicationGroup",
        "AWS::Neptune::DBCluster", "AWS::RDS::DBCluster", "AWS::RDS::DBInstance", "AWS::Redshift::Cluster",
    ]

    static func isCustom(_ type: String) -> Bool {
        type.hasPrefix("Custom::") || type == "AWS::CloudFormation::CustomResource"
    }

    // MARK: References

    mutating func checkReferences() {
        var path: [String] = []
        forEachResource { run, index, logicalId, resource in
            run.currentResource = index
            for target in resource.dependsOn { run.noteDependency(on: target) }
            path = ["Resources", logicalId, "Properties"]
            run.checkReferences(in: .object(resource.properties), path: &path)
            let attributes: [(String, JSONValue?)] = [
                ("Metadata", resource.metadata), ("CreationPolicy", resource.creationPolicy), ("UpdatePolicy", resource.updatePolicy),
            ]
            for case let (name, value?) in attributes {
                path = ["Resources", logicalId, name]
                run.checkReferences(in: value, path: &path)
            }
        }
        currentResource = nil
        for (logicalId, output) in template.outputs {
            path = ["Outputs", logicalId]
            checkReferences(in: output.json, path: &path)
            if let condition = output.condition, template.conditions[condition] == nil {
                error("missing-condition", ["Outputs", logicalId, "Condition"], "the condition '\(condition)' is not defined in Conditions")
            }
        }
        for (name, condition) in template.conditions {
            path = ["Conditions", name]
            checkReferences(in: condition, path: &path)
        }
    }

    /// Checks the intrinsics in `value`; `path` is where the value is, restored on return.
    mutating func checkReferences(in value: JSONValue, path: inout [String]) {
        switch value {
        case .array(let elements):
            // Read in place, by index, as the schema evaluator does: an iterator copies each element out.
            for index in elements.indices where elements[index].containsContainers {
                path.append(PropertyPath.component(index))
                checkReferences(in: elements[index], path: &path)
                path.removeLast()
            }
        case .object(let members):
            if members.count == 1 {
                path.append(members.keys[0])
                checkIntrinsic(members.keys[0], members.values[0], path: path)
                path.removeLast()
            }
            let keys = members.keys.elements, values = members.values.elements
            for index in keys.indices where values[index].containsContainers {
                path.append(keys[index])
                checkReferences(in: values[index], path: &path)
                path.removeLast()
            }
        case .null, .bool, .number, .numberText, .string:
            break
        }
    }

    mutating func checkIntrinsic(_ name: String, _ argument: JSONValue, path: [String]) {
        if let problem = IntrinsicArguments.problem(of: name, argument, languageExtensions: hasLanguageExtensions) {
            return error("intrinsic-arguments", path, problem)
        }
        switch (name, argument) {
        case ("Ref", .string(let target)):
            checkRefTarget(target, path: path)
        case ("Fn::GetAtt", .array(let parts)):
            if parts.count == 2, case .string(let target) = parts[0] { checkGetAtt(target, parts[1], path: path) }
        case ("Fn::GetAtt", .string(let dotted)):
            let target = String(dotted.prefix { $0 != "." })
            checkGetAtt(target, .string(String(dotted.dropFirst(target.count + 1))), path: path)
        case ("Fn::Sub", .string(let text)):
            checkSub(text, variables: [], path: path)
        case ("Fn::Sub", .array(let parts)):
            if case .string(let text)? = parts.first {
                checkSub(text, variables: Set(parts.count > 1 ? parts[1].objectValue?.keys.elements ?? [] : []), path: path)
            }
        case ("Fn::If", .array(let parts)):
            if case .string(let condition)? = parts.first, template.conditions[condition] == nil {
                error("missing-condition", path, "Fn::If uses the condition '\(condition)', which is not defined in Conditions")
            }
        case ("Condition", .string(let condition)):
            if template.conditions[condition] == nil {
                error("missing-condition", path, "the condition '\(condition)' is not defined in Conditions")
            }
        case ("Fn::FindInMap", .array(let parts)):
            checkFindInMap(parts, path: path)
        case ("Fn::Length", .object):
            if let intrinsic = IntrinsicFunction(argument), intrinsic.name == "Ref", case .string(let name) = intrinsic.argument, references[name] == .string {
                error("intrinsic-arguments", path, "Fn::Length takes a list, but Ref '\(name)' yields a string")
            }
        case ("Fn::Select", .array(let parts)):
            // A literal index past the end of a literal list fails the deploy.
            if parts.count == 2, let index = parts[0].numberValue ?? parts[0].stringValue.flatMap(Double.init), case .array(let list) = parts[1],
                index < 0 || index >= Double(list.count)
            {
                error("intrinsic-arguments", path, "Fn::Select picks index \(index.messageText) of a list of \(list.count)")
            }
        default:
            break
        }
    }

    /// The mapping, and its keys when they are written out, exist; a fourth argument (a default value,
    /// with the AWS::LanguageExtensions transform) answers for a missing key.
    mutating func checkFindInMap(_ parts: [JSONValue], path: [String]) {
        guard case .string(let map)? = parts.first else { return }
        guard let mapping = template.mappings[map] else {
            return error("missing-mapping", path, "Fn::FindInMap reads the mapping '\(map)', which is not defined in Mappings")
        }
        guard parts.count == 3, case .string(let top) = parts[1] else { return }
        guard let level = mapping[top] else {
            let keys = mapping.objectValue?.keys.elements ?? []
            return error("missing-mapping", path, "the mapping '\(map)' has no key '\(top)'.\(suggestion(for: top, among: .names(keys)))")
        }
        if case .string(let second) = parts[2], level[second] == nil {
            let keys = level.objectValue?.keys.elements ?? []
            error("missing-mapping", path, "the mapping '\(map)' has no key '\(second)' under '\(top)'.\(suggestion(for: second, among: .names(keys)))")
        }
    }

    /// Whether the template gets resources this validation cannot see, named in ways it cannot tell: from a
    /// macro or `AWS::Include`, or from CloudFormation modules (`...::MODULE` types).
    private(set) lazy var expandsAtDeploy: Bool =
        !template.declaredTransforms.areAllKnown || template.resources.values.contains { $0.type.hasSuffix("::MODULE") }

    /// The prefixes of the names SAM's transform gives what it creates: each `AWS::Serverless::*` resource's
    /// logical ID (`FunctionRole`, `ApiProdStage`) and the implicit APIs' (`ServerlessRestApi…`, `ServerlessHttpApi…`).
    private(set) lazy var samNamePrefixes: [String] =
        template.declaredTransforms.isSAM
        ? template.resources.filter { $0.value.type.hasPrefix("AWS::Serverless::") }.keys.elements + ["ServerlessRestApi", "ServerlessHttpApi"]
        : []

    /// A reference to `name`, which the template does not declare: an error, or a warning when a macro, a module
    /// or SAM's transform (for a name it gives) may declare it.
    mutating func missingReference(_ path: [String], _ message: String, name: String) {
        // SAM rewrites the properties of its own resources, references included.
        let inSAMResource = currentResource.map { template.resources.values[$0].type.hasPrefix("AWS::Serverless::") } ?? false
        let mayBeDeclared = expandsAtDeploy || inSAMResource || samNamePrefixes.contains { name.hasPrefix($0) }
        issues.append(
            ValidationIssue(
                mayBeDeclared ? .warning : .error, rule: "missing-reference", path: path,
                mayBeDeclared ? message + " (a transform or module of the template may declare it)" : message))
    }

    mutating func checkRefTarget(_ target: String, path: [String]) {
        if target.hasPrefix("AWS::") {
            if PseudoParameter(rawValue: target) == nil {
                error(
                    "missing-reference", path,
                    "'\(target)' is not a pseudo parameter.\(suggestion(for: target, among: .names(PseudoParameter.allCases.map(\.rawValue))))")
            }
            return
        }
        noteDependency(on: target)
        guard template.resources[target] == nil, template.parameters[target] == nil else { return }
        let suggestion = suggestion(for: target, among: .resourcesAndParameters)
        missingReference(path, "Ref names '\(target)', which is neither a resource nor a parameter of this template.\(suggestion)", name: target)
    }

    mutating func checkGetAtt(_ target: String, _ attribute: JSONValue, path: [String]) {
        guard let resource = template.resources[target] else {
            missingReference(
                path, "Fn::GetAtt names '\(target)', which is not a resource of this template.\(suggestion(for: target, among: .resources))", name: target)
            return
        }
        noteDependency(on: target)
        guard case .string(let name) = attribute, !Self.isCustom(resource.type),
            resource.type != "AWS::CloudFormation::Stack" || !name.hasPrefix("Outputs."),
            let metadata = metadata(of: resource.type), !metadata.attributes.isEmpty
        else { return }
        if !metadata.attributes.contains(name) {
            error(
                "missing-attribute", path,
                "\(resource.type) has no attribute '\(name)'; it has \(metadata.attributes.sorted().joined(separator: ", ")).\(suggestion(for: name, among: .names(metadata.attributes.sorted())))"
            )
        }
    }

    mutating func checkSub(_ text: String, variables: Set<String>, path: [String]) {
        for variable in JSONValue.subVariables(text) where !variables.contains(variable) && !variables.contains(String(variable.prefix { $0 != "." })) {
            let name = String(variable.prefix { $0 != "." })
            noteDependency(on: name)
            if template.resources[name] == nil, template.parameters[name] == nil {
                missingReference(
                    path, "Fn::Sub uses '${\(variable)}', but '\(name)' is neither a resource, a parameter nor a variable of the Fn::Sub", name: name)
            } else if variable.contains(".") {
                checkGetAtt(name, .string(String(variable.dropFirst(name.count + 1))), path: path)
            }
        }
    }

    // MARK: Cycles, outputs, limits

    /// Runs after ``checkReferences()``, which gathers the dependencies. Under the SAM transform, what an
    /// `AWS::Serverless::*` resource references is left out: the transform rewrites those properties into other
    /// resources (an API's inline definition, a deployment preference's alarms), and a cycle through them may not
    /// exist once it has.
    mutating func checkCycles() {
        let types = resourceTypes
        let successors =
            template.declaredTransforms.isSAM
            ? dependencies.enumerated().map { types[$0.offset].hasPrefix("AWS::Serverless::") ? [] : $0.element } : dependencies
        guard let positions = DependencyGraph<Int>.cycle(successors: successors) else { return }
        let cycle = positions.map { template.resources.keys[$0] }
        var issue = ValidationIssue(
            .error, rule: "circular-dependency", path: ["Resources", cycle[0]],
            "the resources depend on each other in a cycle: \(cycle.joined(separator: " → ")); remove one of the references or dependencies")
        issue.related = Array(cycle.dropLast())
        issues.append(issue)
    }

    mutating func checkOutputs() {
        var exports: [JSONValue: String] = [:]
        for (logicalId, output) in template.outputs {
            for key in output.export.keys where key != "Name" {
                error("invalid-attribute", ["Outputs", logicalId, "Export", key], "an Export holds only 'Name'; remove '\(key)'")
            }
            guard let name = output.exportName else { continue }
            if let other = exports[name] {
                error("duplicate-export", ["Outputs", logicalId, "Export", "Name"], "the export name \(name.scalarText) is also used by the output '\(other)'")
            }
            exports[name] = logicalId
        }
    }

    mutating func checkLimits() {
        if template.resources.isEmpty {
            error("no-resources", ["Resources"], "the template declares no resources; CloudFormation requires at least one")
        }
        let counts: [(String, Int, Int)] = [
            ("Resources", template.resources.count, CloudFormationLimits.resources),
            ("Outputs", template.outputs.count, CloudFormationLimits.outputs),
            ("Parameters", template.parameters.count, CloudFormationLimits.parameters),
            ("Mappings", template.mappings.count, CloudFormationLimits.mappings),
        ]
        for (section, count, limit) in counts {
            checkLimit(count, limit, path: [section], what: "\(section.lowercased())")
        }
    }

    mutating func checkLimit(_ count: Int, _ limit: Int, path: [String], what: String) {
        if count > limit {
            error("limit", path, "the template has \(count) \(what); CloudFormation allows \(limit); split the stack")
        } else if Double(count) >= Double(limit) * CloudFormationLimits.warningThreshold {
            issues.append(
                ValidationIssue(.warning, rule: "limit", path: path, "the template has \(count) \(what), close to CloudFormation's limit of \(limit)"))
        }
    }
}

private extension JSONValue {
    /// Whether the value is a list or an object, the only values that can hold an intrinsic function.
    var containsContainers: Bool {
        switch self {
        case .array, .object: true
        case .null, .bool, .number, .numberText, .string: false
        }
    }
}
