/// CloudFormation's quotas on one template.
public enum CloudFormationLimits {
    /// Resources in one template.
    public static let resources = 500
    /// Outputs in one template.
    public static let outputs = 200
    /// Parameters in one template.
    public static let parameters = 200
    /// Mappings in one template.
    public static let mappings = 200
    /// Template body size when uploaded from S3, in bytes (1 MB).
    public static let templateBytes = 1_048_576
    /// Template body size when passed inline (`--template-body`), in bytes.
    public static let inlineTemplateBytes = 51_200
    /// Characters of a logical ID.
    public static let logicalIdLength = 255
    /// The share of a limit at which a warning is given.
    public static let warningThreshold = 0.9
}
