import FormworkCore
import FormworkTemplate
import OrderedCollections
import Testing

/// Assertions on resources: CDK's `hasResource`, `hasResourceProperties`, `resourceCountIs`, … Each records
/// an issue at the caller's line when it fails.
extension StackTemplate {
    /// Asserts that a resource of `type` matches `pattern`, which is matched against the whole resource
    /// (`Type`, `Properties`, `DependsOn`, `DeletionPolicy`, …) with objects matched partially.
    ///
    /// ```swift
    /// template.hasResource("AWS::DynamoDB::Table", ["DeletionPolicy": "Retain", "UpdateReplacePolicy": "Retain"])
    /// ```
    public func hasResource(_ type: String, _ pattern: Match = [:], sourceLocation: SourceLocation = #_sourceLocation) {
        let candidates = resources(ofType: type)
        let (matched, misses) = matching(candidates, pattern)
        guard matched.isEmpty else { return }
        AssertionFailure.record(
            noMatchMessage(("resource of type \(type)", "resources of type \(type)"), candidates: candidates.count, misses: misses), at: sourceLocation)
    }

    /// Asserts that a resource of `type` has `properties`, matched partially (a resource without
    /// `Properties` is matched as if it had none).
    ///
    /// ```swift
    /// template.hasResourceProperties("AWS::SQS::Queue", [
    ///     "VisibilityTimeout": 180,
    ///     "RedrivePolicy": ["maxReceiveCount": 3],
    /// ])
    /// ```
    public func hasResourceProperties(_ type: String, _ properties: Match, sourceLocation: SourceLocation = #_sourceLocation) {
        hasResource(type, withProperties(properties), sourceLocation: sourceLocation)
    }

    /// Asserts that the template has exactly `count` resources of `type`.
    ///
    /// ```swift
    /// template.resourceCountIs("AWS::Lambda::Function", 3)
    /// ```
    public func resourceCountIs(_ type: String, _ count: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        let found = resources(ofType: type)
        guard found.count != count else { return }
        AssertionFailure.record(
            "Expected \(count) resource\(count == 1 ? "" : "s") of type \(type), found \(found.count)\(Self.listing(found.map { describe($0.logicalId) }))",
            at: sourceLocation)
    }

    /// Asserts that exactly `count` resources of `type` have `properties`, matched partially.
    ///
    /// ```swift
    /// template.resourcePropertiesCountIs("AWS::SQS::Queue", ["SqsManagedSseEnabled": true], 4)
    /// ```
    public func resourcePropertiesCountIs(_ type: String, _ properties: Match, _ count: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        let matched = matching(resources(ofType: type), withProperties(properties)).matched
        guard matched.count != count else { return }
        AssertionFailure.record(
            "Expected \(count) resource\(count == 1 ? "" : "s") of type \(type) with the properties given, found \(matched.count)\(Self.listing(matched.keys.map(describe)))",
            at: sourceLocation)
    }

    /// The resources of `type` that match `pattern` (whole resources, partially), by logical ID.
    ///
    /// ```swift
    /// let functions = template.findResources("AWS::Lambda::Function", ["Properties": ["Runtime": "nodejs24.x"]])
    /// #expect(functions.count == 12)
    /// ```
    public func findResources(_ type: String, _ pattern: Match = [:]) -> OrderedDictionary<String, JSONValue> {
        matching(resources(ofType: type), pattern).matched
    }

    /// Asserts that every resource of `type` matches `pattern` (whole resources, partially); true when there
    /// is none.
    ///
    /// ```swift
    /// template.allResources("AWS::Logs::LogGroup", ["DeletionPolicy": "Retain"])
    /// ```
    public func allResources(_ type: String, _ pattern: Match, sourceLocation: SourceLocation = #_sourceLocation) {
        let candidates = resources(ofType: type)
        let misses = matching(candidates, pattern).misses
        guard let first = misses.first else { return }
        var message =
            "\(misses.count) of \(candidates.count) resources of type \(type) do not match: \(misses.map { describe($0.logicalId) }.joined(separator: ", "))."
        message +=
            "\n\(describe(first.logicalId)) differs in \(first.result.failCount) place\(first.result.failCount == 1 ? "" : "s"):\n\(first.result.renderMismatch())"
        AssertionFailure.record(message, at: sourceLocation)
    }

    /// Asserts that every resource of `type` has `properties`, matched partially.
    ///
    /// ```swift
    /// template.allResourcesProperties("AWS::Lambda::Function", ["TracingConfig": ["Mode": "Active"]])
    /// ```
    public func allResourcesProperties(_ type: String, _ properties: Match, sourceLocation: SourceLocation = #_sourceLocation) {
        allResources(type, withProperties(properties), sourceLocation: sourceLocation)
    }

    /// The logical ID of the one resource of `type` that matches `properties` (CDK's `getResourceId`); records
    /// an issue and returns `nil` when none or several match.
    ///
    /// ```swift
    /// let queue = try #require(template.resourceId("AWS::SQS::Queue", properties: ["VisibilityTimeout": 180]))
    /// template.hasResourceProperties("AWS::Lambda::EventSourceMapping", ["EventSourceArn": ["Fn::GetAtt": [.value(.string(queue)), "Arn"]]])
    /// ```
    public func resourceId(_ type: String, properties: Match = [:], sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        let candidates = resources(ofType: type)
        let (matched, misses) = matching(candidates, withProperties(properties))
        switch matched.count {
        case 1:
            return matched.keys[0]
        case 0:
            AssertionFailure.record(
                noMatchMessage(("resource of type \(type)", "resources of type \(type)"), candidates: candidates.count, misses: misses), at: sourceLocation)
        default:
            AssertionFailure.record(
                "Expected one resource of type \(type) to match, found \(matched.count)\(Self.listing(matched.keys.map(describe))); add properties that tell them apart",
                at: sourceLocation)
        }
        return nil
    }

    /// Asserts that the whole template matches `pattern`, objects matched partially (CDK's `templateMatches`).
    ///
    /// ```swift
    /// template.templateMatches(["Description": "Shop: order intake", "Outputs": ["QueueUrl": .anyValue]])
    /// ```
    public func templateMatches(_ pattern: Match, sourceLocation: SourceLocation = #_sourceLocation) {
        let result = MatchEvaluation(references: references).result(of: pattern, against: json)
        if result.isSuccess {
            result.finished()
            return
        }
        AssertionFailure.record(
            "The template does not match; it differs in \(result.failCount) place\(result.failCount == 1 ? "" : "s"):\n\(result.renderMismatch())",
            at: sourceLocation)
    }

    /// `{"Properties": properties}`, with a missing `Properties` read as an empty object.
    func withProperties(_ properties: Match) -> Match {
        Match(.custom(PropertiesMatcher(properties: properties, references: references)))
    }

    /// `: A, B, C` for a short list of names.
    static func listing(_ names: [String]) -> String {
        guard !names.isEmpty else { return "" }
        return ": " + names.prefix(10).joined(separator: ", ") + (names.count > 10 ? ", …" : "")
    }
}

/// Matches a resource's `Properties` (an empty object when the resource has none), reporting paths from
/// `Properties`.
private struct PropertiesMatcher: Matcher {
    let properties: Match
    let references: ConstructReferences?
    var name: String { "Properties" }

    func test(_ actual: JSONValue?) -> MatchResult {
        var result = MatchResult(target: actual)
        let found = actual?["Properties"] ?? .object([:])
        result.compose("Properties", MatchEvaluation(references: references).result(of: properties, against: found))
        return result
    }
}
