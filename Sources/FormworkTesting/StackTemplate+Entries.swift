import FormworkTemplate
import OrderedCollections
import Testing

/// Assertions on outputs, parameters, mappings and conditions. `logicalId` may hold `*` for any characters;
/// `"*"` means any entry.
extension StackTemplate {
    /// Asserts that an output named `logicalId` matches `pattern` (its `Value`, `Export`, `Description`, …).
    ///
    /// ```swift
    /// template.hasOutput("QueueUrl", ["Value": ["Ref": .anyValue], "Description": .stringLike("order messages")])
    /// ```
    public func hasOutput(_ logicalId: String, _ pattern: Match, sourceLocation: SourceLocation = #_sourceLocation) {
        assertHas("Outputs", "output", named: logicalId, pattern, sourceLocation: sourceLocation)
    }

    /// The outputs named `logicalId` that match `pattern`, by logical ID.
    ///
    /// ```swift
    /// #expect(template.findOutputs("*", ["Export": .anyValue]).isEmpty)
    /// ```
    public func findOutputs(_ logicalId: String = "*", _ pattern: Match = [:]) -> OrderedDictionary<String, JSONValue> {
        matching(entries(of: "Outputs", named: logicalId), pattern).matched
    }

    /// Asserts that a parameter named `logicalId` matches `pattern` (its `Type`, `Default`, …).
    ///
    /// ```swift
    /// template.hasParameter("BootstrapVersion", ["Type": "AWS::SSM::Parameter::Value<String>"])
    /// ```
    public func hasParameter(_ logicalId: String, _ pattern: Match, sourceLocation: SourceLocation = #_sourceLocation) {
        assertHas("Parameters", "parameter", named: logicalId, pattern, sourceLocation: sourceLocation)
    }

    /// The parameters named `logicalId` that match `pattern`, by logical ID.
    ///
    /// ```swift
    /// let strings = template.findParameters("*", ["Type": "String"])
    /// ```
    public func findParameters(_ logicalId: String = "*", _ pattern: Match = [:]) -> OrderedDictionary<String, JSONValue> {
        matching(entries(of: "Parameters", named: logicalId), pattern).matched
    }

    /// Asserts that a mapping named `logicalId` matches `pattern`.
    ///
    /// ```swift
    /// template.hasMapping("RegionMap", ["eu-west-1": ["ami": .anyValue]])
    /// ```
    public func hasMapping(_ logicalId: String, _ pattern: Match, sourceLocation: SourceLocation = #_sourceLocation) {
        assertHas("Mappings", "mapping", named: logicalId, pattern, sourceLocation: sourceLocation)
    }

    /// The mappings named `logicalId` that match `pattern`, by logical ID.
    ///
    /// ```swift
    /// #expect(template.findMappings("Region*").count == 1)
    /// ```
    public func findMappings(_ logicalId: String = "*", _ pattern: Match = [:]) -> OrderedDictionary<String, JSONValue> {
        matching(entries(of: "Mappings", named: logicalId), pattern).matched
    }

    /// Asserts that a condition named `logicalId` matches `pattern`.
    ///
    /// ```swift
    /// template.hasCondition("IsProduction", ["Fn::Equals": [["Ref": "Stage"], "prod"]])
    /// ```
    public func hasCondition(_ logicalId: String, _ pattern: Match, sourceLocation: SourceLocation = #_sourceLocation) {
        assertHas("Conditions", "condition", named: logicalId, pattern, sourceLocation: sourceLocation)
    }

    /// The conditions named `logicalId` that match `pattern`, by logical ID.
    ///
    /// ```swift
    /// #expect(template.findConditions("Is*").keys.elements == ["IsProduction"])
    /// ```
    public func findConditions(_ logicalId: String = "*", _ pattern: Match = [:]) -> OrderedDictionary<String, JSONValue> {
        matching(entries(of: "Conditions", named: logicalId), pattern).matched
    }
}
