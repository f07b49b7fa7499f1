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
        for (logicalId, resource) in template.resources {
            for (name, value) in resource.properties {
                findSecureStringReferences(in: value, type: resource.type, propertyPath: [name], path: ["Resources", logicalId, "Properties", name])
            }
        }
    }

    /// `propertyPath` stops growing inside an intrinsic function: its arguments are the property's value.
    private mutating func findSecureStringReferences(in value: JSONValue, type: String, propertyPath: [String], path: [String],
                                                     insideFunction: Bool = false) {
        switch value {
        case .string(let text) where text.contains("{{resolve:ssm-secure:"):
            guard !Self.secureStringProperties.contains(([type] + propertyPath).joined(separator: "/")) else { return }
            error("dynamic-reference", path, "CloudFormation resolves ssm-secure references only in a few password properties (RDS, Redshift, ElastiCache, IAM users, Directory Service, ...); read the parameter at run time instead")
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                findSecureStringReferences(in: element, type: type, propertyPath: insideFunction ? propertyPath : propertyPath + ["*"],
                                           path: path + [String(index)], insideFunction: insideFunction)
            }
        case .object(let members):
            for (key, member) in members {
                let isFunction = insideFunction || key.hasPrefix("Fn::") || key == "Ref"
                findSecureStringReferences(in: member, type: type, propertyPath: isFunction ? propertyPath : propertyPath + [key],
                                           path: path + [key], insideFunction: isFunction)
            }
        default:
            break
        }
    }
}
