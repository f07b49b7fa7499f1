import FormworkTemplate

/// CloudFormation resolves `{{resolve:ssm-secure:...}}` only in a few resource properties (passwords and
/// tokens, listed in its dynamic-references documentation); anywhere else the stack fails to deploy.
extension ValidationRun {
    /// The properties that take SSM `SecureString` references: `Type/Property/...`, `*` for any list index.
    static let secureStringProperties: Set<String> = [
        "AWS::DirectoryService::MicrosoftAD/Password",
        "AWS::DirectoryService::SimpleAD/Password",
        "AWS::ElastiCache::ReplicationGroup/AuthToken",
        "AWS::IAM::User/LoginProfile/Password",
        "AWS::KinesisFirehose::DeliveryStream/RedshiftDestinationConfiguration/Password",
        "AWS::OpsWorks::App/AppSource/Password",
        "AWS::OpsWorks::Stack/RdsDbInstances/*/DbPassword",
        "AWS::OpsWorks::Stack/CustomCookbooksSource/Password",
        "AWS::RDS::DBCluster/MasterUserPassword",
        "AWS::RDS::DBInstance/MasterUserPassword",
        "AWS::Redshift::Cluster/MasterUserPassword",
    ]

    mutating func checkSecureStringReferences() {
        var propertyPath: [String] = []
        var path: [String] = []
        forEachResource { run, _, logicalId, resource in
            // Almost no resource holds one: a walk that builds no path finds those that do.
            guard resource.properties.values.contains(where: Self.holdsSecureReference) else { return }
            for (name, value) in resource.properties {
                propertyPath = [resource.type, name]
                path = ["Resources", logicalId, "Properties", name]
                run.findSecureStringReferences(in: value, propertyPath: &propertyPath, path: &path, insideFunction: false)
            }
        }
    }

    /// Walks `value` with the two paths as stacks, joined only for a reference found. `propertyPath` (type,
    /// property, key, ..., `*` for list items) stops growing inside an intrinsic function, whose arguments are
    /// the property's value.
    private mutating func findSecureStringReferences(in value: JSONValue, propertyPath: inout [String], path: inout [String], insideFunction: Bool) {
        switch value {
        case .string(let text):
            guard text.contains("{{resolve:ssm-secure:"),
                !Self.secureStringProperties.contains(propertyPath.joined(separator: "/"))
            else { return }
            error(
                "dynamic-reference", path,
                "CloudFormation resolves ssm-secure references only in a few password properties (RDS, Redshift, ElastiCache, IAM users, Directory Service, ...); read the parameter at run time instead"
            )
        case .array(let elements):
            if !insideFunction { propertyPath.append("*") }
            for (index, element) in elements.enumerated() {
                path.append(PropertyPath.component(index))
                findSecureStringReferences(in: element, propertyPath: &propertyPath, path: &path, insideFunction: insideFunction)
                path.removeLast()
            }
            if !insideFunction { propertyPath.removeLast() }
        case .object(let members):
            for (key, member) in members {
                let isFunction = insideFunction || key.hasPrefix("Fn::") || key == "Ref"
                if !isFunction { propertyPath.append(key) }
                path.append(key)
                findSecureStringReferences(in: member, propertyPath: &propertyPath, path: &path, insideFunction: isFunction)
                path.removeLast()
                if !isFunction { propertyPath.removeLast() }
            }
        default:
            break
        }
    }

    /// Whether `value` holds an ssm-secure reference anywhere.
    private static func holdsSecureReference(_ value: JSONValue) -> Bool {
        switch value {
        case .string(let text): text.containsASCII("{{resolve:ssm-secure:")
        case .array(let elements): elements.contains(where: holdsSecureReference)
        case .object(let members): members.values.contains(where: holdsSecureReference)
        case .null, .bool, .number, .numberText: false
        }
    }
}
