import OrderedCollections

/// A CloudFormation template: every section, in a typed, ordered model.
///
/// Synthesis produces a `Template`; the readers produce one from JSON or YAML text; validation, checks and
/// the diff engine consume it. Every collection is ordered, so writing a template is deterministic.
///
/// ```swift
/// var template = Template()
/// template.resources["Queue"] = Template.Resource(type: "AWS::SQS::Queue")
/// let text = JSONWriter().string(from: template.json)
/// ```
public struct Template: Sendable, Hashable {
    /// `AWSTemplateFormatVersion`, such as `"2010-09-09"`.
    public var formatVersion: String?
    /// `Description`.
    public var description: String?
    /// `Metadata`.
    public var metadata: OrderedDictionary<String, JSONValue>
    /// `Parameters`, by logical ID.
    public var parameters: OrderedDictionary<String, Parameter>
    /// `Mappings`, by map name.
    public var mappings: OrderedDictionary<String, JSONValue>
    /// `Conditions`, by condition name.
    public var conditions: OrderedDictionary<String, JSONValue>
    /// `Transform`: a macro name or a list of them.
    public var transform: JSONValue?
    /// `Globals`: SAM's shared properties, which its transform expands.
    public var globals: OrderedDictionary<String, JSONValue> = [:]
    /// The `Fn::ForEach` loops (of the `AWS::LanguageExtensions` transform) kept as written, by path
    /// (`Resources.Fn::ForEach::Topics`): those whose collection is known only at deploy, or every loop of a
    /// template read without expansion (``Template/init(json:expandingLoops:)``). Not validated; written
    /// back into their sections, and compared by the diff as written.
    public var unexpandedLoops: OrderedDictionary<String, JSONValue> = [:]
    /// `Rules`, by rule name.
    public var rules: OrderedDictionary<String, JSONValue>
    /// `Resources`, by logical ID.
    public var resources: OrderedDictionary<String, Resource>
    /// `Outputs`, by logical ID.
    public var outputs: OrderedDictionary<String, Output>

    /// A template with the given sections; all of them empty by default.
    public init(
        formatVersion: String? = nil,
        description: String? = nil,
        metadata: OrderedDictionary<String, JSONValue> = [:],
        parameters: OrderedDictionary<String, Parameter> = [:],
        mappings: OrderedDictionary<String, JSONValue> = [:],
        conditions: OrderedDictionary<String, JSONValue> = [:],
        transform: JSONValue? = nil,
        rules: OrderedDictionary<String, JSONValue> = [:],
        resources: OrderedDictionary<String, Resource> = [:],
        outputs: OrderedDictionary<String, Output> = [:]
    ) {
        self.formatVersion = formatVersion
        self.description = description
        self.metadata = metadata
        self.parameters = parameters
        self.mappings = mappings
        self.conditions = conditions
        self.transform = transform
        self.rules = rules
        self.resources = resources
        self.outputs = outputs
    }
}

extension Template {
    /// The loops of `section` kept as written, by their key in the section (`Fn::ForEach::Topics`).
    public func unexpandedLoops(in section: Section) -> OrderedDictionary<String, JSONValue> {
        let prefix = section.rawValue + "."
        var loops = OrderedDictionary<String, JSONValue>()
        for (path, loop) in unexpandedLoops where path.hasPrefix(prefix) { loops[String(path.dropFirst(prefix.count))] = loop }
        return loops
    }

    /// The top-level keys of a template, in the order Formwork writes them.
    ///
    /// The header sections come first, as CDK writes them; then the order in which a CDK app's sections
    /// usually appear (`Resources, Outputs, Mappings, Conditions, Parameters, Rules`), so that templates CDK
    /// wrote are written back unchanged.
    public enum Section: String, Sendable, CaseIterable {
        /// `Description`: a text of at most 1,024 bytes about the template.
        case description = "Description"
        /// `Transform`: the macros CloudFormation runs on the template, such as `AWS::Serverless-2016-10-31`.
        case transform = "Transform"
        /// SAM's section of properties every function, API or table shares; legal with the SAM transform.
        case globals = "Globals"
        /// `AWSTemplateFormatVersion`: the template format's version; `2010-09-09` is the only one.
        case formatVersion = "AWSTemplateFormatVersion"
        /// `Metadata`: free-form data about the template, such as `AWS::CloudFormation::Interface` (how the
        /// console groups parameters) or linters' suppressions.
        case metadata = "Metadata"
        /// `Resources`: the resources of the stack, by logical ID; the one section a template must have.
        case resources = "Resources"
        /// `Outputs`: values the stack shows, and exports for other stacks to import.
        case outputs = "Outputs"
        /// `Mappings`: two-level lookup tables read with `Fn::FindInMap`.
        case mappings = "Mappings"
        /// `Conditions`: named Boolean expressions that decide whether resources and outputs are created.
        case conditions = "Conditions"
        /// `Parameters`: the values given when the stack is created or updated.
        case parameters = "Parameters"
        /// `Rules`: assertions over the parameters' values, checked before the stack is created or updated.
        case rules = "Rules"
    }
}

extension Template {
    /// Whether `id` is a logical ID CloudFormation accepts: 1 to 255 ASCII letters and digits.
    public static func isValidLogicalId(_ id: String) -> Bool {
        guard !id.isEmpty, id.utf8.count <= 255 else { return false }
        return id.utf8.withContiguousStorageIfAvailable { $0.allSatisfy(\.isASCIIAlphanumeric) } ?? id.utf8.allSatisfy(\.isASCIIAlphanumeric)
    }
}

extension UInt8 {
    /// Whether the byte is an ASCII letter or digit.
    public var isASCIIAlphanumeric: Bool {
        (0x30...0x39).contains(self) || (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self)
    }
}
